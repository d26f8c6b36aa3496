/// A theme's templates by name (`lesson` for `templates/lesson.mustache`), compiled once; partials
/// are found here by name when a page renders, so a theme layer can override any of them.
///
/// Kenshu renders with its own compiled Mustache engine instead of swift-mustache, whose dynamic
/// lookup was 27 % of `kenshu build`'s CPU. Output is byte for byte swift-mustache 2.1.1's for
/// variables, dotted names, sections, inverted sections, comments, partials with indentation,
/// set delimiters, inheritance (`{{< parent}}`, `{{$ block}}`), standalone lines and its
/// transforms (`first()`, `last()`, `index()`, `even()`, `odd()`, and those on strings, numbers,
/// lists and the theme's words). Lambdas and Mirror reflection are not offered: every context is a
/// typed ``TemplateContext``. An object written as a variable prints nothing (swift-mustache
/// printed Swift's debug description of the struct).
public struct TemplateLibrary: Sendable {
    private var templates: [String: CompiledTemplate] = [:]

    public init() {}

    /// A template that does not parse, with its 1-based line and column.
    public struct SyntaxError: Error, CustomStringConvertible {
        /// swift-mustache's name for the problem (`unfinishedName`, `expectedSectionEnd`, …).
        public let description: String
        public let line: Int
        public let column: Int
    }

    /// Compiles `text` and registers it as `name`, replacing any template of that name.
    public mutating func register(_ text: String, named name: String) throws(SyntaxError) {
        do {
            templates[name] = try TemplateParser.parse(text)
        } catch {
            throw SyntaxError(description: "\(error.problem)", line: error.line, column: error.column)
        }
    }

    public func contains(_ name: String) -> Bool { templates[name] != nil }

    func template(named name: String) -> CompiledTemplate? { templates[name] }

    /// Renders `object` with the template `name`; `nil` when there is no such template.
    public func render(_ object: some TemplateObject, withTemplate name: String) -> String? {
        guard let template = templates[name] else { return nil }
        var renderer = TemplateRenderer(library: self, root: .object(object), capacity: 16 * 1024)
        renderer.render(template, TemplateRenderer.Frame())
        return renderer.output.text
    }
}
