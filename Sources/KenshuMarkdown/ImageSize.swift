/// The size written after an image by Pandoc, Quarto, MkDocs (attr_list) and kramdown: `![図](a.png){width=300}`,
/// `{ width="50%" }`, `{: width="300px"}`. CommonMark shows the braces as text after the image; Kenshu reads the
/// width and height (pixels, or a width in percent) onto the `<img>`, and tells of a list it cannot read.
enum ImageSize {
    /// What the text right after an image starts with.
    enum Reading: Equatable {
        /// A size Kenshu writes: the attributes to add to `<img>` (each with its leading blank), and how many UTF-8
        /// bytes of the text the list took.
        case size(attributes: String, length: Int)
        /// An attribute list Kenshu does not read (another unit, a class, an id): shown as text, and told.
        case unread(written: String)
        /// Not an attribute list (`{注}`, or no brace at all).
        case none
    }

    static func read(_ text: String) -> Reading {
        let bytes = Array(text.utf8)
        guard bytes.first == UInt8(ascii: "{"), let close = bytes.firstIndex(of: UInt8(ascii: "}")),
              !bytes[..<close].contains(UInt8(ascii: "\n")) else { return .none }
        var inner = bytes[1..<close]
        // `{width={{w}}}`: a variable inside is no list Kenshu reads whole.
        guard !inner.contains(UInt8(ascii: "{")) else { return .none }
        if inner.first == UInt8(ascii: ":") { inner = inner.dropFirst() }
        guard let items = items(of: inner), !items.isEmpty else { return .none }
        let written = String(decoding: bytes[...close], as: UTF8.self)
        var attributes = "", styles: [String] = [], keys: Set<String> = [], heightPixels: Int?
        for item in items {
            guard case .pair(let key, let value) = item, key == "width" || key == "height",
                  keys.insert(key).inserted else { return .unread(written: written) }
            let digits = value.prefix { $0.isASCII && $0.isNumber }
            let unit = value.dropFirst(digits.count)
            guard !digits.isEmpty, digits.count <= 5, let number = Int(digits), number > 0 else { return .unread(written: written) }
            switch unit {
            case "", "px":
                attributes += " \(key)=\"\(number)\""
                if key == "height" { heightPixels = number }
            // A percentage of the page's width; a height in percent means nothing in a page that scrolls.
            case "%" where key == "width" && number <= 100: styles.append("width:\(number)%")
            default: return .unread(written: written)
            }
        }
        // The theme's `img { height: auto }` keeps pictures in proportion: a height alone is made to count.
        if !attributes.contains(" width="), let height = heightPixels { styles.append("height:\(height)px") }
        if !styles.isEmpty { attributes += " style=\"" + styles.joined(separator: ";") + "\"" }
        return .size(attributes: attributes, length: close + 1)
    }

    /// One entry of an attribute list.
    private enum Item {
        case pair(key: String, value: Substring)
        /// `.class`, `#id`: read as attributes by those tools, not by Kenshu.
        case other
    }

    /// `width=300 height="200"` → its entries; `nil` when the text is no attribute list (prose in braces).
    private static func items(of inner: ArraySlice<UInt8>) -> [Item]? {
        let text = Substring(String(decoding: inner, as: UTF8.self))
        var items: [Item] = []
        var rest = text.drop { $0 == " " }
        while !rest.isEmpty {
            if rest.first == "." || rest.first == "#" {
                let name = rest.dropFirst().prefix { $0 != " " }
                guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else { return nil }
                items.append(.other)
                rest = rest.dropFirst(name.count + 1)
            } else {
                let key = rest.prefix { $0.isASCII && ($0.isLetter || $0 == "-") }
                guard !key.isEmpty, rest.dropFirst(key.count).first == "=" else { return nil }
                rest = rest.dropFirst(key.count + 1)
                var value: Substring
                if let quote = rest.first, quote == "\"" || quote == "'" {
                    value = rest.dropFirst().prefix { $0 != quote }
                    guard rest.dropFirst(value.count + 1).first == quote else { return nil }
                    rest = rest.dropFirst(value.count + 2)
                } else {
                    value = rest.prefix { $0 != " " }
                    rest = rest.dropFirst(value.count)
                }
                value = value.drop { $0 == " " }
                items.append(.pair(key: key.lowercased(), value: value))
            }
            guard rest.isEmpty || rest.first == " " else { return nil }
            rest = rest.drop { $0 == " " }
        }
        return items
    }
}
