/// A Mustache template parsed once into a token tree, ready to render many pages: names are split
/// at their dots and transforms are parsed when the theme loads, never while a page renders.
///
/// Kenshu's own renderer replaced swift-mustache, whose dynamic lookup (splitting each dotted name
/// and casting every context entry to several protocols on every lookup) was 27 % of build CPU.
/// It produces the same bytes as swift-mustache 2.1.1 for everything a theme writes (a test renders
/// both and compares); lambdas and Mirror reflection are left out because every context is typed.
struct CompiledTemplate: Sendable {
    var tokens: [TemplateToken]
}

/// One piece of a compiled template. Indirect: a page's render steps through every token, and
/// copying a token then retains one box instead of each array and string inside it.
indirect enum TemplateToken: Sendable {
    /// Literal text; a standalone line's text ends with its newline.
    case text(String)
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{& name}}`.
    case variable(TemplateName, escaped: Bool)
    /// `{{#name}}…{{/name}}` or, inverted, `{{^name}}…{{/name}}`.
    case section(TemplateName, CompiledTemplate, inverted: Bool)
    /// `{{$name}}default{{/name}}` in a parent: the child's override of the block, or the default.
    case block(name: String, default: CompiledTemplate, indentation: String)
    /// `{{> name}}` (indentation set when it stands alone on its line) or `{{< name}}…{{/name}}`
    /// with the blocks it overrides; `{{>*name}}` reads the partial's name from the context.
    case partial(PartialName, indentation: String?, overrides: [String: CompiledTemplate]?)
    /// `{{$name}}override{{/name}}` directly inside `{{< parent}}`: only ever read by the parent tag.
    case definition(name: String, CompiledTemplate)
    /// `{{% CONTENT_TYPE: TEXT}}` (no escaping) or `HTML` for the rest of the template.
    case contentType(escapes: Bool)
}

/// Which partial a partial tag names: fixed when the theme loads, or read from the context.
enum PartialName: Sendable {
    case fixed(String)
    case dynamic(TemplateName)
}

/// A name as a tag writes it, resolved at parse time into where the lookup starts and its path.
struct TemplateName: Sendable, Equatable {
    enum Root: Sendable, Equatable {
        /// `{{.}}` (and the empty name): the innermost context.
        case current
        /// `{{first()}}`, `{{^last()}}`: the position in the list being looped over.
        case sequence
        /// `{{.a.b}}`: only the innermost context, no climbing.
        case anchored
        /// `{{a.b}}`: the first context on the stack, innermost first, that has `a`.
        case stack
    }

    var root: Root
    var path: [String]
    /// In the order they apply: `{{a(b(x))}}` runs `b`, then `a`.
    var transforms: [TemplateTransform]

    init(_ name: String, transforms: [String]) {
        self.transforms = transforms.reversed().map { TemplateTransform(rawValue: $0) ?? .unknown }
        path = name.split(separator: ".").map(String.init)
        if name == "." {
            root = .current
            path = []
        } else if name.isEmpty, !transforms.isEmpty {
            root = .sequence
        } else if name.first == "." {
            root = path.isEmpty ? .current : .anchored
        } else {
            root = path.isEmpty ? .current : .stack
        }
    }
}

/// The transforms swift-mustache offers, by the name a template writes (`{{count(list)}}`).
enum TemplateTransform: String, Sendable {
    case first, last, index, even, odd
    case empty, capitalized, lowercased, uppercased, reversed
    case count, sorted, enumerated
    case equalzero, plusone, minusone
    /// A name no value understands: the lookup gives nothing.
    case unknown
}
