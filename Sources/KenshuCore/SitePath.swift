import Foundation

/// A file's path inside the built site (`intro/welcome.html`), always relative to the output root.
///
/// Source paths (where an author's file is) and site paths (where a reader's browser goes) are
/// different types so that nothing mixes them up; only ``SitePath/forContent(_:)`` turns one into the other.
public struct SitePath: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Slash-separated, NFC, no leading slash.
    public let value: String

    public init(_ value: String) {
        self.value = value.nfc
    }

    public var description: String { value }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.value < rhs.value }

    public var components: [Substring] {
        value.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true).map { Substring($0) }
    }

    /// The folder part (`intro` for `intro/welcome.html`; empty at the root).
    public var directory: String { components.dropLast().joined(separator: "/") }

    /// Where a content file lands in the site: numeric order prefixes are dropped from every
    /// part (`01-intro/02-welcome.md` → `intro/welcome.html`), Markdown becomes `.html`.
    public static func forContent(_ relativePath: String) -> SitePath {
        var parts = relativePath.nfc.slashSegments().map(String.init)
        guard let file = parts.popLast() else { return SitePath("index.html") }
        let folders = parts.map(OrderPrefix.strip)
        let name: String
        if file.lowercased().hasSuffix(".md") {
            name = OrderPrefix.strip(String(file.dropLast(3))) + ".html"
        } else {
            name = file
        }
        return SitePath((folders + [name]).joined(separator: "/"))
    }

    /// A relative URL from the page at `self` to `target`, percent-encoded, with an optional fragment.
    ///
    /// Every link Kenshu writes is relative, so the site works from `file://` and under any sub-path.
    public func relativeURL(to target: SitePath, fragment: String? = nil) -> String {
        var url = Self.relativePath(from: value, to: target.value) ?? slowRelativePath(to: target)
        if let fragment, !fragment.isEmpty { url += "#" + PercentEncoding.encodeFragment(fragment) }
        return url
    }

    /// ``relativeURL(to:fragment:)``'s path for well-formed paths (no empty segment), by bytes: it runs
    /// for every link of every page's navigation, where splitting both paths into arrays showed in
    /// profiles. Segments compare by bytes, which for NFC text is the same as comparing them as text.
    static func relativePath(from page: String, to target: String) -> String? {
        let made = page.utf8.withContiguousStorageIfAvailable { from in
            target.utf8.withContiguousStorageIfAvailable { to -> String? in
                guard isWellFormed(from), isWellFormed(to) else { return nil }
                let fromFolderEnd = from.lastIndex(of: UInt8(ascii: "/")) ?? 0
                let toFolderEnd = to.lastIndex(of: UInt8(ascii: "/")) ?? 0
                // Whole segments shared by the two folders: the common prefix, cut back to a segment's end.
                var shared = 0, index = 0
                while index < fromFolderEnd, index < toFolderEnd, from[index] == to[index] { index += 1 }
                if index == fromFolderEnd && (index == toFolderEnd || to[index] == UInt8(ascii: "/"))
                    || index == toFolderEnd && from[index] == UInt8(ascii: "/") {
                    shared = index
                } else {
                    shared = from[..<index].lastIndex(of: UInt8(ascii: "/")) ?? 0
                }
                let ups = from[shared..<fromFolderEnd].reduce(0) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 } + (shared < fromFolderEnd && shared == 0 ? 1 : 0)
                let rest = shared == 0 ? to[...] : to[(shared + 1)...]
                var parts = Array(repeating: "..", count: ups)
                for segment in rest.split(separator: UInt8(ascii: "/")) {
                    parts.append(PercentEncoding.encodePathSegment(String(decoding: segment, as: UTF8.self)))
                }
                return parts.joined(separator: "/")
            }
        }
        return (made ?? nil) ?? nil
    }

    /// Not empty, no leading, trailing or doubled `/`.
    private static func isWellFormed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last, first != UInt8(ascii: "/"), last != UInt8(ascii: "/") else { return false }
        for index in 1..<bytes.count where bytes[index] == UInt8(ascii: "/") && bytes[index - 1] == UInt8(ascii: "/") { return false }
        return true
    }

    /// The general case (any path), by components.
    func slowRelativePath(to target: SitePath) -> String {
        let from = components.dropLast()
        let to = target.components
        var common = 0
        while common < from.count, common < to.count - 1, from[from.startIndex + common] == to[common] {
            common += 1
        }
        let ups = Array(repeating: "..", count: from.count - common)
        let downs = to[common...].map { PercentEncoding.encodePathSegment(String($0)) }
        return (ups + downs).joined(separator: "/")
    }

    /// The prefix that leads from this page back to the site root (`../../` two folders down).
    public var rootPrefix: String { String(repeating: "../", count: max(0, components.count - 1)) }
}

/// The `NN-` prefix that orders folders and files without showing up in URLs.
public enum OrderPrefix {
    /// `"01-intro"` → `"intro"`; a name that is only a prefix is kept as it is.
    public static func strip(_ name: String) -> String {
        guard let rest = split(name)?.rest, !rest.isEmpty else { return name }
        return rest
    }

    /// The number and the rest of `"01-intro"`, or `nil` when the name has no order prefix.
    public static func split(_ name: String) -> (order: Int, rest: String)? {
        // Over the bytes; the characters are looked at only where a combining mark could join the separator.
        let bytes = name.utf8
        let digitCount = bytes.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count
        guard digitCount > 0, digitCount < 10 else { return nil }
        let separator = bytes.index(bytes.startIndex, offsetBy: digitCount)
        guard separator < bytes.endIndex, bytes[separator] == UInt8(ascii: "-") || bytes[separator] == UInt8(ascii: "_") else { return nil }
        let restStart = bytes.index(after: separator)
        let rest = name[restStart...]
        if let next = rest.unicodeScalars.first, !next.isASCII,
           String(String.UnicodeScalarView([Unicode.Scalar(bytes[separator]), next])).count == 1 {
            return nil  // `-` and a combining mark are one character, not a separator
        }
        return (Int(name[..<separator]) ?? 0, String(rest))
    }
}
