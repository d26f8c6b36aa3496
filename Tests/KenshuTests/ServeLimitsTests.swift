import FlyingSocks
import Foundation
import Testing
@testable import KenshuServe

/// The preview server's request-head reader: caps applied before anything is kept, hostile bytes
/// refused, and the WebSocket handshake's hash. The real server under abuse is in test_serve_limits.py.
@Suite struct ServeLimitsTests {
    let limits = ServeLimits(environment: [:])

    func parse(_ text: String) -> RequestHead.Parse { RequestHead.parse(Array(text.utf8), limits: limits) }

    @Test func testCompleteHead_parsesFieldsAndConsumesOnlyTheHead() {
        let text = "\r\nGET /a%20b?q=1 HTTP/1.1\r\nHost: 127.0.0.1:4173\r\nX-Empty:\r\nAccept:  text/html \t\r\n\r\nGET / HTTP/1.1"
        guard case .complete(let head, let consumed) = parse(text) else {
            Issue.record("a complete head was not recognised")
            return
        }
        #expect(head.method == "GET" && head.target == "/a%20b?q=1" && head.version == "HTTP/1.1")
        #expect(head.fields.map(\.name) == ["Host", "X-Empty", "Accept"])
        #expect(head.value("accept") == "text/html" && head.value("x-empty") == "")
        #expect(Array(text.utf8)[consumed...].elementsEqual("GET / HTTP/1.1".utf8))
        #expect(head.path == "/a%20b")
        #expect(head.keepAlive && !head.hasBody)
    }

    @Test func testResponse_headGetsTheLengthWithoutTheBody() {
        var response = PreviewResponse.plain(.notFound, "見つかりません\n")
        response.headers.append(("X-Split", "a\r\nSet-Cookie: x=1"))
        let get = String(decoding: response.encoded(forHead: false, keepAlive: true), as: UTF8.self)
        let head = String(decoding: response.encoded(forHead: true, keepAlive: false), as: UTF8.self)
        let length = "Content-Length: \("見つかりません\n".utf8.count)\r\n"
        #expect(get.hasPrefix("HTTP/1.1 404 Not Found\r\nContent-Type: text/plain; charset=utf-8\r\n"))
        #expect(get.contains(length) && get.contains("Connection: keep-alive\r\n") && get.hasSuffix("\r\n\r\n見つかりません\n"))
        #expect(head.contains(length) && head.contains("Connection: close\r\n") && head.hasSuffix("\r\n\r\n"))
        #expect(!get.contains("Set-Cookie"), "a header value with a line break must not be written")
    }

    @Test func testBareLineFeeds_areAccepted() {
        guard case .complete(let head, _) = parse("GET / HTTP/1.0\nHost: x\n\n") else {
            Issue.record("LF-only line ends were refused")
            return
        }
        #expect(!head.keepAlive, "HTTP/1.0 closes unless told keep-alive")
    }

    @Test func testPartialHeads_needMore() {
        for text in ["", "GE", "GET / HTTP/1.1", "GET / HTTP/1.1\r\nHost: x\r\n", "GET / HTTP/1.1\r\nHost: x\r\n\r"] {
            #expect(parse(text) == .needMore, "\(text.debugDescription)")
        }
    }

    @Test func testRequestLineOverTheCap_is414EvenWithoutALineEnd() {
        let long = "GET /" + String(repeating: "a", count: limits.requestLineBytes) + " HTTP/1.1\r\n\r\n"
        #expect(parse(long) == .refuse(.uriTooLong))
        #expect(parse("GET /" + String(repeating: "a", count: limits.requestLineBytes + 10)) == .refuse(.uriTooLong))
        let fits = "GET /" + String(repeating: "a", count: limits.requestLineBytes - 20) + " HTTP/1.1\r\nHost: x\r\n\r\n"
        guard case .complete = parse(fits) else {
            Issue.record("a request line under the cap was refused")
            return
        }
    }

    @Test func testHeadersOverTheCaps_are431() {
        let big = "GET / HTTP/1.1\r\nX: " + String(repeating: "b", count: limits.headerBytes) + "\r\n\r\n"
        #expect(parse(big) == .refuse(.requestHeaderFieldsTooLarge))
        let unfinished = "GET / HTTP/1.1\r\nX: " + String(repeating: "b", count: limits.headerBytes + 1)
        #expect(parse(unfinished) == .refuse(.requestHeaderFieldsTooLarge))
        let many = "GET / HTTP/1.1\r\n" + (0...limits.headerLines).map { "X-\($0): 1\r\n" }.joined() + "\r\n"
        #expect(parse(many) == .refuse(.requestHeaderFieldsTooLarge))
        let enough = "GET / HTTP/1.1\r\n" + (1..<limits.headerLines).map { "X-\($0): 1\r\n" }.joined() + "\r\n"
        guard case .complete = parse(enough) else {
            Issue.record("\(limits.headerLines - 1) header lines were refused")
            return
        }
    }

