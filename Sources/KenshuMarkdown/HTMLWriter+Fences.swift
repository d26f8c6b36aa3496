import KenshuCore

extension HTMLWriter {
    /// A fence that nothing closes runs to the end of the page: a quiz whose closing fence was forgotten hides the
    /// lesson's remaining text inside its collapsed explanation, without a word. (One ended by the end of its quote or
    /// list item takes only that item, and is not told.)
    ///
    /// libcmark ends a closed fenced block on its closing fence, so its body has one line fewer than the lines after
    /// the opening one; an unclosed one takes every line to its end. (An indented block's body spans all its lines.)
    func noteUnclosedFence(_ node: MarkdownNode) {
        guard node.endLine > node.startLine, let opening = lines.line(node.startLine + extraLineOffset) else { return }
        let bodyLines = node.literal.utf8.reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        guard bodyLines == node.endLine - node.startLine else { return }
        let marks = opening.drop { $0 != "`" && $0 != "~" }
        guard let mark = marks.first else { return }
        let fence = String(marks.prefix { $0 == mark })
        guard fence.count >= 3 else { return }
        let opened = fence + node.fenceInfo.prefix { $0 != " " && $0 != "\t" && $0 != "\n" }
        diagnostics.append(.warning(.fenceNotClosed, opened, fence, at: location(of: node)))
    }
}
