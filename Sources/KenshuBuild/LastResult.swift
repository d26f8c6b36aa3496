import Foundation

/// The last value a generator made and what it was made from, so that a preview rebuild whose
/// edit did not touch the inputs (a lesson's text, for `toc.js`'s module list) reuses it.
final class LastResult<Key: Equatable & Sendable, Value: Sendable>: @unchecked Sendable {
    // @unchecked Sendable: `last` is read and written only while `lock` is held.
    private let lock = NSLock()
    private var last: (key: Key, value: Value)?

    /// The value for `key`: the one kept when `key` is the key it was made for, else `make()`'s, kept.
    func value(for key: Key, make: () -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let last, last.key == key { return last.value }
        let value = make()
        last = (key, value)
        return value
    }
}
