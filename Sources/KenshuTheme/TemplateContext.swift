import Mustache

/// A typed value a template reads: its `CodingKeys` are the names a theme writes (`{{page.title}}`),
/// so the struct's declaration, its doc comments and its JSON form document what a theme can use.
///
/// Mustache looks values up by name. A dictionary boxes every value in `Any` and documents nothing;
/// Mirror reflection (swift-mustache's fallback for other values) walks every field on every lookup.
/// A context answers ``child(named:)`` with one `switch` over its keys instead, and the compiler
/// checks that the switch covers every key: a field a theme can see is a field it can read.
public protocol TemplateContext: Encodable, MustacheParent, Sendable {
    associatedtype Field: CodingKey & RawRepresentable<String> & CaseIterable
    /// The value of `field`, as Mustache should see it: `nil` when absent; nested values are
    /// ``TemplateContext``s, arrays, strings, numbers or `Bool`s.
    func value(of field: Field) -> Any?
}

extension TemplateContext {
    public func child(named name: String) -> Any? { Field(rawValue: name).flatMap(value(of:)) }
}

/// A value Mustache looks names up in, for contexts made of other contexts (a generated page's own
/// values over the page's), which have no key list of their own.
public typealias TemplateLookup = MustacheParent
