/// Reading one tag after its opening delimiter, by the character that says what kind it is.
extension TemplateParser.Level {
    /// Reads the tag at the cursor; `true` when it closes the section this level reads.
    mutating func readTag(_ scanner: inout TemplateScanner) throws -> Bool {
        var setNewLine = false
        switch scanner.current {
        case "#", "^":
            let inverted = scanner.current == "^"
            scanner.advance()
            let (name, transforms) = try TemplateParser.readName(&scanner, state: state)
            if TemplateParser.isStandalone(&scanner, state: state) {
                setNewLine = true
            } else {
                flushWhiteSpace()
            }
            let body = try TemplateParser.parse(&scanner, state: state.section(name, newLine: setNewLine, transforms: transforms))
            tokens.append(.section(TemplateName(name, transforms: transforms), body, inverted: inverted))

        case "/":
            scanner.advance()
            let position = scanner.position
            let (name, transforms) = try TemplateParser.readName(&scanner, state: state)
            guard name == state.sectionName, transforms == state.sectionTransforms else {
                scanner.move(to: position)
                throw TemplateSyntaxProblem.sectionCloseNameIncorrect
            }
            if !TemplateParser.isStandalone(&scanner, state: state) { flushWhiteSpace() }
            return true

        case "!":
            scanner.advance()
            try scanner.skip(past: state.end)
            setNewLine = TemplateParser.isStandalone(&scanner, state: state)

        case "{", "&":
            let triple = scanner.current == "{"
            flushWhiteSpace()
            scanner.advance()
            let (name, transforms) = try TemplateParser.readName(&scanner, state: state)
            if triple { guard try scanner.read("}") else { throw TemplateSyntaxProblem.unfinishedName } }
            tokens.append(.variable(TemplateName(name, transforms: transforms), escaped: false))

        case ">":
            scanner.advance()
            scanner.read(while: \.isWhitespace)
            var dynamic = false
            if scanner.current == "*" {
                scanner.advance()
                dynamic = true
            }
            let name = try TemplateParser.readPartialName(&scanner, state: state)
            let partial: PartialName = dynamic ? .dynamic(TemplateName(name, transforms: [])) : .fixed(name)
            if !whiteSpaceBefore.isEmpty { tokens.append(.text(String(whiteSpaceBefore))) }
            if TemplateParser.isStandalone(&scanner, state: state) {
                setNewLine = true
                tokens.append(.partial(partial, indentation: String(whiteSpaceBefore), overrides: nil))
            } else {
                tokens.append(.partial(partial, indentation: nil, overrides: nil))
            }
            whiteSpaceBefore = ""

        case "<":
            scanner.advance()
            scanner.read(while: \.isWhitespace)
            let sectionName = try TemplateParser.readPartialName(&scanner, state: state)
            let partial: PartialName =
                sectionName.first == "*" ? .dynamic(TemplateName(String(sectionName.dropFirst()), transforms: [])) : .fixed(sectionName)
            if !whiteSpaceBefore.isEmpty { tokens.append(.text(String(whiteSpaceBefore))) }
            if TemplateParser.isStandalone(&scanner, state: state) { setNewLine = true }
            let body = try TemplateParser.parse(&scanner, state: state.inheritance(sectionName))
            var overrides: [String: CompiledTemplate] = [:]
            for token in body.tokens {
                switch token {
                case .definition(let name, let block): overrides[name] = block
                case .text: break
                default: throw TemplateSyntaxProblem.illegalTokenInsideInheritSection
                }
            }
            tokens.append(.partial(partial, indentation: String(whiteSpaceBefore), overrides: overrides))
            whiteSpaceBefore = ""

        case "$":
            scanner.advance()
            let (name, transforms) = try TemplateParser.readName(&scanner, state: state)
            guard transforms.isEmpty else { throw TemplateSyntaxProblem.transformAppliedToInheritanceSection }
            if state.isPartialDefinitionTopLevel {
                if TemplateParser.isStandalone(&scanner, state: state) { setNewLine = true }
                let body = try TemplateParser.parse(&scanner, state: state.section(name, newLine: setNewLine))
                tokens.append(.definition(name: name, body))
            } else {
                if !whiteSpaceBefore.isEmpty { tokens.append(.text(String(whiteSpaceBefore))) }
                if TemplateParser.isStandalone(&scanner, state: state) { setNewLine = true }
                let body = try TemplateParser.parse(&scanner, state: state.section(name, newLine: setNewLine))
                tokens.append(.block(name: name, default: body, indentation: String(whiteSpaceBefore)))
                whiteSpaceBefore = ""
            }

        case "=":
            scanner.advance()
            state = try TemplateParser.setDelimiters(&scanner, state: state)
            setNewLine = TemplateParser.isStandalone(&scanner, state: state)

        case "%":
            scanner.advance()
            tokens.append(.contentType(escapes: try TemplateParser.readContentType(&scanner, state: state)))
            setNewLine = TemplateParser.isStandalone(&scanner, state: state)

        default:
            flushWhiteSpace()
            let (name, transforms) = try TemplateParser.readName(&scanner, state: state)
            tokens.append(.variable(TemplateName(name, transforms: transforms), escaped: true))
        }
        state.newLine = setNewLine
        return false
    }
}
