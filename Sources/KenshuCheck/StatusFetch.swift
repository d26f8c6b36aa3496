import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Asks a server for a URL and keeps only the answer's status: the body is never read (the task is
/// cancelled as soon as the headers arrive), so an endless or huge response costs no memory, and
/// the whole exchange is bounded by a total time limit.
final class StatusFetch: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    // @unchecked: `continuation` is set once before the task starts and then touched only on the
    // session's serial delegate queue, which resumes it at most once (guarded by `finished`).
    private var continuation: CheckedContinuation<HTTPURLResponse, any Error>?
    private var finished = false

    /// The response's headers and status; throws the transfer's error (a timeout counts as one).
    static func status(of request: URLRequest, configuration: URLSessionConfiguration) async throws -> HTTPURLResponse {
        let fetch = StatusFetch()
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        let session = URLSession(configuration: configuration, delegate: fetch, delegateQueue: queue)
        defer { session.finishTasksAndInvalidate() }
        return try await withCheckedThrowingContinuation { continuation in
            queue.addOperation {
                fetch.continuation = continuation
                session.dataTask(with: request).resume()
            }
        }
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        completionHandler(.cancel)
        guard let http = response as? HTTPURLResponse else {
            finish(.failure(URLError(.badServerResponse)))
            return
        }
        finish(.success(http))
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        finish(.failure(error ?? URLError(.badServerResponse)))
    }

    private func finish(_ result: Result<HTTPURLResponse, any Error>) {
        guard !finished else { return }
        finished = true
        continuation?.resume(with: result)
        continuation = nil
    }
}
