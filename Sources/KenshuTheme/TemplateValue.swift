/// What a template name resolves to, decided once by the value's type instead of by dynamic casts
/// on every lookup: text, a flag, a number, a list to loop over, an object to look names up in, or nothing.
///
/// swift-mustache resolved each name by casting `Any` to half a dozen protocols per stack entry;
/// that lookup was 27 % of `kenshu build`'s CPU. Here a context answers with a ``TemplateValue``
/// and the renderer switches over five cases.
public enum TemplateValue {
    case text(String)
    case bool(Bool)
    case int(Int)
    case list(any TemplateList)
    case object(any TemplateObject)
    case none

    /// Present (anything but ``none``): Mustache climbs the context stack past absent values.
    public var isPresent: Bool {
        if case .none = self { return false }
        return true
    }
}

/// A value a template can read: strings, flags, numbers, optionals, arrays, `[String: String]`
/// (the theme's words) and every ``TemplateContext``.
public protocol TemplateValueConvertible {
    var templateValue: TemplateValue { get }
}

/// Something Mustache looks names up in: a ``TemplateContext``, the theme's words, or a stack of
/// contexts (``LayeredContext``). ``TemplateValue/none`` means "not here", so the renderer looks
/// further down the stack, as Mustache requires.
public protocol TemplateObject {
    func child(named name: String) -> TemplateValue
}

/// A list a section loops over, read by position so that a `[Link]` is never copied into a new array.
public protocol TemplateList {
    var count: Int { get }
    func element(at index: Int) -> TemplateValue
    /// `sorted(list)`: the elements in order, when they can be compared (strings, numbers), else `nil`.
    func sortedList() -> (any TemplateList)?
}

extension String: TemplateValueConvertible {
    public var templateValue: TemplateValue { .text(self) }
}

extension Substring: TemplateValueConvertible {
    public var templateValue: TemplateValue { .text(String(self)) }
}

extension Bool: TemplateValueConvertible {
    public var templateValue: TemplateValue { .bool(self) }
}

extension Int: TemplateValueConvertible {
    public var templateValue: TemplateValue { .int(self) }
}

extension Optional: TemplateValueConvertible where Wrapped: TemplateValueConvertible {
    @inlinable
    public var templateValue: TemplateValue { self?.templateValue ?? .none }
}

extension Array: TemplateValueConvertible, TemplateList where Element: TemplateValueConvertible {
    @inlinable
    public var templateValue: TemplateValue { .list(self) }
    @inlinable
    public func element(at index: Int) -> TemplateValue { self[index].templateValue }
    public func sortedList() -> (any TemplateList)? {
        if let strings = self as? [String] { return strings.sorted() }
        if let numbers = self as? [Int] { return numbers.sorted() }
        return nil
    }
}

extension Dictionary: TemplateValueConvertible, TemplateObject where Key == String, Value == String {
    public var templateValue: TemplateValue { .object(self) }
    public func child(named name: String) -> TemplateValue { self[name].map(TemplateValue.text) ?? .none }
}
