import Foundation
import KenshuCore
import Testing
@testable import KenshuContent
@testable import KenshuMarkdown
@testable import KenshuQuiz

/// The Markdown stage's byte-level fast paths (quiz body preparation, quiz and link typo scans,
/// option lines, blank trimming) must answer exactly as the Character-level code they replaced.
/// Each is compared with a verbatim copy of its old version on seeded random lines mixing quiz
/// syntax with the characters where bytes and Characters part ways: combining marks after spaces
/// and backticks, U+1FEF (canonically a backtick), full-width brackets, CR, U+3000 and other blanks.
@Suite struct ParseFastPathTests {
    static let pieces = [
        "a", "id", "shuffle", "kana", "shufle", "answer", "_x", ":", "：", " ", "  ", "    ", "\t", "\u{3000}", "\u{A0}", "\u{2028}",
        "\u{85}", "\u{200B}", "\u{FEFF}", "\r", "\u{301}", "\u{1FEF}", "`", "```", "~~~", "~", "- ", "* ", "+ ", "－", "ー", "・",
        "[ ]", "[x]", "[X]", "［ ］", "[ｘ]", "［", "］", "]", "[", "](", ")", "](a b.md)", "](<a b.md>)", "](a.md \"t\")",
        "（", "）", "]（a.md）", "](a.md）", "］(#b)", "a.md", ".md",
        "解説:", "解説：", "explanation:", "Explanation:", "> ", ">", "|", "問題", "が", "か\u{3099}", "é", "e\u{301}", "Å", "😀", "\u{212A}",
    ]

    static func lines(count: Int, seed: UInt64) -> [String] {
        var random = RandomInputTests.Seeded(state: seed)
        return (0..<count).map { _ in
            (0..<Int(random.next() % 7)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
        }
    }

    /// Bodies where a fence is opened or hidden by characters that bytes and Characters see differently.
    static let handWritten = [
        "\u{1FEF}\u{1FEF}\u{1FEF}\nid: x\n解説: y\n- ［ ］ a\n[t](a b.md)\n```\n- ［ ］ b\n[u](c d.md)\nkana",
        "\u{1FEF}``\n- [ｘ] a\n[t](a b.md)\n\u{1FEF}``\n- [ｘ] b\n[u](c d.md)",
        " \u{301}```\nshuffle\n- ［x］ a\n[t](a b.md)",
        "```\u{301}\nkana\n- ［x］ a\n[t](a b.md)\n```",
        "  \u{1FEF}\u{1FEF}\u{1FEF}\n[t](a b.md)\n  ```\n[u](c d.md)",
        "\t```\n- ［ ］ a\n\t```\n- ［ ］ b",
        "a\r\nid: x\r\n- ［ ］ a\r\n```\r\nkana",
    ]

    /// The hand-written bodies, then bodies of 1–8 random lines joined by LF.
    static func bodies(count: Int = 600, seed: UInt64 = 0xB0D1) -> [String] {
        var random = RandomInputTests.Seeded(state: seed)
        let pool = lines(count: 400, seed: seed ^ 0x55)
        return handWritten + (0..<count).map { _ in
            (0..<Int(1 + random.next() % 8)).map { _ in pool[Int(random.next() % UInt64(pool.count))] }.joined(separator: "\n")
        }
    }

    @Test func blankTrimmingMatchesFoundation() {
        for text in Self.lines(count: 2000, seed: 0x7819) + ByteLevelTextTests.samples() {
            #expect(Array(text.trimmingBlanks().unicodeScalars) == Array(text.trimmingCharacters(in: .whitespaces).unicodeScalars), "\(text.debugDescription)")
            #expect(Array(text.trimmingBlanks(newlines: true).unicodeScalars)
                == Array(text.trimmingCharacters(in: .whitespacesAndNewlines).unicodeScalars), "\(text.debugDescription)")
            let inner = text.dropFirst(min(1, text.count))
            #expect(Array(inner.trimmingBlanks().unicodeScalars) == Array(inner.trimmingCharacters(in: .whitespaces).unicodeScalars))
        }
    }

