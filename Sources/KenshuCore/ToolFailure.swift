/// A failure of the tool rather than of the content (a missing folder, a refused output folder):
/// it stops the command, and carries a catalog ``Message`` so that it is printed in the author's language.
public struct ToolFailure: Error, Sendable, CustomStringConvertible {
    public var message: Message

    public init(_ key: MessageKey, _ arguments: String...) {
        message = Message(key, arguments: arguments)
    }

    public init(_ message: Message) {
        self.message = message
    }

    public var description: String { message.text(in: .en) }
}
