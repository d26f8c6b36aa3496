import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Checks http(s) links on the network (`kenshu check --external`): a few requests per host at a
/// time, HEAD first and GET when a server refuses HEAD, retries with backoff, `429 Retry-After`
/// honoured, and a cache file so that a second run within the cache's age makes no requests.
public struct ExternalChecker: Sendable {
    public struct Options: Sendable {
        public var perHost = 4
        public var timeout: TimeInterval = 10
        public var retries = 2
        /// The first retry waits this long; each later one twice as long.
        public var backoff: TimeInterval = 0.5
        /// The longest `Retry-After` we wait for before giving up on a URL.
        public var maxRetryAfter: TimeInterval = 30
        public var cacheFile: String?
        public var cacheMaxAge: TimeInterval = 86_400
        /// URLs matching any of these are not checked.
        public var ignore: [String] = []
        /// When not empty, only URLs matching one of these are checked.
        public var allow: [String] = []

        public init() {}
    }

    /// What happened to one URL.
    public enum Outcome: Sendable, Equatable {
        case ok(status: Int)
        case broken(status: Int)
        /// No answer we could judge (timeout, refused connection, server error): a warning, not an error.
        case unreachable(String)
        case skipped
    }

    public let options: Options

    public init(options: Options) { self.options = options }

    public func check(_ urls: [String], now: Date = Date()) async -> [String: Outcome] {
        var cache = ExternalCache(file: options.cacheFile, maxAge: options.cacheMaxAge, now: now)
        var results: [String: Outcome] = [:]
        var toFetch: [String] = []
        for url in Set(urls) {
            if isSkipped(url) {
                results[url] = .skipped
            } else if let cached = cache.outcome(for: url) {
                results[url] = cached
            } else {
                toFetch.append(url)
            }
        }
        let limiter = HostLimiter(perHost: options.perHost)
        let session = Self.session(timeout: options.timeout)
        let fetched = await withTaskGroup(of: (String, Outcome).self) { group in
            for url in toFetch.sorted() {
                group.addTask {
                    let host = URL(string: url)?.host ?? url
                    await limiter.acquire(host)
                    let outcome = await fetch(url, session: session)
                    await limiter.release(host)
                    return (url, outcome)
                }
            }
            var collected: [(String, Outcome)] = []
            for await result in group { collected.append(result) }
            return collected
        }
        for (url, outcome) in fetched {
            results[url] = outcome
            cache.store(outcome, for: url)
        }
        cache.save()
        return results
    }

    private func isSkipped(_ url: String) -> Bool {
        if options.ignore.contains(where: { url.range(of: $0, options: .regularExpression) != nil }) { return true }
        if !options.allow.isEmpty, !options.allow.contains(where: { url.range(of: $0, options: .regularExpression) != nil }) { return true }
        return false
    }

    private func fetch(_ url: String, session: URLSession) async -> Outcome {
        guard let target = URL(string: url) ?? URL(string: url.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? "") else {
            return .broken(status: 0)
        }
        var attempt = 0
        var method = "HEAD"
        while true {
            var request = URLRequest(url: target, timeoutInterval: options.timeout)
            request.httpMethod = method
            request.setValue("kenshu-link-checker/0.1", forHTTPHeaderField: "User-Agent")
            do {
                let http: HTTPURLResponse? = try await StatusFetch.status(of: request, configuration: session.configuration)
                let status = http?.statusCode ?? 0
                if method == "HEAD", [400, 403, 405, 501].contains(status) {
                    // Some servers refuse HEAD; ask again with GET before judging.
                    method = "GET"
                    continue
                }
                switch status {
                case 200..<400:
                    return .ok(status: status)
                case 429:
                    let wait = Self.retryAfter(http) ?? options.backoff * pow(2, Double(attempt))
                    guard attempt < options.retries, wait <= options.maxRetryAfter else { return .unreachable("429 Too Many Requests") }
                    try? await Task.sleep(nanoseconds: UInt64(wait * 1e9))
                case 500..<600:
                    guard attempt < options.retries else { return .unreachable("server error \(status)") }
                    try? await Task.sleep(nanoseconds: UInt64(options.backoff * pow(2, Double(attempt)) * 1e9))
                default:
                    return .broken(status: status)
                }
            } catch {
                guard attempt < options.retries else { return .unreachable(Self.describe(error)) }
                try? await Task.sleep(nanoseconds: UInt64(options.backoff * pow(2, Double(attempt)) * 1e9))
            }
            attempt += 1
        }
    }

    static func retryAfter(_ response: HTTPURLResponse?) -> TimeInterval? {
        guard let value = response?.value(forHTTPHeaderField: "Retry-After")?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let seconds = TimeInterval(value) { return seconds }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: value).map { max(0, $0.timeIntervalSinceNow) }
    }

    static func describe(_ error: Error) -> String {
        if let urlError = error as? URLError {
            switch urlError.code {
            case .timedOut: return "timed out"
            case .cannotConnectToHost: return "connection refused"
            case .cannotFindHost, .dnsLookupFailed: return "host not found"
            default: return "network error \(urlError.code.rawValue)"
            }
        }
        return "\(error)"
    }

    static func session(timeout: TimeInterval) -> URLSession {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout * 3
        configuration.httpMaximumConnectionsPerHost = 8
        return URLSession(configuration: configuration)
    }
}

/// At most `perHost` requests to one host at a time, so a checker never floods a municipality's server.
actor HostLimiter {
    private let perHost: Int
    private var running: [String: Int] = [:]
    private var waiting: [String: [CheckedContinuation<Void, Never>]] = [:]

    init(perHost: Int) { self.perHost = max(1, perHost) }

    func acquire(_ host: String) async {
        if running[host, default: 0] < perHost {
            running[host, default: 0] += 1
            return
        }
        await withCheckedContinuation { waiting[host, default: []].append($0) }
    }

    func release(_ host: String) {
        if var queue = waiting[host], !queue.isEmpty {
            let next = queue.removeFirst()
            waiting[host] = queue
            next.resume()
        } else {
            running[host, default: 1] -= 1
        }
    }
}

/// Results of earlier runs, kept in a JSON file for `maxAge` seconds. Only definite answers are kept.
struct ExternalCache {
    private struct Entry: Codable {
        var status: Int
        var ok: Bool
        var checked: Date
    }

    private let file: String?
    private let maxAge: TimeInterval
    private let now: Date
    private var entries: [String: Entry] = [:]

    init(file: String?, maxAge: TimeInterval, now: Date) {
        self.file = file
        self.maxAge = maxAge
        self.now = now
        if let file, let data = FileManager.default.contents(atPath: file) {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            entries = (try? decoder.decode([String: Entry].self, from: data)) ?? [:]
        }
    }

    func outcome(for url: String) -> ExternalChecker.Outcome? {
        guard let entry = entries[url], now.timeIntervalSince(entry.checked) < maxAge else { return nil }
        return entry.ok ? .ok(status: entry.status) : .broken(status: entry.status)
    }

    mutating func store(_ outcome: ExternalChecker.Outcome, for url: String) {
        switch outcome {
        case .ok(let status): entries[url] = Entry(status: status, ok: true, checked: now)
        case .broken(let status): entries[url] = Entry(status: status, ok: false, checked: now)
        case .unreachable, .skipped: break
        }
    }

    func save() {
        guard let file else { return }
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        guard let data = try? encoder.encode(entries) else { return }
        try? FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try? data.write(to: URL(fileURLWithPath: file), options: .atomic)
    }
}
