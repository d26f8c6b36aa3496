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

/// Work started on another thread while the caller goes on with its own; ``wait()`` gives its result.
/// The build writes its source manifest this way while it joins the pages' check results.
///
/// `@unchecked Sendable` is safe: `outcome` is written once, by the work's thread, before it signals
/// `done`, and read only after `wait()` has taken that signal, which orders the write before the read.
public final class BackgroundWork<T: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var outcome: Result<T, any Error>?

    public init(_ work: @escaping @Sendable () throws -> T) {
        DispatchQueue.global().async { [self] in
            outcome = Result { try work() }
            done.signal()
        }
    }

    /// Waits for the work and returns what it returned, or throws what it threw (again on every call).
    public func wait() throws -> T {
        done.wait()
        done.signal()  // for the next caller: the outcome stays
        guard let outcome else { preconditionFailure("the work signals only after storing its outcome") }
        return try outcome.get()
    }
}
