/// A typed value a template reads: its `CodingKeys` are the names a theme writes (`{{page.title}}`),
/// so the struct's declaration, its doc comments and its JSON form document what a theme can use.
///
/// Mustache looks values up by name. A dictionary boxes every value in `Any` and documents nothing;
/// reflection walks every field on every lookup. A context answers ``child(named:)`` with one
/// `switch` over its keys instead, and the compiler checks that the switch covers every key: a
/// field a theme can see is a field it can read. Values come back typed (``TemplateValue``), so
/// the renderer never casts.
public protocol TemplateContext: Encodable, TemplateObject, TemplateValueConvertible, Sendable {
    associatedtype Field: CodingKey & RawRepresentable<String> & CaseIterable
    /// The value of `field`, as Mustache should see it: `nil` when absent; nested values are
    /// ``TemplateContext``s, arrays, strings, numbers or `Bool`s.
    func value(of field: Field) -> (any TemplateValueConvertible)?
}

extension TemplateContext {
    // Inlinable, so that each context's conformance gets its own specialised copy: the generic one
    // looked up `Optional<Field>`'s metadata at run time on every name a template read.
    @inlinable
    public func child(named name: String) -> TemplateValue {
        guard let field = Field(rawValue: name), let value = value(of: field) else { return .none }
        return value.templateValue
    }

    @inlinable
    public var templateValue: TemplateValue { .object(self) }
}

/// A value Mustache looks names up in, for contexts made of other contexts (a generated page's own
/// values over the page's), which have no key list of their own.
public typealias TemplateLookup = TemplateObject
