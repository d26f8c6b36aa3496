import FlyingFox
import Foundation
import KenshuCore

/// Answers the browser from the in-memory site: pages, `index.html` for folders, the right
/// content types, an error page while the content has errors, and no way out of the site.
struct PreviewHandler: HTTPHandler {
    let session: PreviewSession

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return Self.plain(.methodNotAllowed, "GET and HEAD only\n", extra: [HTTPHeader("Allow"): "GET, HEAD"])
        }
        let path: String
        switch RequestPath.resolve(request.target.path()) {
        case .refused: return Self.plain(.badRequest, "bad path\n")
        case .path(let resolved): path = resolved
        }
        let response: HTTPResponse
        switch await session.current {
        case .failed(let diagnostics):
            response = Self.html(.internalServerError, ErrorPage.html(diagnostics, language: await session.language, theme: await session.theme))
        case .ready(let site):
            if let data = site.file(at: path) {
                response = Self.file(data, path: path)
            } else if !path.hasSuffix("index.html"), site.isFolder(path) {
                let location = "/" + path.split(separator: "/").map { PercentEncoding.encodePathSegment(String($0)) }.joined(separator: "/") + "/"
                response = HTTPResponse(statusCode: .movedPermanently, headers: HTTPHeaders([.location: location]))
            } else {
                response = Self.html(.notFound, ErrorPage.notFound(path, language: await session.language, theme: await session.theme))
            }
        }
        if request.method == .HEAD {
            var head = response
            let length = try await response.bodyData.count
            head.payload = .httpBody(HTTPBodySequence(data: Data()))
            head.headers[.contentLength] = String(length)
            return head
        }
        return response
    }

    static func file(_ data: Data, path: String) -> HTTPResponse {
        let type = ContentType.forPath(path)
        let body = type.hasPrefix("text/html") ? Data(LiveReloadScript.inject(into: String(decoding: data, as: UTF8.self)).utf8) : data
        return HTTPResponse(statusCode: .ok, headers: headers(type), body: body)
    }

    static func html(_ status: HTTPStatusCode, _ page: String) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: headers("text/html; charset=utf-8"), body: Data(LiveReloadScript.inject(into: page).utf8))
    }

    static func plain(_ status: HTTPStatusCode, _ text: String, extra: [HTTPHeader: String] = [:]) -> HTTPResponse {
        var all = headers("text/plain; charset=utf-8")
        for (key, value) in extra { all[key] = value }
        return HTTPResponse(statusCode: status, headers: all, body: Data(text.utf8))
    }

    static func headers(_ type: String) -> HTTPHeaders {
        [.contentType: type, .cacheControl: "no-store", HTTPHeader("X-Content-Type-Options"): "nosniff"]
    }
}

/// Turns a request target into a site path, refusing anything that could leave the site.
enum RequestPath: Equatable {
    case path(String)
    case refused

    /// - Parameter raw: the percent-encoded path as the client sent it.
    static func resolve(_ raw: String) -> RequestPath {
        let lowered = raw.lowercased()
        guard raw.hasPrefix("/"), !raw.contains("\\"), !lowered.contains("%2f"), !lowered.contains("%5c"),
              !lowered.contains("%00"), let decoded = raw.removingPercentEncoding, !decoded.contains("\0")
        else { return .refused }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true)
        guard !segments.contains(where: { $0 == ".." || $0 == "." }) else { return .refused }
        var path = segments.joined(separator: "/").precomposedStringWithCanonicalMapping
        if path.isEmpty || decoded.hasSuffix("/") { path += path.isEmpty ? "index.html" : "/index.html" }
        return .path(path)
    }
}

/// Content types by file extension; text types are UTF-8.
enum ContentType {
    static let types: [String: String] = [
        "html": "text/html; charset=utf-8", "htm": "text/html; charset=utf-8",
        "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
        "json": "application/json; charset=utf-8", "txt": "text/plain; charset=utf-8", "md": "text/plain; charset=utf-8",
        "svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
        "webp": "image/webp", "avif": "image/avif", "ico": "image/x-icon",
        "woff": "font/woff", "woff2": "font/woff2", "ttf": "font/ttf", "otf": "font/otf",
        "pdf": "application/pdf", "csv": "text/csv; charset=utf-8", "xml": "application/xml; charset=utf-8",
        "mp4": "video/mp4", "webm": "video/webm", "mp3": "audio/mpeg", "zip": "application/zip",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ]

    static func forPath(_ path: String) -> String {
        let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        return types[ext] ?? "application/octet-stream"
    }
}
