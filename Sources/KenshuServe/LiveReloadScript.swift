/// The script that reloads a preview page when the site changes.
///
/// It is added to HTML responses of the preview server only; the built site never contains it.
public enum LiveReloadScript {
    public static let path = "/__kenshu/live"

    static let script = """
        <script>(function () {
          var url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + "\(path)";
          var socket = new WebSocket(url);
          socket.onmessage = function (event) { if (event.data === "reload") location.reload(); };
          socket.onclose = function () { setTimeout(function () { location.reload(); }, 1500); };
        })();</script>
        """

    /// `html` with the script before its last `</body>`, or at its end.
    public static func inject(into html: String) -> String {
        guard let range = html.range(of: "</body>", options: [.backwards, .caseInsensitive]) else { return html + script }
        var result = html
        result.insert(contentsOf: script + "\n", at: range.lowerBound)
        return result
    }
}

import Foundation
