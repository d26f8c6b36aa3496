import KenshuCore

/// Runs a command's work on the file system: Kenshu's own failures, and the system refusing to read
/// or write `path` (K0015 with the reason in the author's language), become one line and exit status 2.
func attempt<T>(_ printer: DiagnosticPrinter, about path: String, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let failure as ToolFailure {
        Console.error(printer.failureLine(failure))
        throw ExitCode(2)
    } catch {
        Console.error(printer.failureLine(ToolFailure(.fileAccessFailed, path, SystemErrorReason.argument(for: error))))
        throw ExitCode(2)
    }
}
