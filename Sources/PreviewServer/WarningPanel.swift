import Foundation
import SiteModel

/// The preview's warnings panel: a script added to every page the preview serves (never to a built
/// file) that asks `/__spinesite/warnings` for the warnings of the page on screen and the site's
/// total, and shows them in a small panel that can be dismissed with its button or Escape.
enum WarningPanel {
    static let scriptPath = "/__spinesite/warnings.js"
    static let dataPath = "/__spinesite/warnings"

    /// What the panel shows for one page.
    struct Report: Encodable {
        struct Warning: Encodable {
            var line: Int
            var column: Int
            var message: String
        }
        /// Every warning of the last good build.
        var total: Int
        /// The page's source file, if the request named a page of the last build.
        var file: String?
        var warnings: [Warning]
    }

    /// The warnings whose location is `file` (a page's source), with the site's count.
    static func report(file: String?, siteWarnings: [Diagnostic]) -> Report {
        let own = file.map { file in siteWarnings.filter { $0.location.file == file } } ?? []
        return Report(
            total: siteWarnings.count, file: file,
            warnings: own.map {
                Report.Warning(line: $0.location.line, column: $0.location.column, message: $0.message)
            })
    }

    static func json(_ report: Report) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(report)) ?? Data("{}".utf8), as: UTF8.self)
    }

    /// Builds the panel with DOM calls and `textContent` only: warnings quote content, which must
    /// never be read as HTML. The panel is English (`lang`, `dir`) whatever the page's language.
    static let script = """
        // spinesite preview: this page's warnings and the site's count. Never part of a built file.
        (function () {
          var address = "\(dataPath)?page=" + encodeURIComponent(location.pathname);
          fetch(address, { cache: "no-store" })
            .then(function (response) { return response.json(); })
            .then(show)
            .catch(function () {});

          function show(data) {
            if (!data.total) return;
            var signature = location.pathname + " " + JSON.stringify(data);
            try { if (sessionStorage.getItem("spinesite-warnings-dismissed") === signature) return; } catch (e) {}
            var panel = document.createElement("aside");
            panel.id = "spinesite-warnings";
            panel.lang = "en";
            panel.dir = "ltr";
            panel.setAttribute("aria-label", "Preview warnings");
            panel.style.cssText = "position:fixed;right:1rem;bottom:1rem;z-index:2147483647;" +
              "max-width:min(36rem,calc(100vw - 2rem));max-height:50vh;overflow:auto;margin:0;" +
              "background:#fff;color:#1b1d21;border:2px solid #8a5a00;border-radius:6px;" +
              "padding:.75rem 1rem;font:14px/1.45 system-ui,sans-serif;box-shadow:0 2px 8px rgba(0,0,0,.35)";
            var summary = document.createElement("p");
            summary.style.cssText = "margin:0 0 .5rem;font-weight:bold";
            var count = data.warnings.length;
            summary.textContent = count + (count === 1 ? " warning" : " warnings") + " on this page, " +
              data.total + " in the site (spinesite check lists them all)";
            panel.appendChild(summary);
            if (count) {
              var where = document.createElement("p");
              where.style.cssText = "margin:0 0 .25rem";
              where.textContent = data.file;
              panel.appendChild(where);
              var list = document.createElement("ul");
              list.style.cssText = "margin:0 0 .5rem;padding-left:1.25rem";
              data.warnings.forEach(function (warning) {
                var item = document.createElement("li");
                item.textContent = "line " + warning.line + ":" + warning.column + ": " + warning.message;
                list.appendChild(item);
              });
              panel.appendChild(list);
            }
            var dismiss = document.createElement("button");
            dismiss.type = "button";
            dismiss.textContent = "Dismiss";
            dismiss.style.cssText = "font:inherit;padding:.25rem .75rem;color:#1b1d21;background:#f3f4f6;" +
              "border:1px solid #1b1d21;border-radius:4px;cursor:pointer";
            function close() {
              try { sessionStorage.setItem("spinesite-warnings-dismissed", signature); } catch (e) {}
              panel.remove();
            }
            dismiss.addEventListener("click", close);
            panel.addEventListener("keydown", function (event) { if (event.key === "Escape") close(); });
            panel.appendChild(dismiss);
            document.body.appendChild(panel);
          }
        })();

        """
}
