import Foundation
import KenshuCore

/// The plain text of one part of a page: the text before the first heading, or one heading and
/// what follows it up to the next heading. Search indexes these, one document per section.
public struct PageSection: Sendable, Hashable {
    /// The heading's element id (`nil` for the text before the first heading).
    public var headingID: String?
    public var headingText: String
    /// The section's words without markup; fenced blocks that a plug-in renders (quizzes) are left out.
    public var text: String

    public init(headingID: String?, headingText: String, text: String) {
        self.headingID = headingID
        self.headingText = headingText
        self.text = text
    }
}

/// Splits a cmark tree into ``PageSection``s, pairing the n-th heading node with the n-th heading the
/// HTML writer recorded (so ids match the page's anchors).
enum SectionCollector {
    /// - Parameter overrides: text to take instead of a node's own (its children are not read): a table's
    ///   cells for its paragraph, nothing for markup such as an alert's marker.
    static func sections(
        of root: MarkdownNode, headings: [Heading], pluginInfoWords: Set<String>, overrides: [MarkdownNode: String] = [:]
    ) -> [PageSection] {
        var sections = [PageSection(headingID: nil, headingText: "", text: "")]
        var headingNumber = 0
        func add(_ text: String) { sections[sections.count - 1].text += text }
        func separate() {
            // By the last byte: only a final space or LF can be part of a larger last character (a
            // prepended mark before the space, CR before LF), so only then are characters looked at.
            let text = sections[sections.count - 1].text
            guard let byte = text.utf8.last else { return }
            if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\n") {
                add("\n")
            } else if let last = text.last, last != " ", last != "\n" {
                add("\n")
            }
        }
        root.walk { node, entering in
            if entering, !overrides.isEmpty, let text = overrides[node] {
                guard !text.isEmpty else { return node.firstChild == nil ? .visitChildren : .skipChildren }
                separate()
                add(text)
                separate()
                return .skipChildren
            }
            switch node.kind {
            case .heading:
                guard entering else { return .visitChildren }
                let heading = headingNumber < headings.count ? headings[headingNumber] : nil
                headingNumber += 1
                sections.append(PageSection(headingID: heading?.id, headingText: heading?.text ?? plainText(of: node), text: ""))
                return .skipChildren
            case .text, .code: add(node.literal)
            case .softBreak: add(LineJoining.joinsWithoutSpace(node) ? "" : " ")
            case .lineBreak: add("\n")
            case .codeBlock:
                let info = node.fenceInfo.prefix { $0 != " " && $0 != "\t" }
                if FencedBlockNames.name(of: info, among: pluginInfoWords) == nil {
                    separate()
                    add(node.literal)
                }
            case .paragraph, .item, .blockQuote, .list:
                if !entering { separate() }
            case .image:
                add(plainText(of: node))
                return .skipChildren
            default: break
            }
            return .visitChildren
        }
        if sections[0].text.allSatisfy(\.isWhitespace) { sections.removeFirst() }
        return sections.map { section in
            var cleaned = section
            cleaned.text = section.text.trimmingWhitespaceAndNewlines
            return cleaned
        }
    }

    private static func plainText(of node: MarkdownNode) -> String {
        var text = ""
        node.walk { child, _ in
            if child.kind == .text || child.kind == .code { text += child.literal }
            return .visitChildren
        }
        return text
    }
}
