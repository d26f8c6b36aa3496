/// Turns Mustache text into a ``CompiledTemplate``, once per theme load.
///
/// It follows swift-mustache 2.1.1's parser rule for rule (standalone lines, indentation of
/// partials and blocks, set delimiters, transforms, inheritance), so existing themes render the
/// same bytes; where a rule looks odd (a trailing lone `{` is an error) it is kept on purpose.
enum TemplateParser {
    /// A template that does not parse, with the place the reader stopped.
    struct Failure: Error {
        let problem: TemplateSyntaxProblem
        let line: Int
        let column: Int
    }

    static func parse(_ text: String) throws(Failure) -> CompiledTemplate {
        var scanner = TemplateScanner(text)
        do {
            return try parse(&scanner, state: State())
        } catch {
            let place = scanner.lineAndColumn
            let problem = (error as? TemplateSyntaxProblem) ?? .overflow
            throw Failure(problem: problem, line: place.line, column: place.column)
        }
    }

    /// Where the parser is: inside which section, with which delimiters, at the start of a line or not.
    struct State {
        var sectionName: String?
        var sectionTransforms: [String] = []
        var newLine = true
        var isPartialDefinition = false
        var isPartialDefinitionTopLevel = false
        var start = "{{"
        var end = "}}"
        var partialDefinitionIndent: Substring?

        func section(_ name: String, newLine: Bool, transforms: [String] = []) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = transforms
            state.isPartialDefinitionTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }

        func inheritance(_ name: String) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = []
            state.newLine = true
            state.isPartialDefinition = true
            state.isPartialDefinitionTopLevel = true
            return state
        }
    }

    static let spaceOrTab: Set<Character> = [" ", "\t"]

    static func parse(_ scanner: inout TemplateScanner, state: State) throws -> CompiledTemplate {
        var level = Level(state: state)
        return try level.run(&scanner)
    }

    /// One nesting level being read: the template's top, or a section's body up to its closing tag.
    struct Level {
        var tokens: [TemplateToken] = []
        var state: State
        var whiteSpaceBefore: Substring = ""

        init(state: State) { self.state = state }

        mutating func run(_ scanner: inout TemplateScanner) throws -> CompiledTemplate {
            while !scanner.reachedEnd {
                if state.newLine {
                    let whiteSpace = scanner.read(while: spaceOrTab)
                    if state.isPartialDefinition, !state.isPartialDefinitionTopLevel {
                        if let indent = state.partialDefinitionIndent {
                            whiteSpaceBefore = whiteSpace.dropFirst(indent.count)
                        } else {
                            state.partialDefinitionIndent = whiteSpace
                        }
                    } else {
                        whiteSpaceBefore = whiteSpace
                    }
                }
                let text = try readText(&scanner, state: state)
                if scanner.current.isNewline {
                    tokens.append(.text(String(whiteSpaceBefore) + text + String(scanner.current)))
                    state.newLine = true
                    scanner.advance()
                    continue
                }
                if !text.isEmpty {
                    tokens.append(.text(String(whiteSpaceBefore) + text))
                    whiteSpaceBefore = ""
                    state.newLine = false
                }
                if scanner.reachedEnd { break }
                if try readTag(&scanner) { return CompiledTemplate(tokens: tokens) }
            }
            guard state.sectionName == nil else { throw TemplateSyntaxProblem.expectedSectionEnd }
            return CompiledTemplate(tokens: tokens)
        }

        /// Emits the blank space before a tag that is not alone on its line.
        mutating func flushWhiteSpace() {
            if !whiteSpaceBefore.isEmpty {
                tokens.append(.text(String(whiteSpaceBefore)))
                whiteSpaceBefore = ""
            }
        }
    }

    /// Text up to the next opening delimiter (consumed) or newline (not consumed).
    static func readText(_ scanner: inout TemplateScanner, state: State) throws -> String {
        guard let first = state.start.first else { return "" }
        let stops: Set<Character> = ["\n", "\r\n", first]
        var total = ""
        while !scanner.reachedEnd {
            total += scanner.read(until: stops)
            if scanner.current.isNewline { break }
            if scanner.current == first {
                if try scanner.read(string: state.start) { break }
                total.append(first)
                scanner.advance()
            }
        }
        return total
    }

    /// After a tag: the rest of its line is blank, so the line disappears (the newline is consumed).
    static func isStandalone(_ scanner: inout TemplateScanner, state: State) -> Bool {
        guard state.newLine else { return false }
        if scanner.reachedEnd { return true }
        var ahead = scanner
        ahead.read(while: spaceOrTab)
        guard ahead.current.isNewline else { return false }
        ahead.advance()
        scanner.move(to: ahead.position)
        return true
    }
}

/// Why a template does not parse; the names are swift-mustache's, which authors may have seen.
enum TemplateSyntaxProblem: Error {
    case sectionCloseNameIncorrect
    case unfinishedName
    case expectedSectionEnd
    case invalidSetDelimiter
    case transformAppliedToInheritanceSection
    case illegalTokenInsideInheritSection
    case textInsideInheritSection
    case invalidConfigVariableSyntax
    case unrecognisedConfigVariable
    /// The text ended inside a tag.
    case overflow
}
