import Foundation
import KenshuCore
import KenshuQuiz
import KenshuSite

/// Every quiz of a course as Moodle GIFT text, so an LMS question bank gets the same questions.
///
/// Built from the typed ``Quiz`` model (the Markdown the author wrote, marked `[markdown]` for
/// Moodle), never from rendered HTML. One `$CATEGORY:` per module; titles are the quizzes'
/// storage ids, which stay the same across rebuilds.
public enum GIFTWriter {
    /// The whole file; `notice` (licence and attribution) goes first as `//` comment lines.
    public static func gift(for site: Site, notice: String) -> String {
        var out = notice.split(separator: "\n").map { "// " + $0 }.joined(separator: "\n")
        out += "\n\n"
        for module in site.modules {
            let pages = module.pages.map { site[page: $0] }
            let quizzes = pages.flatMap(\.body.quizzes)
            guard !quizzes.isEmpty else { continue }
            out += "$CATEGORY: " + categoryName(site.config.title) + "/" + categoryName(module.title) + "\n\n"
            for quiz in quizzes { out += question(quiz) + "\n\n" }
        }
        return out
    }

    /// A warning for each link and image in a quiz that leads into the course (`images/図.png`,
    /// `02-x.md`, `#見出し`): GIFT carries the Markdown as written, and in a Moodle question bank
    /// such a path leads nowhere. `https://` links are fine.
    public static func localLinks(in site: Site) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for module in site.modules {
            for page in module.pages.map({ site[page: $0] }) {
                for quiz in page.body.quizzes {
                    for link in page.body.links where link.location.path == quiz.location.path
                        && (quiz.location.line...max(quiz.location.line, quiz.lastLine)).contains(link.location.line) {
                        switch link.target {
                        case .external: continue
                        case .content, .samePage, .outsideContent, .rootRelative:
                            found.append(.warning(link.kind == .image ? .giftLocalImage : .giftLocalLink, link.destination, at: link.location))
                        }
                    }
                }
            }
        }
        return found
    }

    /// One question: `::title::[markdown]question{answers}`.
    static func question(_ quiz: Quiz) -> String {
        var out = "::" + escape(quiz.storageID) + "::[markdown]" + escape(quiz.questionMarkdown) + " {\n"
        switch quiz.kind {
        case .single:
            for choice in quiz.choices {
                let text = escape(choice.markdown)
                // Moodle reads `~%8%…` as a weight of 8 % (and removes only the first weight); after `=` it reads none.
                let mark = choice.isCorrect ? "=" : text.hasPrefix("%") ? "~%0%" : "~"
                out += "\t" + mark + text + feedback(choice) + "\n"
            }
        case .multiple:
            let right = quiz.choices.filter(\.isCorrect).count, wrong = quiz.choices.count - right
            for choice in quiz.choices {
                let weight = choice.isCorrect ? percent(100, over: right) : "-" + percent(100, over: wrong)
                out += "\t~%" + weight + "%" + escape(choice.markdown) + feedback(choice) + "\n"
            }
        case .text:
            for answer in ShortAnswerVariants.variants(of: quiz.answers, kanaInsensitive: quiz.kanaInsensitive) {
                // A typed answer is compared as written, not read as Markdown: one that starts with `%` gets its
                // full weight written out, so that Moodle does not read `%5%` as a weight of 5 %.
                let text = escape(answer).replacingOccurrences(of: "*", with: "\\*")
                out += "\t=" + (text.hasPrefix("%") ? "%100%" : "") + text + "\n"
            }
        }
        let explanation = quiz.explanationMarkdown.trimmingCharacters(in: .whitespacesAndNewlines)
        if !explanation.isEmpty { out += "\t####" + escape(explanation) + "\n" }
        return out + "}"
    }

    /// GIFT's special characters `~ = # { } :` and the backslash, escaped; line breaks as `\n`
    /// (a blank line would end the question).
    public static func escape(_ text: String) -> String {
        var out = ""
        for character in text.trimmingCharacters(in: .whitespacesAndNewlines) {
            switch character {
            case "\\", "~", "=", "#", "{", "}", ":": out += "\\" + String(character)
            case "\n", "\r\n": out += "\\n"
            case "\r": continue
            default: out.append(character)
            }
        }
        return out
    }

    /// `100 / parts` as Moodle writes grades (`33.33333`, `50`), with 5 decimals at most.
    static func percent(_ total: Double, over parts: Int) -> String {
        guard parts > 0 else { return "0" }
        var text = String(format: "%.5f", total / Double(parts))
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    private static func feedback(_ choice: Quiz.Choice) -> String {
        guard let text = choice.feedbackMarkdown?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return "" }
        return "#" + escape(text)
    }

    /// A category level. Moodle reads the `$CATEGORY:` line without unescaping it (an escaped
    /// character would stay a placeholder), and `/` separates levels, so GIFT's special characters
    /// in a title become their full-width forms instead of being escaped.
    private static func categoryName(_ title: String) -> String {
        let fullWidth: [Character: Character] = ["/": "／", "~": "～", "=": "＝", "#": "＃", "{": "｛", "}": "｝", ":": "：", "\\": "＼"]
        return String(title.map { fullWidth[$0] ?? ($0.isNewline ? " " : $0) })
    }
}