    @Test(arguments: [
        "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", "GET / HTTP/1.1\r\nHost : a\r\n\r\n", "GET / HTTP/1.1\r\n folded\r\n\r\n",
        "GET http://a/ HTTP/1.1\r\n\r\n", "GET / HTTP/2.0\r\n\r\n", "GET  /  HTTP/1.1\r\n\r\n", "GET /\u{7F} HTTP/1.1\r\n\r\n",
        "GET / HTTP/1.1\r\nX: a\u{0}b\r\n\r\n", "GET / HTTP/1.1\r\nno colon\r\n\r\n", "G\u{E9}T / HTTP/1.1\r\n\r\n", "GET /\u{3042} HTTP/1.1\r\n\r\n",
        "GET / HTTP/1.1\r\n: empty name\r\n\r\n",
    ])
    func testMalformedHeads_are400(text: String) {
        #expect(parse(text) == .refuse(.badRequest))
    }

    @Test func testRandomBytes_neverCrashAndNeverExceedTheCaps() {
        var generator = RandomInputTests.Seeded(state: 17)
        let alphabet = Array("GET / HTTP/1.1\r\n:Host ab\u{0}\u{FF}".utf8)
        for _ in 0..<500 {
            let count = Int.random(in: 0..<12_000, using: &generator)
            let bytes = (0..<count).map { _ in alphabet.randomElement(using: &generator) ?? 0 }
            if case .complete(let head, let consumed) = RequestHead.parse(bytes, limits: limits) {
                #expect(consumed <= bytes.count)
                #expect(head.target.utf8.count <= limits.requestLineBytes)
                #expect(head.fields.count <= limits.headerLines)
            }
        }
    }

    @Test func testBodiesAndConnectionTokens() {
        guard case .complete(let post, _) = parse("POST / HTTP/1.1\r\nContent-Length: 5\r\nConnection: keep-alive, Close\r\n\r\n") else {
            Issue.record("POST head not parsed")
            return
        }
        #expect(post.hasBody && !post.keepAlive)
    }

    @Test func testSHA1_matchesKnownDigests() {
        func hex(_ text: String) -> String { SHA1.hash(Array(text.utf8)).map { String(format: "%02x", $0) }.joined() }
        #expect(hex("") == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        #expect(hex("abc") == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(hex(String(repeating: "a", count: 1_000)) == "291e9a6c66994949b57ba5e650361e98fc36b1ba")
        #expect(hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
    }

    @Test func testWebSocketAccept_isRFC6455sExample() throws {
        guard case .complete(let head, _) = parse(
            "GET /__kenshu/live HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: keep-alive, Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
        else {
            Issue.record("handshake head not parsed")
            return
        }
        let answer = String(decoding: try #require(ReloadSocket.handshake(head)), as: UTF8.self)
        #expect(answer.contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"))
        var wrongVersion = head
        wrongVersion.fields = head.fields.map { $0.name == "Sec-WebSocket-Version" ? ($0.name, "8") : $0 }
        #expect(ReloadSocket.handshake(wrongVersion) == nil)
    }

    @Test func testConnectionCap_staysBelowTheDescriptorLimit() {
        #expect(ServeLimits.connectionCap(descriptorLimit: 1024) == 512)
        #expect(ServeLimits.connectionCap(descriptorLimit: 256) == 256 - ServeLimits.reservedDescriptors)
        #expect(ServeLimits.connectionCap(descriptorLimit: 20) == 4)
        #expect(ServeLimits(environment: ["KENSHU_SERVE_CONNECTIONS": "7"]).connections == 7)
        #expect(ServeLimits(environment: ["KENSHU_SERVE_CONNECTIONS": "1000000"]).connections == ServeLimits.connectionCap(),
                "the setting lowers the cap, never raises it past the descriptor limit")
        #expect(ServeLimits(environment: [:]).reloadSockets == ServeLimits.connectionCap() / 2)
    }

    /// The last resort when descriptors have run out: the waiting client is taken with the spare
    /// descriptor and told 503 (running out is not provoked here: libdispatch would stop the test process).
    @Test func testTurnAway_answersTheWaitingClient503() throws {
        let listening = try Socket(domain: AF_INET)
        defer { try? listening.close() }
        try listening.bind(to: try sockaddr_in.inet(ip4: "127.0.0.1", port: 0))
        try listening.listen()
        guard case .ip4(_, let port) = try listening.sockname() else {
            Issue.record("no port")
            return
        }
        let client = try Socket(domain: AF_INET)
        defer { try? client.close() }
        try client.connect(to: try sockaddr_in.inet(ip4: "127.0.0.1", port: port))
        let listener = PreviewListener(address: try sockaddr_in.inet(ip4: "127.0.0.1", port: 0), limits: ServeLimits(), language: .ja) { _ in
            preconditionFailure("turnAway answers without a connection handler")
        }
        listener.turnAway(listening)
        var answer: [UInt8] = []
        while let bytes = try? client.read(atMost: 4096) { answer += bytes }
        let text = String(decoding: answer, as: UTF8.self)
        #expect(text.hasPrefix("HTTP/1.1 503 Service Unavailable\r\n"), "\(text)")
        #expect(text.contains("Connection: close\r\n"))
        #expect(text.hasSuffix("接続が多すぎます。少し待ってから、ページを読み込み直してください。\n"))
    }
}
