/// Tells every open preview page to reload; one WebSocket per page.
public actor LiveReloadHub {
    private var clients: [Int: AsyncStream<String>.Continuation] = [:]
    private var nextID = 0

    public init() {}

    /// A new page connected: the stream of text messages to send it.
    func connect() -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream.makeStream(of: String.self)
        let id = nextID
        nextID += 1
        clients[id] = continuation
        continuation.onTermination = { _ in Task { await self.disconnect(id) } }
        return stream
    }

    private func disconnect(_ id: Int) { clients[id] = nil }

    public func reload() {
        for client in clients.values { client.yield("reload") }
    }

    public var connectedPages: Int { clients.count }
}
