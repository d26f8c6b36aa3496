/// A hash that is the same in every run and on every machine (Swift's `hashValue` is seeded per
/// process), for ids that must survive rebuilds: quiz ids, the browser-storage site id.
public enum StableHash {
    /// 64-bit FNV-1a over the UTF-8 bytes of `text`.
    @inlinable public static func fnv1a(_ text: some StringProtocol) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }
}
