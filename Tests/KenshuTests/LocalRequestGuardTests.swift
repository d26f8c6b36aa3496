import Foundation
import Testing
@testable import KenshuServe

/// Which requests the preview answers: its own address and localhost always; any IP address when it
/// listens on every address (a colleague on the LAN); never a name DNS could point here (rebinding).
struct LocalRequestGuardTests {
    func head(host: String, origin: String? = nil) -> RequestHead {
        var text = "GET / HTTP/1.1\r\nHost: \(host)\r\n"
        if let origin { text += "Origin: \(origin)\r\n" }
        guard case .complete(let head, _) = RequestHead.parse(Array((text + "\r\n").utf8), limits: ServeLimits()) else {
            preconditionFailure("the test's own request did not parse")
        }
        return head
    }

    @Test func testLoopback_acceptsItsOwnAddressesOnly() {
        let guarded = LocalRequestGuard(boundHost: "127.0.0.1")
        #expect(guarded.refusal(head(host: "127.0.0.1:4173")) == nil)
        #expect(guarded.refusal(head(host: "localhost:4173")) == nil)
        #expect(guarded.refusal(head(host: "192.0.2.2:4173"))?.status == .forbidden)
        #expect(guarded.refusal(head(host: "evil.example:4173"))?.status == .forbidden)
    }

    @Test func testEveryAddress_acceptsIPAddressesButNotNames() {
        let guarded = LocalRequestGuard(boundHost: "0.0.0.0")
        #expect(guarded.refusal(head(host: "192.0.2.2:4173")) == nil, "a colleague opening http://192.0.2.2:4173/")
        #expect(guarded.refusal(head(host: "[2001:db8::1]:4173")) == nil)
        #expect(guarded.refusal(head(host: "192.0.2.2:4173", origin: "http://192.0.2.2:4173")) == nil, "its live-reload socket")
        #expect(guarded.refusal(head(host: "rebind.example:4173"))?.status == .forbidden)
        #expect(guarded.refusal(head(host: "192.0.2.2.nip.io:4173"))?.status == .forbidden)
        #expect(guarded.refusal(head(host: "192.0.2.2:4173", origin: "http://evil.example"))?.status == .forbidden)
        // Another page on a bare IP address (another server on the LAN) may not open the live-reload socket.
        #expect(guarded.refusal(head(host: "192.0.2.2:4173", origin: "http://203.0.113.9:8080"))?.status == .forbidden)
        #expect(guarded.refusal(head(host: "192.0.2.2:4173", origin: "http://192.0.2.2:8080"))?.status == .forbidden)
    }

    @Test func testRefusal_speaksTheAuthorsLanguage() {
        let japanese = LocalRequestGuard(boundHost: "127.0.0.1", language: .ja).refusal(head(host: "evil.example"))
        let english = LocalRequestGuard(boundHost: "127.0.0.1", language: .en).refusal(head(host: "evil.example"))
        let japaneseText = String(decoding: japanese?.body ?? Data(), as: UTF8.self)
        let englishText = String(decoding: english?.body ?? Data(), as: UTF8.self)
        #expect(japaneseText.contains("kenshu serve が表示したアドレス"))
        #expect(englishText.contains("Open this preview at the address"))
    }

    /// The other refusals a person may meet in the browser say why, in the author's language, after the status.
    @Test func testOtherRefusals_sayWhyInTheAuthorsLanguage() {
        let busy = String(decoding: PreviewConnection.refusal(.serviceUnavailable, language: .ja), as: UTF8.self)
        #expect(busy.hasPrefix("HTTP/1.1 503 Service Unavailable\r\n"))
        #expect(busy.hasSuffix("\r\n\r\n503 Service Unavailable\n接続が多すぎます。少し待ってから、ページを読み込み直してください。\n"))
        let long = String(decoding: PreviewConnection.refusal(.uriTooLong, language: .en), as: UTF8.self)
        #expect(long.hasSuffix("414 URI Too Long\nRefused: the request line (URL) is too long.\n"))
    }
}
