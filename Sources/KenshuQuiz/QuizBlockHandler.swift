import KenshuCore
import KenshuMarkdown

/// Reads ```` ```quiz ```` blocks into ``Quiz`` values: plugs the quiz grammar into the Markdown
/// stage. The markup is the theme's (`templates/quiz.mustache`), drawn by the render stage.
public struct QuizBlockHandler: FencedBlockHandler {
    public init() {}

    public func render(_ block: FencedBlock, context: FencedBlockContext) -> FencedBlockOutput {
        var parser = QuizParser(context: context, body: block.body, fence: block.location)
        guard let quiz = parser.parse(block.body) else {
            return .html("<pre><code>" + HTMLEscaping.escape(block.body) + "</code></pre>")
        }
        return .model(quiz, ids: [quiz.storageID])
    }
}
