import Dispatch

/// Runs independent work on all cores; the pipeline's pages share nothing while they are parsed or rendered.
public enum Parallel {
    /// `items.map(transform)`, computed in parallel, results in input order.
    public static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(transform) }
        let results = ResultSlots<R>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            results.store(transform(items[index]), at: index)
        }
        return results.values()
    }
}

/// One slot per result; each index is written by exactly one iteration, so no lock is needed.
private final class ResultSlots<R>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<R?>

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }

    func store(_ value: R, at index: Int) { buffer[index] = value }
    func values() -> [R] { buffer.map { $0! } }
}
