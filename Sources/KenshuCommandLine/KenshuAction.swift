/// Each thing `kenshu` can be asked to do. The executable switches over it, so the compiler checks
/// that every command in ``KenshuCommands`` has code that runs it.
public enum KenshuAction: String, Sendable, CaseIterable {
    case build, serve, check, new, themeExport, export, baseStatus, baseAccept
}