    @Test func foundationBlanksAreCovered() {
        for value in UInt32(0x80)..<0x3_0000 {
            guard let scalar = Unicode.Scalar(value), CharacterSet.whitespacesAndNewlines.contains(scalar) else { continue }
            #expect(String.mayBeFoundationBlank(scalar), "U+\(String(value, radix: 16))")
        }
        for value in UInt32(0)..<0x80 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(CharacterSet.whitespaces.contains(scalar) == (value == 0x20 || value == 0x09))
            #expect(CharacterSet.whitespacesAndNewlines.contains(scalar) == (value == 0x20 || (0x09...0x0D).contains(value)))
        }
    }

    @Test func optionLinesMatchTheCharacterVersion() {
        for line in Self.lines(count: 3000, seed: 0x0971) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            for candidate in [line, trimmed] {
                let new = QuizParser.optionLine(candidate)
                let old = Old.optionLine(candidate)
                #expect(new?.0 == old?.0 && new?.1 == old?.1, "\(candidate.debugDescription)")
            }
        }
    }

    @Test func quizBodyPreparationMatchesTheCharacterVersion() {
        for body in Self.bodies() {
            let source = QuizSource(body)
            let old = Old.prepare(body)
            #expect(source.text.unicodeScalars.elementsEqual(old.text.unicodeScalars), "\(body.debugDescription)")
            #expect(source.lines.map { Array($0.unicodeScalars) } == old.lines.map { Array($0.unicodeScalars) })
            for number in 0...(old.original.count + 1) {
                #expect(source.original(number) == (old.original.indices.contains(number - 1) ? old.original[number - 1] : number))
            }
        }
    }

    @Test func quizTyposMatchTheCharacterVersion() {
        for body in Self.bodies(seed: 0x7790) {
            #expect(QuizTypos.find(in: body) == Old.quizTypos(body), "\(body.debugDescription)")
        }
    }

    @Test func linkTyposMatchTheCharacterVersion() {
        for body in Self.bodies(seed: 0x1147) {
            let new = LinkTypos.find(in: body, path: "a.md", lineOffset: 3).map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.message)" }
            let old = Old.linkTypos(body, lineOffset: 3)
            #expect(new == old, "\(body.debugDescription)")
        }
    }

    @Test func slashSegmentsMatchCharacterSplitting() {
        let hostile = ["\u{600}/a", "a/\u{301}b", "/\u{200D}", "が/ぎ", "a//b/", "/", "", "\u{1F1EF}/\u{1F1F5}", "\r/\n", "a\u{301}/b"]
        for text in hostile + ByteLevelTextTests.samples() + Self.lines(count: 500, seed: 0x5A5A).map({ $0.replacingOccurrences(of: "|", with: "/") }) {
            for omitting in [true, false] {
                #expect(text.slashSegments(omittingEmpty: omitting).map { Array($0.unicodeScalars) }
                    == text.split(separator: "/", omittingEmptySubsequences: omitting).map { Array($0.unicodeScalars) }, "\(text.debugDescription)")
            }
        }
    }

    @Test func fullWidthColonIsFoundByItsBytes() {
        for (text, expected) in [("title：a", true), ("：", true), ("ｚ；", false), ("\u{FF1B}\u{FF5A}", false), ("ï\u{FF1A}", true), ("", false), ("\u{EF}\u{BC}", false)] {
            #expect(TypingMistakes.containsFullWidthColon(text.utf8) == expected, "\(text.debugDescription)")
        }
        for text in Self.lines(count: 500, seed: 0xC010) {
            #expect(TypingMistakes.containsFullWidthColon(text.utf8) == text.unicodeScalars.contains("\u{FF1A}"))
        }
    }

    @Test func hrefEscapingMatchesTheScalarVersion() {
        for text in ByteLevelTextTests.samples() + Self.lines(count: 500, seed: 0xE5C) {
            #expect(HrefEscaping.escape(text) == Old.hrefEscape(text), "\(text.debugDescription)")
        }
    }

    @Test func linkResolutionMatchesTheByteVersion() {
        let paths = ["a.md", "./a.md", "../b/c.md", "../../x.md", "d/", "./", "../", "e//f.md", "が/ぎ.md", "/\u{301}x.md", "..", "."]
        for file in ["01/a.md", "a.md", "01/02/b.md", "が/\u{301}/c.md"] {
            for path in paths {
                #expect(LinkClassifier.resolve(path, relativeTo: file) == Old.resolve(path, relativeTo: file), "\(path) from \(file)")
            }
        }
    }

    /// Full-width link brackets: only links, images keep their `!`, and prose and a link's own brackets stay quiet.
    @Test func fullWidthLinkBracketsFindOnlyLinks() {
        let found = { (line: String) in FullWidthLinkBrackets.find(in: Array(line)) }
        #expect(found("[第1条［定義］](a.md)").isEmpty)
        #expect(found("［担当］（soumu@city.example.lg.jp）").isEmpty)
        #expect(found("［参考］（Node.js）").isEmpty)
        #expect(found("図は![図]（images/a.svg）です") == [.init(column: 3, written: "![図]（images/a.svg）", suggested: "![図](images/a.svg)")])
        #expect(found("[資料]（02-概要.md）") == [.init(column: 1, written: "[資料]（02-概要.md）", suggested: "[資料](02-概要.md)")])
    }
}

