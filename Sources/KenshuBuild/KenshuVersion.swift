/// Kenshu's version, printed by `kenshu --version` and recorded in exports.
public enum KenshuVersion {
    public static let current = "0.2.0"
}
