/// A typed fenced block (a quiz) and where it stands in its page's HTML: the Markdown stage knows
/// the place, the render stage knows the markup (the theme's template), and this carries one to the other.
public struct PlacedBlock: Sendable {
    /// UTF-8 offset in ``ParsedMarkdown/html`` before which the block's markup goes; always at the start of a line.
    public var offset: Int
    public var model: any BlockModel

    public init(offset: Int, model: any BlockModel) {
        self.offset = offset
        self.model = model
    }
}

extension ParsedMarkdown {
    /// The whole page body: `html` with each block's markup, as `draw` makes it, at its place.
    ///
    /// `draw` gets the block's index in ``blocks``; a result that does not end a line gets a newline,
    /// as libcmark ends every block.
    public func assembled(drawing draw: (Int, any BlockModel) -> String) -> String {
        guard !blocks.isEmpty else { return html }
        let bytes = html.utf8
        var out = ""
        out.reserveCapacity(bytes.count + blocks.count * 2048)
        var copied = bytes.startIndex
        for (index, block) in blocks.enumerated() {
            let offset = min(max(block.offset, bytes.distance(from: bytes.startIndex, to: copied)), bytes.count)
            let at = bytes.index(bytes.startIndex, offsetBy: offset)
            out += html[copied..<at]
            let markup = draw(index, block.model)
            out += markup
            if let last = markup.utf8.last, last != UInt8(ascii: "\n") { out += "\n" }
            copied = at
        }
        out += html[copied...]
        return out
    }

    /// Inserts `insertions` (UTF-8 offsets into `html`, ascending) and moves the blocks with the text
    /// around them. An insertion at a block's own offset lands before the block when `closes` is
    /// true (it ends something written before the block) and after it otherwise.
    ///
    /// Prose runs are emptied: their offsets no longer hold.
    public mutating func insert(_ insertions: [(offset: Int, text: String, closes: Bool)]) {
        guard !insertions.isEmpty else { return }
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + insertions.reduce(0) { $0 + $1.text.utf8.count })
        var copied = 0
        var shifted = blocks
        var next = 0
        for insertion in insertions {
            let offset = min(max(insertion.offset, copied), bytes.count)
            out += bytes[copied..<offset]
            copied = offset
            while next < shifted.count, shifted[next].offset < offset || (shifted[next].offset == offset && !insertion.closes) {
                shifted[next].offset = blocks[next].offset + (out.count - copied)
                next += 1
            }
            out += Array(insertion.text.utf8)
        }
        out += bytes[copied...]
        let growth = out.count - bytes.count
        while next < shifted.count {
            shifted[next].offset = blocks[next].offset + growth
            next += 1
        }
        html = String(decoding: out, as: UTF8.self)
        blocks = shifted
        proseRuns = []
    }
}
