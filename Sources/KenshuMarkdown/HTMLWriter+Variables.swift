import KenshuCore

extension HTMLWriter {
    /// Replaces `{{name}}` in one text node by its value from `vars:`; an unknown name is a located
    /// error (with the closest known name) and stays visible as written.
    ///
    /// Only text nodes are touched, so code spans, code blocks, raw HTML and link destinations keep
    /// their braces; a backslash before the braces (`\{{`) makes them text (libcmark splits the
    /// escaped brace into a node of its own).
    func substituteVariables(in node: MarkdownNode) {
        let literal = node.literal
        let (text, unknown) = TextVariables.substitute(literal, values: options.variables)
        for occurrence in unknown {
            let hint = ClosestMatch.find(occurrence.name, among: options.variables.keys.sorted()).map { Message(.fixDidYouMean, "{{" + $0 + "}}") }
            diagnostics.append(.error(
                .unknownVariable, occurrence.name,
                at: location(line: node.startLine, column: node.startColumn + occurrence.byteOffset), fix: hint))
        }
        if text != literal { node.setLiteral(text) }
    }
}
