import Glibc

/// The addresses by which other computers can reach this one, for the preview's advice when it
/// listens on every address (`--host 0.0.0.0`): a browser cannot open `http://0.0.0.0/`, and a
/// colleague needs this computer's address, not a name to look up.
public enum NetworkAddresses {
    /// This computer's IPv4 addresses, without loopback and link-local ones, sorted and without repeats.
    public static func ipv4() -> [String] {
        var first: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&first) == 0 else { return [] }
        defer { freeifaddrs(first) }
        var found: Set<String> = []
        var cursor = first
        while let entry = cursor {
            defer { cursor = entry.pointee.ifa_next }
            guard let address = entry.pointee.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET) else { continue }
            var text = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
            let written = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { inet in
                var bits = inet.pointee.sin_addr
                return inet_ntop(AF_INET, &bits, &text, socklen_t(INET_ADDRSTRLEN)) != nil
            }
            guard written else { continue }
            let dotted = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if !dotted.hasPrefix("127.") && !dotted.hasPrefix("169.254.") { found.insert(dotted) }
        }
        return found.sorted()
    }
}
