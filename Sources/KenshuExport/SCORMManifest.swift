import KenshuCore
import KenshuSite

/// `imsmanifest.xml` of a SCORM 1.2 package: one organisation, one item and SCO per module
/// (launched through ``launcher`` at the module's overview page, with `adlcp:masteryscore` from its test's `pass_mark`),
/// and one shared asset resource holding the rest of the site (home, progress page, theme, images).
enum SCORMManifest {
    static let fileName = "imsmanifest.xml"
    /// The launcher page (the theme's `scorm-launch` template): it holds the SCO's API session while
    /// the learner moves between pages.
    static let launcher = "scorm-launch.html"

    /// - Parameter files: every path of the package other than the manifest.
    static func xml(for site: Site, files: [String]) -> String {
        var scoFiles: Set<String> = []
        var items = "", resources = ""
        for (number, module) in site.modules.enumerated() {
            let id = String(format: "%02d", number + 1)
            let pages = module.pages.map { site[page: $0].sitePath.value }
            scoFiles.formUnion(pages)
            items += "      <item identifier=\"item-\(id)\" identifierref=\"sco-\(id)\" isvisible=\"true\">\n"
            items += "        <title>\(escape(module.title))</title>\n"
            if let mark = masteryScore(of: module, in: site) { items += "        <adlcp:masteryscore>\(mark)</adlcp:masteryscore>\n" }
            items += "      </item>\n"
            resources += "    <resource identifier=\"sco-\(id)\" type=\"webcontent\" adlcp:scormtype=\"sco\" href=\"\(launcher)?start=\(href(module.sitePath.value))\">\n"
            for page in pages { resources += "      <file href=\"\(href(page))\"/>\n" }
            resources += "      <dependency identifierref=\"shared\"/>\n    </resource>\n"
        }
        resources += "    <resource identifier=\"shared\" type=\"webcontent\" adlcp:scormtype=\"asset\">\n"
        for file in files.sorted() where !scoFiles.contains(file) { resources += "      <file href=\"\(href(file))\"/>\n" }
        resources += "    </resource>\n"
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <manifest identifier="\(identifier(site.config.storageID))" version="1.0"
              xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
              xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
              xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
              xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
              <metadata>
                <schema>ADL SCORM</schema>
                <schemaversion>1.2</schemaversion>
              </metadata>
              <organizations default="course">
                <organization identifier="course">
                  <title>\(escape(site.config.title))</title>

            """ + items + """
                </organization>
              </organizations>
              <resources>

            """ + resources + """
              </resources>
            </manifest>

            """
    }

    /// The pass mark of the module's (first) test, when it has one.
    static func masteryScore(of module: Site.Module, in site: Site) -> Int? {
        module.lessons.lazy.map { site[page: $0].frontMatter }.first(where: \.isTest)?.passMark
    }

    /// A site path as a relative URL (each segment percent-encoded).
    private static func href(_ path: String) -> String {
        escape(PercentEncoding.encodePath(path))
    }

    /// An XML `ID` (an NCName) made from the course id.
    private static func identifier(_ id: String) -> String {
        "kenshu-" + String(id.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_.".unicodeScalars.contains(scalar))
                ? Character(scalar) : "-"
        })
    }

    private static func escape(_ text: String) -> String {
        HTMLEscaping.escape(text).replacingOccurrences(of: "'", with: "&apos;")
    }
}
