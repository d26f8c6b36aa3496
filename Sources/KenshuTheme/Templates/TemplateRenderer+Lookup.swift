import Foundation

/// Resolving a pre-split name against the context stack, then running its transforms.
extension TemplateRenderer {
    func lookup(_ name: TemplateName, _ frame: Frame) -> TemplateValue {
        var value: TemplateValue
        var transforms = name.transforms[...]
        switch name.root {
        case .current:
            value = stack[stack.count - 1]
        case .sequence:
            guard let position = frame.sequence, let first = transforms.popFirst() else { return .none }
            value = Self.transform(position, by: first)
        case .anchored:
            value = Self.resolve(name.path[...], in: stack[stack.count - 1])
        case .stack:
            value = .none
            var rest = name.path[...]
            let head = rest.removeFirst()
            // By position: the entries are read in place, not copied (an entry holds an existential).
            for index in stack.indices.reversed() {
                let found = Self.child(head, of: stack[index])
                if found.isPresent {
                    value = Self.resolve(rest, in: found)
                    break
                }
            }
        }
        for transform in transforms {
            guard value.isPresent else { return .none }
            value = Self.transform(value, by: transform)
        }
        return value
    }

    static func child(_ name: String, of value: TemplateValue) -> TemplateValue {
        if case .object(let object) = value { return object.child(named: name) }
        return .none
    }

    static func resolve(_ path: ArraySlice<String>, in value: TemplateValue) -> TemplateValue {
        var value = value
        for name in path {
            value = child(name, of: value)
            guard value.isPresent else { return .none }
        }
        return value
    }

    static func transform(_ position: SequencePosition, by transform: TemplateTransform) -> TemplateValue {
        switch transform {
        case .first: .bool(position.first)
        case .last: .bool(position.last)
        case .index: .int(position.index)
        case .even: .bool(position.index & 1 == 0)
        case .odd: .bool(position.index & 1 == 1)
        default: .none
        }
    }

    /// swift-mustache's transforms for strings, numbers, lists and the theme's words; flags and
    /// other objects have none.
    static func transform(_ value: TemplateValue, by transform: TemplateTransform) -> TemplateValue {
        switch value {
        case .text(let text):
            switch transform {
            case .empty: return .bool(text.isEmpty)
            case .capitalized: return .text(text.capitalized)
            case .lowercased: return .text(text.lowercased())
            case .uppercased: return .text(text.uppercased())
            case .reversed: return .text(String(text.reversed()))
            default: return .none
            }
        case .int(let number):
            switch transform {
            case .equalzero: return .bool(number == 0)
            case .plusone: return .int(number &+ 1)
            case .minusone: return .int(number &- 1)
            case .even: return .bool(number & 1 == 0)
            case .odd: return .bool(number & 1 == 1)
            default: return .none
            }
        case .list(let list):
            switch transform {
            case .first: return list.count > 0 ? list.element(at: 0) : .none
            case .last: return list.count > 0 ? list.element(at: list.count - 1) : .none
            case .reversed: return .list(ReversedTemplateList.reversing(list))
            case .count: return .int(list.count)
            case .empty: return .bool(list.count == 0)
            case .sorted: return list.sortedList().map(TemplateValue.list) ?? .none
            default: return .none
            }
        case .object(let object):
            guard let words = object as? [String: String] else { return .none }
            switch transform {
            case .count: return .int(words.count)
            case .empty: return .bool(words.isEmpty)
            // swift-mustache gives `enumerated` in the dictionary's (random) order; sorted is the one stable choice.
            case .enumerated, .sorted: return .list(words.sorted { $0.key < $1.key }.map(KeyValue.init))
            default: return .none
            }
        case .bool, .none:
            return .none
        }
    }
}

/// One entry of `enumerated(t)` / `sorted(t)`: `{{key}}` and `{{value}}`.
struct KeyValue: TemplateObject, TemplateValueConvertible {
    var key: String
    var value: String

    init(_ pair: (key: String, value: String)) {
        key = pair.key
        value = pair.value
    }

    func child(named name: String) -> TemplateValue {
        switch name {
        case "key": .text(key)
        case "value": .text(value)
        default: .none
        }
    }

    var templateValue: TemplateValue { .object(self) }
}

/// `reversed(list)`: the list read from its end, without copying it.
struct ReversedTemplateList: TemplateList {
    let base: any TemplateList

    /// Reversing a reversed list gives the original back, as Swift's `reversed()` does.
    static func reversing(_ list: any TemplateList) -> any TemplateList {
        (list as? ReversedTemplateList)?.base ?? ReversedTemplateList(base: list)
    }

    var count: Int { base.count }
    func element(at index: Int) -> TemplateValue { base.element(at: base.count - 1 - index) }
    func sortedList() -> (any TemplateList)? { base.sortedList() }
}
