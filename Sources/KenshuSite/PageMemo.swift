import Foundation

/// What a whole-site pass worked out from each page (or each group of pages) last time, kept so
/// that the next run recomputes it only for pages that changed.
///
/// Exists for `kenshu serve`: after an edit one page of 10,000 is new, and a review or transform
/// that walks every page (quiz lint, glossary links) must not redo the other 9,999. A result is
/// reused only while its pages are the very same values (``ParsedPage/isIdentical(to:)``), and the
/// memo holds those values, so a box cannot be freed and another page take its place; a changed
/// `context` (settings the pass depends on) forgets everything.
public final class PageMemo<Context: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    // @unchecked Sendable: `keys`, `pageKeys`, `values` and `context` are read and written only while `lock` is held.
    @usableFromInline let lock = NSLock()
    /// The pages each value was made from, by slot; kept apart from `values` so that comparing
    /// them runs as plain code, not through `Value`'s generic witnesses (this runs on every rebuild).
    @usableFromInline var keys: [[ParsedPage]] = []
    /// The same for a memo of single pages, without an array per page.
    @usableFromInline var pageKeys: [ParsedPage?] = []
    @usableFromInline var values: [Value?] = []
    @usableFromInline var context: Context?

    public init() {}

    // Inlinable (with the state above): specialised in the module that uses it, the comparison of
    // 10,000 pages and the copying of their values run without generic look-ups on every rebuild.

    /// One value per page of `pages`. `make` gets the pages not seen unchanged last time, in order,
    /// and returns their values in the same order (it may work on all cores).
    @inlinable public func values(of pages: [ParsedPage], context: Context, make: ([ParsedPage]) -> [Value]) -> [Value] {
        lock.lock()
        defer { lock.unlock() }
        prepare(count: pages.count, context: context)
        let stale = staleSlots(pages.count) { slot in pageKeys[slot]?.isIdentical(to: pages[slot]) ?? false }
        let made = stale.isEmpty ? [] : make(stale.map { pages[$0] })
        precondition(made.count == stale.count, "PageMemo: make must return one value per page it is given")
        for (slot, value) in zip(stale, made) {
            pageKeys[slot] = pages[slot]
            values[slot] = value
        }
        return values.compactMap { $0 }
    }

    /// One value per group of pages (a module's, say); `make` gets the groups whose pages changed.
    @inlinable public func values(of groups: [[ParsedPage]], context: Context, make: ([[ParsedPage]]) -> [Value]) -> [Value] {
        lock.lock()
        defer { lock.unlock() }
        prepare(count: groups.count, context: context)
        let stale = staleSlots(groups.count) { slot in Self.identical(keys[slot], groups[slot]) }
        let made = stale.isEmpty ? [] : make(stale.map { groups[$0] })
        precondition(made.count == stale.count, "PageMemo: make must return one value per group it is given")
        for (slot, value) in zip(stale, made) {
            keys[slot] = groups[slot]
            values[slot] = value
        }
        return values.compactMap { $0 }
    }

    /// Forgets everything when the context changed; one slot per item.
    @inlinable func prepare(count: Int, context: Context) {
        if self.context != context {
            keys = []
            pageKeys = []
            values = []
            self.context = context
        }
        if values.count > count {
            keys.removeLast(values.count - count)
            pageKeys.removeLast(values.count - count)
            values.removeLast(values.count - count)
        }
        if values.count < count {
            keys += Array(repeating: [], count: count - values.count)
            pageKeys += Array(repeating: nil, count: count - values.count)
            values += Array(repeating: nil, count: count - values.count)
        }
    }

    @inlinable func staleSlots(_ count: Int, isFresh: (Int) -> Bool) -> [Int] {
        var stale: [Int] = []
        for slot in 0..<count where values[slot] == nil || !isFresh(slot) { stale.append(slot) }
        return stale
    }

    @inlinable static func identical(_ old: [ParsedPage], _ new: [ParsedPage]) -> Bool {
        guard old.count == new.count else { return false }
        for index in old.indices where !old[index].isIdentical(to: new[index]) { return false }
        return true
    }
}
