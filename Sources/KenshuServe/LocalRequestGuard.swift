import Foundation
import KenshuCore

/// Lets through only requests meant for this computer's preview: the `Host` header must name the
/// address the server listens on (or `localhost`), which defeats DNS rebinding, and a browser's
/// `Origin` (sent with the live-reload WebSocket) must be the preview itself. Bound to every
/// address (`--host 0.0.0.0`, to show a draft to a colleague), any IP address is accepted as the
/// host: DNS rebinding needs a name, and the colleague's browser sends this computer's IP address.
struct LocalRequestGuard: Sendable {
    /// Host names accepted, without port: the bound address, `localhost`, `127.0.0.1`.
    let hosts: Set<String>
    /// Whether the server listens on every address, so that any IP address names it.
    let anyAddress: Bool
    /// The language of the refusals' text.
    let language: Language

    init(boundHost: String, language: Language = .ja) {
        hosts = [boundHost.lowercased(), "localhost", "127.0.0.1"]
        anyAddress = boundHost == "0.0.0.0"
        self.language = language
    }

    /// The `403` for a request from elsewhere, or nil when it may be answered.
    func refusal(_ request: RequestHead) -> PreviewResponse? {
        guard let host = request.value("Host"), accepts(Self.hostName(host)) else {
            return .refusal(.forbidden, .cliServeRefusedHost, language: language)
        }
        if let origin = request.value("Origin"), origin != "null" {
            let afterScheme = origin.lowercased().split(separator: "/", omittingEmptySubsequences: true).dropFirst().first.map(String.init) ?? ""
            // A page of this preview, opened by the name or address the request itself was sent to.
            let ownPage = hosts.contains(Self.hostName(afterScheme)) || (anyAddress && afterScheme == host.lowercased())
            guard origin.lowercased().hasPrefix("http://"), ownPage else {
                return .refusal(.forbidden, .cliServeRefusedOrigin, language: language)
            }
        }
        return nil
    }

    private func accepts(_ name: String) -> Bool {
        hosts.contains(name) || (anyAddress && Self.isIPAddress(name))
    }

    /// `192.0.2.2` or `::1`: an address written out, not a name that DNS could point elsewhere.
    static func isIPAddress(_ name: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, name, &v4) == 1 || inet_pton(AF_INET6, name, &v6) == 1
    }

    /// `127.0.0.1:4173` → `127.0.0.1`; `[::1]:4173` → `::1`.
    static func hostName(_ header: String) -> String {
        let lower = header.lowercased()
        if lower.hasPrefix("["), let close = lower.firstIndex(of: "]") { return String(lower[lower.index(after: lower.startIndex)..<close]) }
        return String(lower.split(separator: ":", maxSplits: 1).first ?? "")
    }
}
