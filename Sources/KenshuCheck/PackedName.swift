/// A lower-case tag or attribute name of up to 15 bytes held as two integers and compared as numbers:
/// comparing names as strings, tag after tag, was a tenth of the check's time.
///
/// The top byte holds the length, so `a` and `a\0` differ. A longer name keeps its first 15 bytes and
/// the length 255: it never equals a name the checker asks for (all are shorter), and the tokenizer
/// compares such names by their bytes when it needs to tell two apart.
struct PackedName: Equatable, Sendable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    /// Bytes already lower case (names the checker asks for, tests).
    init(lowercased bytes: some Collection<UInt8>) {
        self = Array(bytes).withUnsafeBufferPointer { PackedName(lowering: $0[...]) }
    }

    /// ASCII letters lowered on the way: the tokenizer's names, read in place. The one packing of a name.
    init(lowering bytes: Slice<UnsafeBufferPointer<UInt8>>) {
        var index = 0
        for byte in bytes.prefix(15) {
            let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
            if index < 8 { low |= UInt64(lower) << (8 * index) } else { high |= UInt64(lower) << (8 * (index - 8)) }
            index += 1
        }
        high |= UInt64(bytes.count < 16 ? bytes.count : 255) << 56
    }

    /// The two integers as they are (the constants below).
    init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
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

/// The names the checker asks about, as integer literals: a constant made by a call is initialised
/// lazily, and the check asked `swift_once` about these on every tag (2 % of a build's time);
/// literals are laid out at compile time. `testPackedNames_constantsMatchTheirNames` checks each.
extension PackedName {
    static let a = PackedName(low: 0x61, high: 0x100000000000000)  // "a"
    static let area = PackedName(low: 0x61657261, high: 0x400000000000000)  // "area"
    static let link = PackedName(low: 0x6B6E696C, high: 0x400000000000000)  // "link"
    static let img = PackedName(low: 0x676D69, high: 0x300000000000000)  // "img"
    static let script = PackedName(low: 0x747069726373, high: 0x600000000000000)  // "script"
    static let iframe = PackedName(low: 0x656D61726669, high: 0x600000000000000)  // "iframe"
    static let source = PackedName(low: 0x656372756F73, high: 0x600000000000000)  // "source"
    static let track = PackedName(low: 0x6B63617274, high: 0x500000000000000)  // "track"
    static let audio = PackedName(low: 0x6F69647561, high: 0x500000000000000)  // "audio"
    static let embed = PackedName(low: 0x6465626D65, high: 0x500000000000000)  // "embed"
    static let input = PackedName(low: 0x7475706E69, high: 0x500000000000000)  // "input"
    static let video = PackedName(low: 0x6F65646976, high: 0x500000000000000)  // "video"
    static let object = PackedName(low: 0x7463656A626F, high: 0x600000000000000)  // "object"
    static let form = PackedName(low: 0x6D726F66, high: 0x400000000000000)  // "form"
    static let blockquote = PackedName(low: 0x6F75716B636F6C62, high: 0xA00000000006574)  // "blockquote"
    static let q = PackedName(low: 0x71, high: 0x100000000000000)  // "q"
    static let ins = PackedName(low: 0x736E69, high: 0x300000000000000)  // "ins"
    static let del = PackedName(low: 0x6C6564, high: 0x300000000000000)  // "del"
    static let use = PackedName(low: 0x657375, high: 0x300000000000000)  // "use"
    static let image = PackedName(low: 0x6567616D69, high: 0x500000000000000)  // "image"
    static let base = PackedName(low: 0x65736162, high: 0x400000000000000)  // "base"
    static let meta = PackedName(low: 0x6174656D, high: 0x400000000000000)  // "meta"
    static let template = PackedName(low: 0x6574616C706D6574, high: 0x800000000000000)  // "template"
    static let title = PackedName(low: 0x656C746974, high: 0x500000000000000)  // "title"
    static let textarea = PackedName(low: 0x6165726174786574, high: 0x800000000000000)  // "textarea"
    static let style = PackedName(low: 0x656C797473, high: 0x500000000000000)  // "style"
    static let xmp = PackedName(low: 0x706D78, high: 0x300000000000000)  // "xmp"
    static let noembed = PackedName(low: 0x6465626D656F6E, high: 0x700000000000000)  // "noembed"
    static let noframes = PackedName(low: 0x73656D6172666F6E, high: 0x800000000000000)  // "noframes"
    static let plaintext = PackedName(low: 0x7865746E69616C70, high: 0x900000000000074)  // "plaintext"
    static let href = PackedName(low: 0x66657268, high: 0x400000000000000)  // "href"
    static let src = PackedName(low: 0x637273, high: 0x300000000000000)  // "src"
    static let poster = PackedName(low: 0x726574736F70, high: 0x600000000000000)  // "poster"
    static let data = PackedName(low: 0x61746164, high: 0x400000000000000)  // "data"
    static let action = PackedName(low: 0x6E6F69746361, high: 0x600000000000000)  // "action"
    static let cite = PackedName(low: 0x65746963, high: 0x400000000000000)  // "cite"
    static let xlinkHref = PackedName(low: 0x72683A6B6E696C78, high: 0xA00000000006665)  // "xlink:href"
    static let id = PackedName(low: 0x6469, high: 0x200000000000000)  // "id"
    static let name = PackedName(low: 0x656D616E, high: 0x400000000000000)  // "name"
    static let srcset = PackedName(low: 0x746573637273, high: 0x600000000000000)  // "srcset"
    static let alt = PackedName(low: 0x746C61, high: 0x300000000000000)  // "alt"
    static let ariaLabel = PackedName(low: 0x62616C2D61697261, high: 0xA00000000006C65)  // "aria-label"
    static let ariaLabelledby = PackedName(low: 0x62616C2D61697261, high: 0xF796264656C6C65)  // "aria-labelledby"
    static let httpEquiv = PackedName(low: 0x7571652D70747468, high: 0xA00000000007669)  // "http-equiv"
    static let content = PackedName(low: 0x746E65746E6F63, high: 0x700000000000000)  // "content"
}
