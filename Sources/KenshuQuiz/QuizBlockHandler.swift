import KenshuCore
import KenshuMarkdown

/// Renders ```` ```quiz ```` blocks: plugs the quiz grammar into the Markdown stage.
public struct QuizBlockHandler: FencedBlockHandler {
    public let strings: QuizStrings

    public init(strings: QuizStrings) { self.strings = strings }

    public func render(_ block: FencedBlock, context: FencedBlockContext) -> FencedBlockOutput {
        var parser = QuizParser(context: context, body: block.body, fence: block.location)
        guard let quiz = parser.parse(block.body) else {
            return FencedBlockOutput(html: "<pre><code>" + HTMLEscaping.escape(block.body) + "</code></pre>")
        }
        return FencedBlockOutput(
            html: QuizRenderer.html(quiz, storageID: quiz.storageID, strings: strings), ids: [quiz.storageID], model: quiz)
    }
}
