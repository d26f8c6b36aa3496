import KenshuCore

/// What the browser shows while the content has errors: each problem with its `file:line:column`,
/// in the author's language, through the same ``DiagnosticPrinter`` as the terminal.
enum ErrorPage {
    static func html(_ diagnostics: [Diagnostic], language: Language) -> String {
        let printer = DiagnosticPrinter(language: language)
        let items = diagnostics.filter { $0.severity == .error }.map { d -> String in
            let record = printer.record(d)
            let place = d.location.map { "<code>\(HTMLEscaping.escape($0.description))</code> " } ?? ""
            let fix = record.fix.map { "<br><span class=\"fix\">\(HTMLEscaping.escape($0))</span>" } ?? ""
            return "<li>\(place)\(HTMLEscaping.escape(record.message))\(fix) <small>[\(record.code)]</small></li>"
        }.joined(separator: "\n")
        let title = printer.say(.errorPageTitle)
        return page(title: title, language: language, body: """
            <h1>\(title)</h1>
            <p>\(printer.say(.errorPageIntro))</p>
            <ol>
            \(items)
            </ol>
            """)
    }

    static func notFound(_ path: String, language: Language) -> String {
        let printer = DiagnosticPrinter(language: language)
        let title = printer.say(.notFoundTitle)
        return page(title: title, language: language, body: """
            <h1>\(title)</h1>
            <p><code>\(HTMLEscaping.escape(path))</code></p>
            <p><a href="/">\(printer.say(.notFoundHome))</a></p>
            """)
    }

    private static func page(title: String, language: Language, body: String) -> String {
        """
        <!doctype html>
        <html lang="\(language.rawValue)">
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
