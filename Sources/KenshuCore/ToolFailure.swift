/// A failure of the tool rather than of the content (a missing folder, a refused output folder):
/// it stops the command, and carries a catalog ``Message`` so that it is printed in the author's language.
public struct ToolFailure: FailureMessage, Sendable, CustomStringConvertible {
    public var message: Message

    public init(_ key: MessageKey, _ arguments: String...) {
        message = Message(key, arguments: arguments)
    }

    public init(_ message: Message) {
        self.message = message
    }

    public var description: String { message.text(in: .en) }
}

/// An error that stops a command and knows its catalog message (``ToolFailure``, a pipeline step's
/// failure). ``DiagnosticPrinter/failureLine(_:)`` prints any other error as K0014.
public protocol FailureMessage: Error {
    var message: Message { get }
}

extension Message {
    /// What to tell the author about an error that stopped a command: its own message, else K0014
    /// with the system's reason in the author's language when it is a common one.
    public static func failure(_ error: any Error) -> Message {
        (error as? any FailureMessage)?.message ?? Message(.unexpectedError, SystemErrorReason.argument(for: error))
    }
}