/// The replaced code, verbatim, as the oracle.
private enum Old {
    static func optionLine(_ line: String) -> (String, String)? {
        if line == "shuffle" || line == "kana" { return (line, "") }
        if line.count >= 3, line.count <= 12, line.allSatisfy({ ($0 >= "a" && $0 <= "z") || $0 == "_" }),
           ClosestMatch.find(line, among: ["shuffle", "kana"]) != nil {
            return (line, "")
        }
        guard let colon = line.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return nil }
        let key = line[..<colon].trimmingCharacters(in: .whitespaces)
        guard !key.isEmpty, key.allSatisfy({ ($0 >= "a" && $0 <= "z") || $0 == "_" }) else { return nil }
        return (key, line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
    }

    static func prepare(_ body: String) -> (text: String, lines: [Substring], original: [Int]) {
        var prepared: [Substring] = []
        var original: [Int] = []
        var inFence = false
        for (index, written) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            // Feedback indented with U+3000 is re-indented first (character-level on both sides).
            let line = inFence ? written : QuizSource.feedbackIndentedByIME(written)
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { inFence.toggle() }
            let isOption = !inFence && line.first.map { !$0.isWhitespace } == true && optionLine(trimmed) != nil
            let isExplanation = !inFence && QuizParser.explanationPrefixes.contains { line.hasPrefix($0) }
            if (isOption || isExplanation), let last = prepared.last, !last.trimmingCharacters(in: .whitespaces).isEmpty {
                prepared.append("")
                original.append(index + 1)
            }
            prepared.append(line)
            original.append(index + 1)
            if isOption {
                prepared.append("")
                original.append(index + 1)
            }
        }
        return (prepared.joined(separator: "\n"), prepared, original)
    }

    static func quizTypos(_ body: String) -> [QuizTypos.Typo] {
        var typos: [QuizTypos.Typo] = []
        var inFence = false
        for (index, line) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let indent = line.prefix { $0 == " " || $0 == "\t" }
            let rest = line.dropFirst(indent.count)
            if rest.hasPrefix("```") || rest.hasPrefix("~~~") { inFence.toggle() }
            guard !inFence, let first = rest.first else { continue }
            let afterMarker = rest.dropFirst().drop { $0 == " " || $0 == "　" }
            guard let open = afterMarker.first, QuizTypos.boxOpeners.contains(open) else { continue }
            if QuizTypos.lookAlikeDashes.contains(first) {
                typos.append(QuizTypos.Typo(line: index + 1, column: indent.count + 1, fullWidthMarker: true, text: String(first)))
                continue
            }
            guard first == "-" || first == "*" || first == "+" else { continue }
            let box = afterMarker.prefix(3)
            let isHalfWidthBox = box == "[ ]" || box == "[x]" || box == "[X]"
            if !isHalfWidthBox, let close = afterMarker.firstIndex(where: { $0 == "]" || $0 == "］" }),
               afterMarker.distance(from: afterMarker.startIndex, to: close) <= 2 {
                let column = indent.count + rest.distance(from: rest.startIndex, to: afterMarker.startIndex) + 1
                typos.append(QuizTypos.Typo(line: index + 1, column: column, fullWidthMarker: false, text: String(afterMarker[...close])))
            }
        }
        return typos
    }

    static func linkTypos(_ markdown: String, lineOffset: Int) -> [String] {
        var found: [String] = []
        var fence: Substring?
        let lines = markdown.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).lazy.map { Substring($0) }
        for (index, rawLine) in lines.enumerated() {
            let trimmed = rawLine.drop { $0 == " " }
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = trimmed.prefix { $0 == "`" || $0 == "~" }
                continue
            }
            if rawLine.hasPrefix("    ") || rawLine.hasPrefix("\t") { continue }
            if LinkTypos.mayHoldSpacedTarget(rawLine.utf8) {
                for (column, target) in LinkTypos.spacedTargets(in: Array(rawLine)) {
                    let diagnostic = Diagnostic.warning(.linkWithSpace, target, target.replacingOccurrences(of: "\\", with: "/"), at: SourceLocation(path: "a.md", line: index + 1 + lineOffset, column: column))
                    found.append("\(diagnostic.location?.line ?? 0):\(diagnostic.location?.column ?? 0) \(diagnostic.message)")
                }
            }
            // Every line is looked at here: the byte filter of the version under test must miss none.
            for finding in FullWidthLinkBrackets.find(in: Array(rawLine)) {
                let diagnostic = Diagnostic.warning(.linkFullWidthBracket, finding.written, finding.suggested,
                                                    at: SourceLocation(path: "a.md", line: index + 1 + lineOffset, column: finding.column))
                found.append("\(diagnostic.location?.line ?? 0):\(diagnostic.location?.column ?? 0) \(diagnostic.message)")
            }
        }
        return found
    }

    static func hrefEscape(_ url: String) -> String {
        var safe = [Bool](repeating: false, count: 128)
        for byte in UInt8(ascii: "a")...UInt8(ascii: "z") { safe[Int(byte)] = true }
        for byte in UInt8(ascii: "A")...UInt8(ascii: "Z") { safe[Int(byte)] = true }
        for byte in UInt8(ascii: "0")...UInt8(ascii: "9") { safe[Int(byte)] = true }
        for char in "-_.+!*'(),%#@?=;:/,+&$~".utf8 { safe[Int(char)] = true }
        var out = ""
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in url.utf8 {
            if byte < 128, safe[Int(byte)] {
                switch byte {
                case UInt8(ascii: "&"): out += "&amp;"
                case UInt8(ascii: "'"): out += "&#x27;"
                default: out.unicodeScalars.append(Unicode.Scalar(byte))
                }
            } else {
                out.unicodeScalars.append("%")
                out.unicodeScalars.append(Unicode.Scalar(hex[Int(byte >> 4)]))
                out.unicodeScalars.append(Unicode.Scalar(hex[Int(byte & 0x0F)]))
            }
        }
        return out
    }

    /// Cut at every `/` byte, as browsers and `kenshu check` cut paths (a mark after the slash does not join it).
    static func resolve(_ path: String, relativeTo file: String) -> String? {
        func pieces(_ text: String) -> [String] { text.utf8.split(separator: UInt8(ascii: "/")).map { String(decoding: $0, as: UTF8.self) } }
        var parts = Array(pieces(file).dropLast())
        for part in pieces(path) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        // The content folder itself is "" (`..` from a module's page), as LinkClassifier now says; it was `nil`.
        return parts.joined(separator: "/")
    }
}
