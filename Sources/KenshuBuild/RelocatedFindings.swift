import KenshuCheck
import KenshuCore

/// Pages that gather other pages' bodies (`print.html`) repeat each lesson's links, relocated to
/// their own folder. A broken link there is the lesson's broken link: it is reported once, at the
/// Markdown line, not a second time in a built page that is never written.
enum RelocatedFindings {
    /// `findings` without those that lead where a finding located in the Markdown leads, for the same reason.
    static func withoutRepeats(_ findings: [LinkFinding]) -> [LinkFinding] {
        func key(_ finding: LinkFinding) -> String? {
            // An external URL (`http://` where the site uses `https://` elsewhere, K9006) is the same URL everywhere.
            if URLPolicy.scheme(of: finding.target) != nil { return "\(finding.reason.rawValue)\u{0}\(finding.target)" }
            guard let path = Builder.sitePath(of: finding.target, from: finding.file) else { return nil }
            return "\(finding.reason.rawValue)\u{0}\(path)\u{0}\(URLParts.split(finding.target).fragment ?? "")"
        }
        let located = Set(findings.filter { $0.source != nil }.compactMap(key))
        return findings.filter { finding in
            finding.source != nil || key(finding).map { !located.contains($0) } ?? true
        }
    }
}
