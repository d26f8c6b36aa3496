import Foundation
import Mustache
import Testing
@testable import KenshuTheme

/// swift-mustache 2.1.1 as the reference for Kenshu's own renderer: the same template text is
/// registered in both, the same typed context is rendered by both, and the outputs must be equal.
/// swift-mustache reads contexts through `MustacheParent`, so typed values are handed to it through
/// ``ReferenceObject``.
struct TemplatePair {
    var ours = TemplateLibrary()
    var reference = MustacheLibrary()

    init(_ templates: [String: String]) throws {
        for (name, text) in templates { try register(text, named: name) }
    }

    mutating func register(_ text: String, named name: String) throws {
        try ours.register(text, named: name)
        try reference.register(text, named: name)
    }

    /// Both renderings of `object` with `template`.
    func render(_ object: some TemplateObject, _ template: String) -> (ours: String?, reference: String?) {
        (ours.render(object, withTemplate: template), reference.render(ReferenceObject(object: object), withTemplate: template))
    }
}

/// A typed context as swift-mustache sees values: strings, flags and numbers as themselves, lists
/// as arrays (of `String` or `Int` when they hold only those, so `sorted()` works), the theme's
/// words as the dictionary they are, other objects as this adapter.
struct ReferenceObject: MustacheParent, CustomStringConvertible {
    let object: any TemplateObject

    /// An object written as a variable (`{{.}}` at the top): swift-mustache prints Swift's
    /// description of it, Kenshu prints nothing (a documented difference); this makes them agree.
    var description: String { "" }

    func child(named name: String) -> Any? { Self.value(object.child(named: name)) }

    static func value(_ value: TemplateValue) -> Any? {
        switch value {
        case .text(let text): return text
        case .bool(let flag): return flag
        case .int(let number): return number
        case .list(let list):
            let elements = (0..<list.count).map { list.element(at: $0) }
            let texts = elements.compactMap { element -> String? in
                if case .text(let text) = element { return text }
                return nil
            }
            if !elements.isEmpty, texts.count == elements.count { return texts }
            let numbers = elements.compactMap { element -> Int? in
                if case .int(let number) = element { return number }
                return nil
            }
            if !elements.isEmpty, numbers.count == elements.count { return numbers }
            return elements.compactMap { Self.value($0) }
        case .object(let object):
            if let words = object as? [String: String] { return words }
            return ReferenceObject(object: object)
        case .none: return nil
        }
    }
}

/// Reading typed values in expectations.
extension TemplateValue {
    var text: String? {
        if case .text(let text) = self { return text }
        return nil
    }

    var number: Int? {
        if case .int(let number) = self { return number }
        return nil
    }

    var words: [String: String]? {
        if case .object(let object) = self { return object as? [String: String] }
        return nil
    }
}
