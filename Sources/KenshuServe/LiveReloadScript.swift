/// The script that reloads a preview page when the site changes.
///
/// It is added to HTML responses of the preview server only; the built site never contains it.
public enum LiveReloadScript {
    public static let path = "/__kenshu/live"

    /// Reloads on the server's word, keeping the reader's place: the scroll position is kept for the page across
    /// reloads (an error page in between, which has no place of its own, leaves it for the mended page). When the
    /// server stops (a restart), it tries again every second and reloads once the server answers, instead of
    /// reloading into the browser's "cannot reach" page, which never comes back by itself.
    static func script(keepsPlace: Bool) -> String {
        """
        <script>(function () {
          var url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + "\(path)";
          var key = "kenshu-preview-place:" + location.pathname, keepsPlace = \(keepsPlace);
          function remember() { if (keepsPlace) { try { sessionStorage.setItem(key, String(window.scrollY)); } catch (e) {} } }
          function reload() { remember(); location.reload(); }
          if (keepsPlace) {
            var place = null;
            try { place = sessionStorage.getItem(key); sessionStorage.removeItem(key); } catch (e) {}
            if (place !== null) {
              // The browser would put back the error page's place (the top) after this.
              if ("scrollRestoration" in history) history.scrollRestoration = "manual";
              var y = Number(place);
              window.scrollTo(0, y);
              window.addEventListener("load", function () { window.scrollTo(0, y); });
            }
          }
          function connect(again) {
            var socket = new WebSocket(url);
            socket.onopen = function () { if (again) reload(); };
            socket.onmessage = function (event) { if (event.data === "reload") reload(); };
            socket.onclose = function () { setTimeout(function () { connect(true); }, 1000); };
          }
          connect(false);
        })();</script>
        """
    }

    /// `html` with the script before its last `</body>`, or at its end.
    /// - Parameters:
    ///   - keepsPlace: `false` for the preview's error and not-found pages, whose place means nothing.
    ///   - adding: markup to add before the script (the warnings panel).
    public static func inject(into html: String, keepsPlace: Bool = true, adding: String? = nil) -> String {
        let script = (adding.map { $0.hasSuffix("\n") ? $0 : $0 + "\n" } ?? "") + script(keepsPlace: keepsPlace)
        guard let range = html.range(of: "</body>", options: [.backwards, .caseInsensitive]) else { return html + script }
        var result = html
        result.insert(contentsOf: script + "\n", at: range.lowerBound)
        return result
    }
}

import Foundation
