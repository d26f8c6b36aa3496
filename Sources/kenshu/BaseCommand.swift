import Foundation
import KenshuBuild
import KenshuCore

/// `kenshu base status|accept`: for a course built on another (`base:` in site.yml), what changed
/// in the base since it was last reviewed, and recording the review.
enum BaseCommand {
    /// Lists the base's changes since the version last accepted; exit status 1 when there are any.
    static func status(_ site: SiteOptions, _ language: LanguageOption) throws {
        let printer = language.printer(siteLanguage: nil)
        let status = try attempt(printer, about: site.content) {
            try BaseReview.status(contentDirectory: site.content, today: FreshnessCheck.systemToday())
        }
        for line in BaseReview.report(status, printer: printer) { print(line) }
        if status.changes.map({ !$0.isEmpty }) ?? true { throw ExitCode(1) }
    }

    /// Records the base as it is now as reviewed.
    static func accept(_ site: SiteOptions, _ language: LanguageOption) throws {
        let printer = language.printer(siteLanguage: nil)
        let (record, path) = try attempt(printer, about: site.content) {
            try BaseReview.accept(contentDirectory: site.content, today: FreshnessCheck.systemToday(), language: printer.language)
        }
        print("kenshu: " + printer.say(.cliBaseAccepted, record.base, String(record.files.count), path))
    }
}
