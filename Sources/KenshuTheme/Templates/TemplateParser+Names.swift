/// Reading what is inside a tag: a name with its transforms, a partial's name, new delimiters, a pragma.
extension TemplateParser {
    static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    static let nameCharactersWithBrackets = nameCharacters.union("()")
    static let partialNameCharacters = nameCharactersWithBrackets.union("/")

    /// `name`, `a.b` or `transform(name)`, then the closing delimiter: the name and its transforms, outermost first.
    static func readName(_ scanner: inout TemplateScanner, state: State) throws -> (String, [String]) {
        scanner.read(while: \.isWhitespace)
        let text = String(scanner.read(while: nameCharactersWithBrackets))
        scanner.read(while: \.isWhitespace)
        guard try scanner.read(string: state.end) else { throw TemplateSyntaxProblem.unfinishedName }

        var name = TemplateScanner(text)
        let first = name.read(while: nameCharacters)
        if name.reachedEnd { return (text, []) }
        guard name.current == "(" else { throw TemplateSyntaxProblem.unfinishedName }
        name.advance()
        var transforms = [first]
        while true {
            let inner = name.read(while: nameCharacters)
            switch name.current {
            case ")":
                name.advance()
                guard name.count(while: ")") + 1 == transforms.count, name.reachedEnd else {
                    throw TemplateSyntaxProblem.unfinishedName
                }
                return (String(inner), transforms.map(String.init))
            case "(":
                name.advance()
                transforms.append(inner)
            default:
                throw TemplateSyntaxProblem.unfinishedName
            }
        }
    }

    static func readPartialName(_ scanner: inout TemplateScanner, state: State) throws -> String {
        scanner.read(while: \.isWhitespace)
        let text = String(scanner.read(while: partialNameCharacters))
        scanner.read(while: \.isWhitespace)
        guard try scanner.read(string: state.end) else { throw TemplateSyntaxProblem.unfinishedName }
        return text
    }

    /// `{{=<% %>=}}`: the state with the new delimiters.
    static func setDelimiters(_ scanner: inout TemplateScanner, state: State) throws -> State {
        let start: Substring
        let end: Substring
        do {
            scanner.read(while: \.isWhitespace)
            start = try scanner.read(untilMatch: \.isWhitespace)
            scanner.read(while: \.isWhitespace)
            end = try scanner.read(untilMatch: { $0 == "=" || $0.isWhitespace })
            scanner.read(while: \.isWhitespace)
        } catch {
            throw TemplateSyntaxProblem.invalidSetDelimiter
        }
        guard try scanner.read("=") else { throw TemplateSyntaxProblem.invalidSetDelimiter }
        guard try scanner.read(string: state.end) else { throw TemplateSyntaxProblem.invalidSetDelimiter }
        guard !start.isEmpty, !end.isEmpty else { throw TemplateSyntaxProblem.invalidSetDelimiter }
        var changed = state
        changed.start = String(start)
        changed.end = String(end)
        changed.isPartialDefinitionTopLevel = false
        return changed
    }

    /// `{{% CONTENT_TYPE: TEXT }}` or `HTML`: whether variables are HTML-escaped from here on.
    static func readContentType(_ scanner: inout TemplateScanner, state: State) throws -> Bool {
        let variable: Substring
        let value: Substring
        do {
            scanner.read(while: \.isWhitespace)
            variable = scanner.read(while: nameCharacters)
            scanner.read(while: \.isWhitespace)
            guard try scanner.read(":") else { throw TemplateSyntaxProblem.invalidConfigVariableSyntax }
            scanner.read(while: \.isWhitespace)
            value = scanner.read(while: nameCharacters)
            scanner.read(while: \.isWhitespace)
            guard try scanner.read(string: state.end) else { throw TemplateSyntaxProblem.invalidConfigVariableSyntax }
        } catch {
            throw TemplateSyntaxProblem.invalidConfigVariableSyntax
        }
        guard !variable.isEmpty, !value.isEmpty else { throw TemplateSyntaxProblem.invalidConfigVariableSyntax }
        guard variable == "CONTENT_TYPE" else { throw TemplateSyntaxProblem.unrecognisedConfigVariable }
        switch value {
        case "HTML": return true
        case "TEXT": return false
        default: throw TemplateSyntaxProblem.unrecognisedConfigVariable
        }
    }
}
