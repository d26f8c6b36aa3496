import Foundation
import KenshuCore
import Testing
@testable import KenshuBuild

/// The byte-level text helpers that replaced Foundation calls on the build's hot paths must give
/// exactly what Foundation gave: each is compared with its Foundation original on seeded random
/// text mixing ASCII, Japanese, combining marks, separators and broken escapes.
@Suite struct ByteLevelTextTests {
    static let pieces = [
        "a", "Z", "0", " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2003}", "\u{2028}", "\u{2029}",
        "\u{202F}", "\u{205F}", "\u{180E}", "\u{3000}", "\u{200B}", "\u{FEFF}", "%", "%2", "%e3%81%82", "%E3%81", "%ZZ", "%00", "%C3%28", "#",
        "/", ":", "?", "&", "<", ">", "\"", "'", "\\", "\u{1}", "\u{1F}", "が", "か\u{3099}", "ｶﾞ", "ヴ", "ー", "標準", "Ａ", "é",
        "e\u{301}", "\u{302A}", "Å", "\u{212B}", "\u{F900}", "😀", "id=\"x\"", " href=\"../a/b.html#c\"", "\u{3000}src=\"img.png\"",
        " for=\"q1 q2\"", " aria-describedby=\"d\"", "href=\"", " id=\"unclosed",
    ]

    static func samples(count: Int = 400) -> [String] {
        var random = RandomInputTests.Seeded(state: 0x5EED)
        return (0..<count).map { _ in
            (0..<Int(random.next() % 12)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
        }
    }

    @Test func hasUTF8ByteMatchesTheGenericSearch() {
        // Bridged from NSString: on Darwin its storage may not be native UTF-8 (the fallback); on Linux it is native.
        let bridged = NSString(string: "ガバメント&クラウド%") as String
        for text in Self.samples() + [bridged, ""] {
            let dropped = text.dropFirst()
            for byte in [UInt8(ascii: "&"), UInt8(ascii: "%"), UInt8(ascii: "\r"), 0xE3, 0x00] {
                #expect(text.hasUTF8Byte(byte) == text.utf8.contains(byte), "\(text.debugDescription) \(byte)")
                #expect(dropped.hasUTF8Byte(byte) == dropped.utf8.contains(byte), "\(text.debugDescription) \(byte)")
            }
        }
    }

    @Test func nfcMatchesFoundation() {
        for text in Self.samples() {
            #expect(text.nfc.unicodeScalars.elementsEqual(text.precomposedStringWithCanonicalMapping.unicodeScalars), "\(text.debugDescription)")
        }
    }

    @Test func percentDecodingMatchesFoundation() {
        for text in Self.samples() {
            #expect(PercentEncoding.removingPercentEncoding(text).map { Array($0.utf8) } == text.removingPercentEncoding.map { Array($0.utf8) }, "\(text.debugDescription)")
        }
    }

    @Test func percentEncodingMatchesFoundation() {
        var segment = CharacterSet.urlPathAllowed
        segment.remove(charactersIn: "/;?#:")
        for text in Self.samples() {
            #expect(PercentEncoding.encodePathSegment(text) == text.addingPercentEncoding(withAllowedCharacters: segment), "\(text.debugDescription)")
            #expect(PercentEncoding.encodeFragment(text) == text.addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed))
        }
    }

    @Test func trimmingMatchesFoundation() {
        for text in Self.samples() {
            let expected = text.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(text.trimmingWhitespaceAndNewlines.unicodeScalars.elementsEqual(expected.unicodeScalars), "\(text.debugDescription)")
        }
    }

    /// The scalar-by-scalar writer that `JSONText.string` replaced.
    static func referenceJSON(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    @Test func jsonStringsMatchTheScalarWriter() {
        for text in Self.samples() {
            #expect(Array(JSONText.string(text).utf8) == Array(Self.referenceJSON(text).utf8), "\(text.debugDescription)")
        }
        #expect(JSONText.string("a\u{1}\u{1F}\"\\<\u{2028}") == #""a\u0001\u001f\"\\\u003c\u2028""#)
    }

    @Test func escapingAStringMatchesEscapingASubstring() {
        for text in Self.samples() {
            #expect(Array(HTMLEscaping.escape(text).utf8) == Array(HTMLEscaping.escape(text[...]).utf8))
        }
        #expect(HTMLEscaping.escape("a&b<c>\"d'") == "a&amp;b&lt;c&gt;&quot;d'")
    }

    @Test func byteSearchFindsWhatFoundationFinds() {
        let needles = ["<form", "</form>", "\"", "が", "%"]
        for text in Self.samples() {
            for needle in needles {
                let expected = text.range(of: needle, options: .literal).map {
                    text.utf8.distance(from: text.startIndex, to: $0.lowerBound)..<text.utf8.distance(from: text.startIndex, to: $0.upperBound)
                }
                #expect(text.utf8Range(of: needle) == expected, "\(text.debugDescription) \(needle)")
            }
        }
        let html = "x<form>1</form>y<form>2</form>"
        let second = html.utf8Range(of: "<form>", from: 1).map { html.utf8Range(of: "<form>", from: $0.upperBound) } ?? nil
        #expect(second == 16..<22)
        #expect(html.replacingUTF8(16..<30, with: "問") == "x<form>1</form>y問")
    }

    /// The scan that relocates ids and URLs into print.html, against the regular expression it replaced.
    @Test func printRelocationMatchesTheRegularExpression() throws {
        let expression = try NSRegularExpression(
            pattern: #"\s(href|src|id|for|aria-describedby|aria-labelledby|aria-controls)="([^"]*)""#)
        let page = SitePath("module/lesson.html")
        for text in Self.samples(count: 600) {
            let source = text as NSString
            var expected = ""
            var copied = 0
            for match in expression.matches(in: text, range: NSRange(location: 0, length: source.length)) {
                let valueRange = match.range(at: 2)
                expected += source.substring(with: NSRange(location: copied, length: valueRange.location - copied))
                expected += PrintRelocation.rewrite(
                    source.substring(with: valueRange), attribute: source.substring(with: match.range(at: 1)), from: page, prefix: "p")
                copied = valueRange.location + valueRange.length
            }
            expected += source.substring(from: copied)
            #expect(Array(PrintRelocation.relocate(text, from: page, prefix: "p").utf8) == Array(expected.utf8), "\(text.debugDescription)")
        }
    }
}
