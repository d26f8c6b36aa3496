import Foundation

/// Lets through only requests meant for this computer's preview: the `Host` header must name the
/// address the server listens on (or `localhost`), which defeats DNS rebinding, and a browser's
/// `Origin` (sent with the live-reload WebSocket) must be the preview itself.
struct LocalRequestGuard: Sendable {
    /// Host names accepted, without port: the bound address, `localhost`, `127.0.0.1`.
    let hosts: Set<String>

    init(boundHost: String) {
        hosts = [boundHost.lowercased(), "localhost", "127.0.0.1"]
    }

    /// The `403` for a request from elsewhere, or nil when it may be answered.
    func refusal(_ request: RequestHead) -> PreviewResponse? {
        guard let host = request.value("Host"), hosts.contains(Self.hostName(host)) else {
            return .plain(.forbidden, "unknown Host\n")
        }
        if let origin = request.value("Origin"), origin != "null" {
            let afterScheme = origin.lowercased().split(separator: "/", omittingEmptySubsequences: true).dropFirst().first.map(String.init) ?? ""
            guard origin.lowercased().hasPrefix("http://"), hosts.contains(Self.hostName(afterScheme)) else {
                return .plain(.forbidden, "foreign Origin\n")
            }
        }
        return nil
    }

    /// `127.0.0.1:4173` → `127.0.0.1`; `[::1]:4173` → `::1`.
    static func hostName(_ header: String) -> String {
        let lower = header.lowercased()
        if lower.hasPrefix("["), let close = lower.firstIndex(of: "]") { return String(lower[lower.index(after: lower.startIndex)..<close]) }
        return String(lower.split(separator: ":", maxSplits: 1).first ?? "")
    }
}
