/// Thrown when ``withDeadline(seconds:_:)`` runs out of time.
struct DeadlinePassed: Error {}

/// Runs `body`, cancelling it after `seconds`. FlyingSocks resumes a read or write waiting on its
/// event queue when the task is cancelled, so a silent client cannot hold the connection's task.
func withDeadline<T: Sendable>(seconds: Double, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
            throw DeadlinePassed()
        }
        defer { group.cancelAll() }
        guard let first = try await group.next() else { throw DeadlinePassed() }
        return first
    }
}
