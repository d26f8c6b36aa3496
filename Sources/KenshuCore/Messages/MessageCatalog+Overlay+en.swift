// The English catalog: courses built on another (`base:`, `hide:`, `vars:` in site.yml) and `kenshu base`.
extension MessageCatalog {
    static let overlayEnglish: [MessageKey: Entry] = [
        .baseNotFound: Entry("the base course '{0}' named by 'base:' does not exist", fix: "give the base's Content folder, or a zip made by 'kenshu export --format source', relative to the folder holding site.yml"),
        .baseLoop: Entry("following the base courses leads back to '{0}'", fix: "check that the base's site.yml does not name this course as its 'base:'"),
        .baseTooDeep: Entry("base courses are stacked more than {0} deep", fix: "export a middle course with 'kenshu export --format source' and use that zip as 'base:'"),
        .baseArchiveUnreadable: Entry("'{0}' cannot be read as a zip: {1}", fix: "name the zip made by 'kenshu export --format source' as it is (its unpacked folder works too)"),
        .baseArchiveWithoutSite: Entry("the zip '{0}' holds no site.yml", fix: "name a zip made by 'kenshu export --format source'"),
        .baseArchiveTooLarge: Entry("unpacking the zip '{0}' would take more than {1} MB; stopped reading it", fix: "check that it is a course zip; hand out large videos separately"),
        .overlaySameID: Entry("this course's id '{0}' is the same as its base's, so progress mixes when both are opened on one PC", fix: "give this course its own id, e.g. 'id: {1}'"),
        .hiddenFileNotInBase: Entry("'{0}' in 'hide:' is not in the base course", fix: "write it relative to the base's Content folder (e.g. '02-cloud/03-cost.md')"),
        .baseChangedSinceAccepted: Entry("the base course has changed since the version accepted on {0} ({1} changed, {2} added, {3} removed)", fix: "list them with 'kenshu base status'; once reviewed, record it with 'kenshu base accept'"),
        .baseNeverAccepted: Entry("no version of the base course has been recorded as reviewed yet", fix: "run 'kenshu base accept' to record the current one; from then on the base's changes are listed"),
        .baseRecordUnreadable: Entry("base-accepted.yml cannot be read: {0}", fix: "Kenshu writes this file: delete it and run 'kenshu base accept' again"),
        .hideWithoutBase: Entry("'hide:' goes with 'base:', and this course has no 'base:'", fix: "name the course to build on with 'base:', or remove 'hide:'"),
        .notAnOverlay: Entry("the site.yml of '{0}' has no 'base:': this course is not built on another", fix: "add 'base: ../other-course/Content' to site.yml, or start with 'kenshu new --base'"),
        .varsNotMapping: Entry("'vars' takes 'name: value' pairs", fix: "write them indented on the lines below vars:, e.g. '自治体名: 架空町'"),
        .variableNameInvalid: Entry("'{0}' cannot be a variable name", fix: "use letters, digits, '_' and '-' only (e.g. '自治体名', 'department')"),
        .unknownVariable: Entry("the variable '{0}' is not in 'vars:' of site.yml", fix: "add a line '{0}: value' under 'vars:' in site.yml. To show the braces as they are, write '\\{{'"),

        .cliNewOverlayCreated: Entry("created a course in '{0}' built on '{1}'. Set vars: in site.yml for your municipality, then: cd {0} && kenshu build --open"),
        .cliBaseChangesHeader: Entry("files of the base course '{0}' changed since the version accepted on {1}:"),
        .cliBaseChanged: Entry("  changed  {0}"),
        .cliBaseAdded: Entry("  added    {0}"),
        .cliBaseRemoved: Entry("  removed  {0}"),
        .cliBaseReplacedHere: Entry(" (this course replaces it: compare and take over what applies)"),
        .cliBaseHiddenHere: Entry(" (hidden here by hide:)"),
        .cliBaseUnchanged: Entry("the base course '{0}' has not changed since the version accepted on {1}"),
        .cliBaseNeverAccepted: Entry("no version of the base course '{0}' has been recorded as reviewed yet"),
        .cliBaseAcceptHint: Entry("once reviewed, record it with 'kenshu base accept'"),
        .cliBaseAccepted: Entry("recorded the current version of the base course '{0}' ({1} files) as reviewed in '{2}'"),
    ]
}
