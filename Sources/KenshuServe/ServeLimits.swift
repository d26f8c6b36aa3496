import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The preview server's limits. A browser on this computer never comes near them; a client that
/// misbehaves (a huge URL, endless headers, a connection held open doing nothing, thousands of
/// connections) is turned away without hurting the pages other tabs are loading.
public struct ServeLimits: Sendable {
    /// The request line (`GET /path HTTP/1.1`), in bytes; longer gets `414 URI Too Long`.
    public var requestLineBytes = 8 * 1024
    /// All header lines together, in bytes; more gets `431 Request Header Fields Too Large`.
    public var headerBytes = 16 * 1024
    /// How many header lines; more gets `431`.
    public var headerLines = 100
    /// From a request's first byte to the end of its headers; a slower client is dropped.
    public var headSeconds: Double = 10
    /// How long a connection may sit without starting a request (before the first and between two).
    public var idleSeconds: Double = 5
    /// How long writing one response (or one live-reload message) may take before the client is dropped.
    public var writeSeconds: Double = 30
    /// Connections served at once; the next one is answered `503` and closed.
    public var connections: Int
    /// Live-reload WebSockets open at once (they never go idle), at most half the connections,
    /// so pages that are left open cannot take every connection.
    public var reloadSockets: Int { max(1, connections / 2) }

    /// `KENSHU_SERVE_CONNECTIONS` lowers the cap (the tests use a small one); it never raises it past
    /// the descriptor limit: running out of descriptors is not survivable in a Swift process on Linux,
    /// whose libdispatch stops the process (SIGILL) when its worker monitor cannot open `/proc/self/task/…`.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let cap = Self.connectionCap()
        connections = environment["KENSHU_SERVE_CONNECTIONS"].flatMap(Int.init).map { min(cap, max(1, $0)) } ?? cap
    }

    /// File descriptors kept for everything but connections: standard streams, the listening
    /// socket, the event queue, inotify, files read while rebuilding.
    static let reservedDescriptors = 48

    /// A cap well below the process's file-descriptor limit, so accepting never runs out of them.
    public static func connectionCap(descriptorLimit: Int = ServeLimits.descriptorLimit()) -> Int {
        max(4, min(512, descriptorLimit - reservedDescriptors))
    }

    /// The soft `RLIMIT_NOFILE`.
    public static func descriptorLimit() -> Int {
        var limit = rlimit()
        #if os(Linux)
        let resource = Int32(RLIMIT_NOFILE.rawValue)
        #else
        let resource = RLIMIT_NOFILE
        #endif
        guard getrlimit(resource, &limit) == 0 else { return 1024 }
        return limit.rlim_cur > rlim_t(Int32.max) ? Int(Int32.max) : Int(limit.rlim_cur)
    }
}
