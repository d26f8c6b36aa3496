import Foundation
import KenshuBuild
import KenshuCommandLine
import KenshuCore

/// `kenshu new [DIR]`: starts a course that builds and checks clean.
struct NewCommand {
    let language: LanguageOption
    let base: String?
    let directory: String

    init(_ command: ParsedCommand) {
        language = LanguageOption(command)
        base = command.value(.base)
        directory = command.argument ?? "."
    }

    func run() throws {
        let printer = language.printer(siteLanguage: nil)
        let target = NewCourseTarget(directory)
        try attempt(printer, about: directory) {
            if let base {
                try StarterOverlay.write(
                    to: target.project, base: base, today: FreshnessCheck.systemToday(), emptyFolder: target.mustBeEmpty)
            } else {
                // Only an explicit `--lang en` writes the English course: LANG alone may be English on a Japanese PC.
                try StarterCourse.write(to: target.project, language: language.lang ?? .ja, emptyFolder: target.mustBeEmpty)
            }
        }
        let next = target.projectAsTyped.isEmpty || target.projectAsTyped == "."
            ? "" : "cd " + ShellWord.quoted(target.projectAsTyped) + " && "
        if target.namesContentFolder {
            print("kenshu: " + printer.say(.cliNewCreatedAsContentFolder, target.directoryAsTyped, next))
        } else {
            let cd = ShellWord.quoted(directory)
            print("kenshu: " + (base.map { printer.say(.cliNewOverlayCreated, directory, $0, cd) } ?? printer.say(.cliNewCreated, directory, cd)))
        }
    }
}
