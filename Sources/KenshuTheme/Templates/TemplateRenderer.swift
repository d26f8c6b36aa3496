/// Renders compiled templates into one buffer, with one context stack pushed and popped around
/// sections (no copying of the stack per section, no dynamic casts per name).
struct TemplateRenderer {
    /// What a template renders under besides the stack: the loop position (for `first()`, `last()`),
    /// a partial's indentation, the blocks a child template overrides, and whether to escape HTML.
    struct Frame {
        var sequence: SequencePosition?
        var indentation: String?
        var overrides: [String: CompiledTemplate]?
        var escapes = true
    }

    /// Partials inside partials deeper than this render nothing: a theme whose partial includes
    /// itself gets a cut-off page instead of a crash (swift-mustache recursed until the stack overflowed).
    static let maxPartialDepth = 100

    let library: TemplateLibrary
    var stack: [TemplateValue]
    var output: TemplateOutput
    var partialDepth = 0

    init(library: TemplateLibrary, root: TemplateValue, capacity: Int) {
        self.library = library
        stack = [root]
        stack.reserveCapacity(8)
        output = TemplateOutput(capacity: capacity)
    }

    mutating func render(_ template: CompiledTemplate, _ frame: Frame) {
        var frame = frame
        guard let indentation = frame.indentation, !indentation.isEmpty else {
            for token in template.tokens { render(token, &frame) }
            return
        }
        let start = output.count
        for token in template.tokens {
            // A token that writes something at the start of a line is indented; the indentation
            // is written first and taken back when the token writes nothing.
            guard output.endsLine(since: start) else {
                render(token, &frame)
                continue
            }
            let before = output.count
            output.append(indentation)
            let after = output.count
            render(token, &frame)
            if output.count == after { output.removeLast(from: before) }
        }
    }

    mutating func render(_ token: TemplateToken, _ frame: inout Frame) {
        switch token {
        case .text(let text):
            output.append(text)
        case .variable(let name, let escaped):
            output.write(lookup(name, frame), escaping: escaped && frame.escapes)
        case .section(let name, let body, let inverted):
            let value = lookup(name, frame)
            inverted ? renderInverted(value, body, frame) : renderSection(value, body, frame)
        case .block(let name, let fallback, let indentation):
            var inner = frame
            inner.sequence = nil
            inner.indentation = (frame.indentation ?? "") + indentation
            render(frame.overrides?[name] ?? fallback, inner)
        case .partial(let partial, let indentation, let overrides):
            let name: String
            switch partial {
            case .fixed(let fixed): name = fixed
            case .dynamic(let lookedUp):
                guard case .text(let found) = lookup(lookedUp, frame) else { return }
                name = found
            }
            guard partialDepth < Self.maxPartialDepth, let template = library.template(named: name) else { return }
            var inner = Frame()
            inner.indentation = indentation.map { (frame.indentation ?? "") + $0 } ?? frame.indentation
            if let overrides {
                inner.overrides = frame.overrides.map { $0.merging(overrides) { outer, _ in outer } } ?? overrides
            } else {
                inner.overrides = frame.overrides
            }
            partialDepth += 1
            render(template, inner)
            partialDepth -= 1
        case .contentType(let escapes):
            frame.escapes = escapes
        case .definition:
            break
        }
    }

    mutating func renderSection(_ value: TemplateValue, _ body: CompiledTemplate, _ frame: Frame) {
        switch value {
        case .list(let list):
            let count = list.count
            var inner = frame
            for index in 0..<count {
                inner.sequence = SequencePosition(index: index, count: count)
                stack.append(list.element(at: index))
                render(body, inner)
                stack.removeLast()
            }
        case .bool(let flag):
            if flag { render(body, frame) }
        case .none:
            break
        case .text, .int, .object:
            renderWithin(value, body, frame)
        }
    }

    mutating func renderInverted(_ value: TemplateValue, _ body: CompiledTemplate, _ frame: Frame) {
        switch value {
        case .list(let list):
            if list.count == 0 { renderWithin(value, body, frame) }
        case .bool(let flag):
            if !flag { render(body, frame) }
        case .none:
            render(body, frame)
        case .text, .int, .object:
            break
        }
    }

    /// `body` with `value` as the innermost context (outside any loop position).
    mutating func renderWithin(_ value: TemplateValue, _ body: CompiledTemplate, _ frame: Frame) {
        var inner = frame
        inner.sequence = nil
        stack.append(value)
        render(body, inner)
        stack.removeLast()
    }
}

/// Where a section's loop is: what `first()`, `last()`, `index()`, `even()` and `odd()` read.
struct SequencePosition {
    var index: Int
    var count: Int

    var first: Bool { index == 0 }
    var last: Bool { index == count - 1 }
}
