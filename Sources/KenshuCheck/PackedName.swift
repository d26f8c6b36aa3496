/// A lower-case tag or attribute name of up to 15 bytes held as two integers and compared as numbers:
/// comparing names as strings, tag after tag, was a tenth of the check's time.
///
/// The top byte holds the length, so `a` and `a\0` differ. A longer name keeps its first 15 bytes and
/// the length 255: it never equals a name the checker asks for (all are shorter), and the tokenizer
/// compares such names by their bytes when it needs to tell two apart.
struct PackedName: Equatable, Sendable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    /// Bytes already lower case (the tokenizer lowers them as it reads).
    init(lowercased bytes: some Collection<UInt8>) {
        var index = 0
        for byte in bytes.prefix(15) {
            if index < 8 { low |= UInt64(byte) << (8 * index) } else { high |= UInt64(byte) << (8 * (index - 8)) }
            index += 1
        }
        high |= UInt64(bytes.count < 16 ? bytes.count : 255) << 56
    }

    init(_ name: StaticString) {
        precondition(name.utf8CodeUnitCount <= 15, "a name the checker asks for must fit in 15 bytes")
        self.init(lowercased: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
    }

    var isLong: Bool { high >> 56 == 255 }

    /// The name's bytes (only whole for names that are not long).
    var bytes: [UInt8] {
        let count = min(15, Int(high >> 56))
        return (0..<count).map { UInt8(truncatingIfNeeded: $0 < 8 ? low >> (8 * $0) : high >> (8 * ($0 - 8))) }
    }
}

/// The names the checker asks about.
extension PackedName {
    static let a = PackedName("a"), area = PackedName("area"), link = PackedName("link"), img = PackedName("img")
    static let script = PackedName("script"), iframe = PackedName("iframe"), source = PackedName("source")
    static let track = PackedName("track"), audio = PackedName("audio"), embed = PackedName("embed")
    static let input = PackedName("input"), video = PackedName("video"), object = PackedName("object")
    static let form = PackedName("form"), blockquote = PackedName("blockquote"), q = PackedName("q")
    static let ins = PackedName("ins"), del = PackedName("del"), use = PackedName("use"), image = PackedName("image")
    static let base = PackedName("base"), meta = PackedName("meta"), template = PackedName("template")
    static let title = PackedName("title"), textarea = PackedName("textarea"), style = PackedName("style")
    static let xmp = PackedName("xmp"), noembed = PackedName("noembed"), noframes = PackedName("noframes")
    static let plaintext = PackedName("plaintext")

    static let href = PackedName("href"), src = PackedName("src"), poster = PackedName("poster"), data = PackedName("data")
    static let action = PackedName("action"), cite = PackedName("cite"), xlinkHref = PackedName("xlink:href")
    static let id = PackedName("id"), name = PackedName("name"), srcset = PackedName("srcset"), alt = PackedName("alt")
    static let ariaLabel = PackedName("aria-label"), ariaLabelledby = PackedName("aria-labelledby")
    static let httpEquiv = PackedName("http-equiv"), content = PackedName("content")
}
