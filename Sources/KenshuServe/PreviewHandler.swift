import Foundation
import KenshuCore

/// Answers the browser from the in-memory site: pages, `index.html` for folders, the right
/// content types, an error page while the content has errors, and no way out of the site.
struct PreviewHandler: Sendable {
    let session: PreviewSession

    /// The answer to a request the ``LocalRequestGuard`` let through. A `HEAD` request gets the
    /// same answer; ``PreviewResponse/encoded(forHead:keepAlive:)`` leaves the body out. Methods
    /// are case-sensitive (RFC 9110 §9.1): `get` is refused.
    func answer(_ request: RequestHead) async -> PreviewResponse {
        guard request.method == "GET" || request.method == "HEAD" else {
            var refusal = Self.refusal(.methodNotAllowed, .cliServeMethod, language: await session.language)
            refusal.headers.append(("Allow", "GET, HEAD"))
            return refusal
        }
        if request.path.split(separator: "?", maxSplits: 1).first.map(String.init) == ErrorPage.warningsPath {
            return await warningsList()
        }
        let path: String
        switch RequestPath.resolve(request.path) {
        case .refused: return Self.refusal(.badRequest, .cliServeBadPath, language: await session.language)
        case .path(let resolved): path = resolved
        }
        switch await session.current {
        case .failed(let diagnostics):
            return Self.html(.internalServerError, ErrorPage.html(diagnostics, language: await session.language, theme: await session.theme))
        case .ready(let site):
            if let content = site.content(at: path) {
                switch content {
                case .bytes(let data):
                    guard ContentType.forPath(path).hasPrefix("text/html") else { return Self.file(data, path: path) }
                    let panel = ErrorPage.warningsPanel(
                        site.warnings(onPage: path), total: site.warnings.count, language: await session.language, theme: await session.theme)
                    return Self.file(data, path: path, panel: panel)
                case .disk(let real):
                    if let file = OpenedFile(real, allowedRoots: site.allowedRoots),
                       let response = Self.fileOnDisk(file, path: path, range: request.fields.first { $0.name.lowercased() == "range" }?.value) {
                        return response
                    }
                    return Self.html(.notFound, ErrorPage.notFound(path, language: await session.language, theme: await session.theme))
                }
            } else if !path.hasSuffix("index.html"), site.isFolder(path) {
                let location = "/" + PercentEncoding.encodePath(path) + "/"
                // Not kept by the browser: the same port may serve another course tomorrow.
                return PreviewResponse(status: .movedPermanently, headers: [("Location", location), ("Cache-Control", "no-store")])
            } else {
                let nearest = site.nearestPage(to: path)
                return Self.html(.notFound, ErrorPage.notFound(path, nearest: nearest, language: await session.language, theme: await session.theme))
            }
        }
    }

    /// - Parameter panel: the warnings panel, added to an HTML page before the live-reload script.
    static func file(_ data: Data, path: String, panel: String? = nil) -> PreviewResponse {
        let type = ContentType.forPath(path)
        let body = type.hasPrefix("text/html")
            ? Data(LiveReloadScript.inject(into: String(decoding: data, as: UTF8.self), adding: panel).utf8) : data
        return PreviewResponse(status: .ok, headers: headers(type), body: body)
    }

    /// Every warning of the site being shown (the error page while the course has errors).
    private func warningsList() async -> PreviewResponse {
        let (language, theme) = (await session.language, await session.theme)
        switch await session.current {
        case .failed(let diagnostics): return Self.html(.internalServerError, ErrorPage.html(diagnostics, language: language, theme: theme))
        case .ready(let site): return Self.html(.ok, ErrorPage.warnings(site.warnings, language: language, theme: theme))
        }
    }

    /// A file of the course, sent from disk: whole, or the one part a `Range: bytes=…` asks for (a video's seek).
    /// Pages are in memory and go through ``file(_:path:)``, which adds the live-reload script.
    static func fileOnDisk(_ opened: OpenedFile, path: String, range: String?) -> PreviewResponse? {
        let type = ContentType.forPath(path)
        guard !type.hasPrefix("text/html") else { return opened.readAll().map { file($0, path: path) } }
        let total = opened.size
        var response = PreviewResponse(status: .ok, headers: headers(type) + [("Accept-Ranges", "bytes")])
        switch range.map({ ByteRange.parse($0, size: total) }) {
        case .part(let bounds)?:
            response.status = .partialContent
            response.headers.append(("Content-Range", "bytes \(bounds.lowerBound)-\(bounds.upperBound - 1)/\(total)"))
            response.fileBody = .init(file: opened, offset: bounds.lowerBound, length: bounds.upperBound - bounds.lowerBound)
        case .unsatisfiable?:
            response.status = .rangeNotSatisfiable
            response.headers.append(("Content-Range", "bytes */\(total)"))
        case .whole?, nil:
            response.fileBody = .init(file: opened, offset: 0, length: total)
        }
        return response
    }

    static func html(_ status: HTTPStatus, _ page: String) -> PreviewResponse {
        PreviewResponse(
            status: status, headers: headers("text/html; charset=utf-8"), body: Data(LiveReloadScript.inject(into: page, keepsPlace: false).utf8))
    }

    /// ``PreviewResponse/refusal(_:_:language:)`` with the headers of every answer from the site.
    static func refusal(_ status: HTTPStatus, _ reason: MessageKey, language: Language) -> PreviewResponse {
        var response = PreviewResponse.refusal(status, reason, language: language)
        response.headers = headers("text/plain; charset=utf-8")
        return response
    }

    static func headers(_ type: String) -> [(name: String, value: String)] {
        [("Content-Type", type), ("Cache-Control", "no-store"), ("X-Content-Type-Options", "nosniff")]
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
