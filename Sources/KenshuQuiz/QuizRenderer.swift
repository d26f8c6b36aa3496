import Foundation
import KenshuCore

/// Writes a quiz as a plain HTML form that reads well without JavaScript: the answer and the
/// explanation sit in a `<details>`, and the page's script adds checking, feedback and progress.
enum QuizRenderer {
    static func html(_ quiz: Quiz, storageID: String, strings: QuizStrings) -> String {
        let id = "quiz-" + quiz.id
        let e: (String) -> String = { HTMLEscaping.escape($0) }
        var out = "<form class=\"quiz\" id=\"\(e(id))\" data-quiz=\"\(e(storageID))\" data-kind=\"\(quiz.kind.rawValue)\""
        if quiz.shuffle { out += " data-shuffle=\"true\"" }
        if quiz.kind == .text {
            let answers = (try? JSONSerialization.data(withJSONObject: quiz.answers)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
            out += " data-answers=\"\(e(answers))\""
            if quiz.kanaInsensitive { out += " data-kana=\"true\"" }
        }
        out += ">\n<fieldset aria-describedby=\"\(e(id))-question\">\n<legend>\(e(strings.label))</legend>\n"
        out += "<div class=\"quiz-question\" id=\"\(e(id))-question\">\n\(quiz.questionHTML)</div>\n"
        if quiz.kind == .text {
            out += "<p class=\"quiz-text\"><label for=\"\(e(id))-input\">\(e(strings.typedAnswer))</label> "
            out += "<input type=\"text\" id=\"\(e(id))-input\" name=\"\(e(id))\" autocomplete=\"off\"></p>\n"
        } else {
            let type = quiz.kind == .single ? "radio" : "checkbox"
            out += "<ul class=\"quiz-choices\">\n"
            for (index, choice) in quiz.choices.enumerated() {
                out += "<li class=\"quiz-choice\" data-correct=\"\(choice.isCorrect)\"><label>"
                out += "<input type=\"\(type)\" name=\"\(e(id))\" value=\"\(index)\"> <span>\(choice.html)</span></label>"
                if let feedback = choice.feedbackHTML {
                    out += "\n<div class=\"quiz-feedback\" hidden>\n\(feedback)</div>"
                }
                out += "</li>\n"
            }
            out += "</ul>\n"
        }
        out += "</fieldset>\n"
        out += "<div class=\"quiz-actions\"><button type=\"submit\" class=\"quiz-check\">\(e(strings.check))</button> "
        out += "<button type=\"button\" class=\"quiz-retry\" hidden>\(e(strings.retry))</button></div>\n"
        out += "<p class=\"quiz-result\" role=\"status\" aria-live=\"polite\"></p>\n"
        out += "<details class=\"quiz-answer\">\n<summary>\(e(strings.showAnswer))</summary>\n"
        out += "<p class=\"quiz-correct\"><strong>\(e(strings.correctAnswer))：</strong>"
        if quiz.kind == .text {
            out += quiz.answers.map(e).joined(separator: " / ")
        } else {
            out += quiz.choices.filter(\.isCorrect).map(\.html).joined(separator: " / ")
        }
        out += "</p>\n"
        let withFeedback = quiz.choices.filter { $0.feedbackHTML != nil }
        if !withFeedback.isEmpty {
            out += "<dl class=\"quiz-all-feedback\" aria-label=\"\(e(strings.choiceFeedback))\">\n"
            for choice in withFeedback { out += "<dt>\(choice.html)</dt>\n<dd>\(choice.feedbackHTML ?? "")</dd>\n" }
            out += "</dl>\n"
        }
        if !quiz.explanationHTML.isEmpty { out += "<div class=\"quiz-explanation\">\n\(quiz.explanationHTML)</div>\n" }
        out += "</details>\n</form>\n"
        return out
    }
}
