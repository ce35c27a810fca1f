import CommonMark
import SiteModel
import SiteSupport

/// What the browser shows while the last build failed: every problem as
/// `file:line:column: message`, until the next good save brings the site back.
enum ErrorPage {
    static func html(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }
        let items = errors.map { "<li><code>\(HTMLEscape.text($0.description))</code></li>" }.joined(separator: "\n")
        return """
            <!DOCTYPE html>
            <html lang="en" dir="ltr">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Build failed · spinesite preview</title>
            <style>body{font:1rem/1.5 system-ui,sans-serif;margin:2rem;max-width:60rem}\
            code{white-space:pre-wrap;word-break:break-word}li{margin:.5rem 0}h1{color:#a00000}</style>
            </head>
            <body>
            <main>
            <h1>Build failed</h1>
            <p>Fix each problem below and save: the preview rebuilds, and this page reloads and shows the site \
            again. Until then every page shows this list.</p>
            <ol>
            \(items)
            </ol>
            </main>
            </body>
            </html>

            """
    }
}
