import KenshuCore

/// What the browser shows while the content has errors: each problem with its `file:line:column`.
enum ErrorPage {
    static func html(_ diagnostics: [Diagnostic]) -> String {
        let items = diagnostics.filter { $0.severity == .error }.map { d -> String in
            let place = d.location.map { "<code>\(HTMLEscaping.escape($0.description))</code> " } ?? ""
            let fix = d.fix.map { "<br><span class=\"fix\">\(HTMLEscaping.escape($0))</span>" } ?? ""
            return "<li>\(place)\(HTMLEscaping.escape(d.message))\(fix)</li>"
        }.joined(separator: "\n")
        return page(title: "ビルドエラー / Build error", body: """
            <h1>ビルドエラー / Build error</h1>
            <p>次の問題を直して保存すると、このページは自動で更新されます。Fix these problems and save; this page reloads by itself.</p>
            <ol>
            \(items)
            </ol>
            """)
    }

    static func notFound(_ path: String) -> String {
        page(title: "見つかりません / Not found", body: "<h1>見つかりません / Not found</h1>\n<p><code>\(HTMLEscaping.escape(path))</code></p>\n<p><a href=\"/\">トップへ / Home</a></p>")
    }

    private static func page(title: String, body: String) -> String {
        """
        <!doctype html>
        <html lang="ja">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>\(title)</title>
        <style>body{font-family:sans-serif;line-height:1.7;color:#1a1a1a;max-width:60rem;margin:2rem auto;padding:0 1rem}
        li{margin:0.75rem 0}code{background:#f2f2f2;padding:0.1em 0.3em}.fix{color:#4d4d4d}h1{color:#b00000}</style></head>
        <body>
        <main>
        \(body)
        </main>
        </body>
        </html>
        """
    }
}
