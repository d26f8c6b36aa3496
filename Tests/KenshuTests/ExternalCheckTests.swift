import FlyingFox
import Foundation
import Testing
@testable import KenshuCheck

/// The external link checker against a local server on 127.0.0.1 — never the internet.
@Suite struct ExternalCheckTests {
    /// Counts requests and how many run at once.
    actor Counter {
        var busyCalls = 0
        var running = 0
        var mostAtOnce = 0
        func nextBusy() -> Int { busyCalls += 1; return busyCalls }
        func enter() { running += 1; mostAtOnce = max(mostAtOnce, running) }
        func leave() { running -= 1 }
    }

    /// Starts a server with the test routes and returns it with its base URL.
    func startServer(_ counter: Counter) async throws -> (HTTPServer, String, Task<Void, Error>) {
        // FlyingFox answers 500 after 15 s of a handler by default: `/slow` must outlast every client timeout here.
        let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0), timeout: 900, logger: .disabled)
        await server.appendRoute("/ok") { _ in HTTPResponse(statusCode: .ok) }
        await server.appendRoute("/moved") { _ in HTTPResponse(statusCode: .movedPermanently, headers: HTTPHeaders([.location: "/ok"])) }
        await server.appendRoute("/missing") { _ in HTTPResponse(statusCode: .notFound) }
        await server.appendRoute("/head-refused") { request in
            HTTPResponse(statusCode: request.method == .HEAD ? .methodNotAllowed : .ok)
        }
        await server.appendRoute("/busy") { _ in
            await counter.nextBusy() == 1
                ? HTTPResponse(statusCode: .tooManyRequests, headers: HTTPHeaders([HTTPHeader("Retry-After"): "1"])) : HTTPResponse(statusCode: .ok)
        }
        await server.appendRoute("/slow") { _ in
            try await Task.sleep(nanoseconds: 900_000_000_000)
            return HTTPResponse(statusCode: .ok)
        }
        await server.appendRoute("/error") { _ in HTTPResponse(statusCode: .internalServerError) }
        // A sparse terabyte of zeros: only a checker that never reads bodies answers this in time.
        await server.appendRoute("/endless") { request in
            guard request.method != .HEAD else { return HTTPResponse(statusCode: .methodNotAllowed) }
            _ = FileManager.default.createFile(atPath: Self.terabyte.path, contents: nil)
            let handle = try FileHandle(forWritingTo: Self.terabyte)
            try handle.truncate(atOffset: 1 << 40)
            try handle.close()
            return HTTPResponse(statusCode: .ok, body: try HTTPBodySequence(file: Self.terabyte))
        }
        await server.appendRoute("/parallel/*") { _ in
            await counter.enter()
            try await Task.sleep(nanoseconds: 200_000_000)
            await counter.leave()
            return HTTPResponse(statusCode: .ok)
        }
        let task = Task { try await server.run() }
        // Generous: the Swift tests run in parallel on 2 cores, and a busy machine can take seconds to schedule the server.
        try await server.waitUntilListening(timeout: 60)
        guard case let .ip4(_, port)? = await server.listeningAddress else { throw CancellationError() }
        return (server, "http://127.0.0.1:\(port)", task)
    }

    func options(cache: String? = nil) -> ExternalChecker.Options {
        var options = ExternalChecker.Options()
        options.timeout = 1
        options.retries = 1
        options.backoff = 0.1
        options.perHost = 2
        options.cacheFile = cache
        return options
    }

    static let terabyte = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-terabyte-\(UUID().uuidString)")

    @Test func testEndlessBody_isNeverRead() async throws {
        let (server, base, task) = try await startServer(Counter())
        defer {
            task.cancel()
            try? FileManager.default.removeItem(at: Self.terabyte)
        }
        var options = options()
        options.timeout = 5
        options.retries = 0
        let outcomes = await ExternalChecker(options: options).check([base + "/endless"])
        #expect(outcomes[base + "/endless"] == .ok(status: 200))
        await server.stop()
    }

    @Test func testStatusesRedirectsRetriesAndTimeouts() async throws {
        let counter = Counter()
        let (server, base, task) = try await startServer(counter)
        defer { task.cancel() }
        let urls = ["ok", "moved", "missing", "head-refused", "busy", "error"].map { base + "/" + $0 }
        // Eight seconds, not one: the other suites keep both cores (and Swift's task threads, which the
        // server needs) busy meanwhile, and a quick answer that took over a second was once reported as
        // timed out.
        var options = options()
        options.timeout = 8
        let outcomes = await ExternalChecker(options: options).check(urls)
        #expect(outcomes[base + "/ok"] == .ok(status: 200))
        #expect(outcomes[base + "/moved"] == .ok(status: 200), "redirects are followed")
        #expect(outcomes[base + "/missing"] == .broken(status: 404))
        #expect(outcomes[base + "/head-refused"] == .ok(status: 200), "HEAD refused, GET answered")
        #expect(outcomes[base + "/busy"] == .ok(status: 200), "429 waited out with Retry-After")
        #expect(await counter.busyCalls == 2)
        #expect(outcomes[base + "/error"] == .unreachable("server error 500"))
        // `/slow` answers after fifteen minutes: a two-second timeout, tried once, gives up long before.
        options.timeout = 2
        options.retries = 0
        let started = Date()
        let slow = await ExternalChecker(options: options).check([base + "/slow"])
        if case .unreachable(let why)? = slow[base + "/slow"] { #expect(why == "timed out") } else { Issue.record("slow: \(String(describing: slow[base + "/slow"]))") }
        #expect(Date().timeIntervalSince(started) < 60, "a timed-out request is given up, not waited for")
        await server.stop()
    }

    @Test func testAtMostAFewRequestsPerHostAtOnce() async throws {
        let counter = Counter()
        let (server, base, task) = try await startServer(counter)
        defer { task.cancel() }
        let urls = (1...8).map { "\(base)/parallel/\($0)" }
        let outcomes = await ExternalChecker(options: options()).check(urls)
        #expect(outcomes.values.allSatisfy { $0 == .ok(status: 200) })
        #expect(await counter.mostAtOnce == 2)
        await server.stop()
    }

    @Test func testCacheAnswersASecondRunWithoutRequests_andExpires() async throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-cache-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let counter = Counter()
        let (server, base, task) = try await startServer(counter)
        let urls = [base + "/ok", base + "/missing", base + "/error"]
        _ = await ExternalChecker(options: options(cache: cache)).check(urls)
        await server.stop()
        task.cancel()
        let again = await ExternalChecker(options: options(cache: cache)).check(urls)
        #expect(again[base + "/ok"] == .ok(status: 200))
        #expect(again[base + "/missing"] == .broken(status: 404))
        #expect(again[base + "/error"] != .unreachable("server error 500"), "unreachable results are not cached")
        let later = await ExternalChecker(options: options(cache: cache)).check([base + "/ok"], now: Date().addingTimeInterval(2 * 86_400))
        #expect(later[base + "/ok"] != .ok(status: 200), "an old cache entry is fetched again (and the server is gone)")
    }

    @Test func testIgnoreAndAllowPatterns() async {
        var opts = options()
        opts.ignore = ["example\\.invalid/private"]
        opts.allow = ["^https://example\\.invalid/"]
        let outcomes = await ExternalChecker(options: opts).check(["https://example.invalid/private/x", "https://other.invalid/"])
        #expect(outcomes.values.allSatisfy { $0 == .skipped })
    }
}
