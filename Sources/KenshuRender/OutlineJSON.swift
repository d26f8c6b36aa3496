import KenshuCore
import KenshuSite

/// The JSON of `course.js` (the course outline the progress page and the SCORM runtime read) and of
/// `toc.js` (the module list), written from the site's typed values with ``JSONText``, keys in sorted
/// order. Not `[String: Any]` through `JSONSerialization`: every value went through a dynamic cast,
/// and at 10,000 lessons it was 2 % of a build.
enum OutlineJSON {
    /// `{"modules":[{"href","lessons":[{"path","quizzes","title"}],"path","tests":[{"passMark",…}],"title"}],"site","title"}`
    static func course(of site: Site) -> String {
        var out = Array("{\"modules\":[".utf8)
        for (number, module) in site.modules.enumerated() {
            if number > 0 { out.append(UInt8(ascii: ",")) }
            let pages = module.lessons.map { site[page: $0] }
            out += "{\"href\":".utf8
            JSONText.append(SitePath("index.html").relativeURL(to: module.sitePath), to: &out)
            out += ",\"lessons\":".utf8
            appendPages(pages.filter { !$0.frontMatter.isTest }, to: &out)
            out += ",\"path\":".utf8
            JSONText.append(module.sitePath.value, to: &out)
            out += ",\"tests\":".utf8
            appendPages(pages.filter(\.frontMatter.isTest), to: &out)
            out += ",\"title\":".utf8
            JSONText.append(module.title, to: &out)
            out.append(UInt8(ascii: "}"))
        }
        out += "],\"site\":".utf8
        JSONText.append(site.config.storageID, to: &out)
        out += ",\"title\":".utf8
        JSONText.append(site.config.title, to: &out)
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }

    /// `{"modules":[{"href","title"}]}`
    static func modules(of site: Site) -> String {
        var out = Array("{\"modules\":[".utf8)
        for (number, module) in site.modules.enumerated() {
            if number > 0 { out.append(UInt8(ascii: ",")) }
            out += "{\"href\":".utf8
            JSONText.append(SitePath("index.html").relativeURL(to: module.sitePath), to: &out)
            out += ",\"title\":".utf8
            JSONText.append(module.title, to: &out)
            out.append(UInt8(ascii: "}"))
        }
        out += "]}".utf8
        return String(decoding: out, as: UTF8.self)
    }

    /// Lessons as `{"path","quizzes","title"}`; a module test also has its `passMark` (80 unless set).
    private static func appendPages(_ pages: [ParsedPage], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for (number, page) in pages.enumerated() {
            if number > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "{"))
            if page.frontMatter.isTest { out += "\"passMark\":\(page.frontMatter.passMark ?? 80),".utf8 }
            out += "\"path\":".utf8
            JSONText.append(page.sitePath.value, to: &out)
            out += ",\"quizzes\":[".utf8
            for (index, id) in (page.body.blockIDs["quiz"] ?? []).enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSONText.append(id, to: &out)
            }
            out += "],\"title\":".utf8
            JSONText.append(page.frontMatter.title, to: &out)
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
    }
}
