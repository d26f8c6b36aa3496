/// A cursor over a template's characters for ``TemplateParser``. It reads by `Character`, as
/// swift-mustache's reader does, so whitespace, newlines and error positions agree with it exactly.
struct TemplateScanner {
    /// Running past the end of the text (an unfinished tag).
    struct Overflow: Error {}

    let text: String
    private(set) var position: String.Index

    init(_ text: String) {
        self.text = text
        position = text.startIndex
    }

    var reachedEnd: Bool { position == text.endIndex }

    /// The character at the cursor, or NUL at the end.
    var current: Character { reachedEnd ? "\0" : text[position] }

    mutating func advance() { position = text.index(after: position) }

    mutating func retreat() { position = text.index(before: position) }

    mutating func move(to index: String.Index) { position = index }

    /// Moves past `character` if it is next; throws at the end.
    mutating func read(_ character: Character) throws -> Bool {
        guard !reachedEnd else { throw Overflow() }
        guard text[position] == character else { return false }
        advance()
        return true
    }

    /// Moves past `string` if it comes next; throws when fewer characters remain than it has.
    mutating func read(string: String) throws -> Bool {
        let count = string.count
        guard count > 0 else { return true }
        guard text.distance(from: position, to: text.endIndex) >= count else { throw Overflow() }
        let end = text.index(position, offsetBy: count)
        guard text[position..<end] == string else { return false }
        position = end
        return true
    }

    @discardableResult
    mutating func read(while set: Set<Character>) -> Substring {
        let start = position
        while !reachedEnd, set.contains(text[position]) { advance() }
        return text[start..<position]
    }

    @discardableResult
    mutating func read(while test: (Character) -> Bool) -> Substring {
        let start = position
        while !reachedEnd, test(text[position]) { advance() }
        return text[start..<position]
    }

    /// Counts and skips repeats of `character`.
    mutating func count(while character: Character) -> Int {
        var count = 0
        while !reachedEnd, text[position] == character {
            advance()
            count += 1
        }
        return count
    }

    /// Reads up to (not past) the first character in `set`, or to the end.
    mutating func read(until set: Set<Character>) -> Substring {
        let start = position
        while !reachedEnd, !set.contains(text[position]) { advance() }
        return text[start..<position]
    }

    /// Reads up to the first character passing `test`; throws, leaving the cursor, if there is none.
    mutating func read(untilMatch test: (Character) -> Bool) throws -> Substring {
        let start = position
        while !reachedEnd {
            if test(text[position]) { return text[start..<position] }
            advance()
        }
        position = start
        throw Overflow()
    }

    /// Skips past the next `string`; throws, leaving the cursor, if it never comes.
    mutating func skip(past string: String) throws {
        let start = position
        let wanted = Array(string)
        var matched = 0
        while !reachedEnd {
            if text[position] == wanted[matched] {
                matched += 1
                if matched == wanted.count {
                    advance()
                    return
                }
            } else {
                matched = 0
            }
            advance()
        }
        position = start
        throw Overflow()
    }

    /// The 1-based line and column of the cursor, counted as swift-mustache counts them.
    var lineAndColumn: (line: Int, column: Int) {
        var back = self
        var column = 0
        while back.position != text.startIndex {
            back.retreat()
            if back.current == "\n" { break }
            column += 1
        }
        let line = text[text.startIndex..<position].reduce(0) { $0 + ($1.isNewline ? 1 : 0) }
        return (line + 1, column + 1)
    }
}
