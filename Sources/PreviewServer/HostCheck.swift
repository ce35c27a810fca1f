import Glibc
import Hummingbird

/// Refuses DNS rebinding: a page of any web site can point a name of its own at 127.0.0.1 and then
/// read the preview (drafts, unpublished locales, the file paths of the error page) as its own
/// origin. Its requests still carry that name in `Host`, so the preview answers only the names it
/// listens on, with its port, as Vite and webpack-dev-server do.
struct HostCheck: Sendable {
    /// Lowercase, an IPv6 address in brackets, as a `Host` header writes them.
    let names: [String]
    /// Listening on every address (`0.0.0.0`, `::`): any IP address may name this computer. A name
    /// still may not, since a rebinding name is one.
    let anyAddress: Bool

    init(listeningOn host: String) {
        let listened = host.contains(":") ? "[\(host.lowercased())]" : host.lowercased()
        let loopback = ["127.0.0.1", "localhost", "[::1]"]
        names = loopback.contains(listened) ? loopback : loopback + [listened]
        anyAddress = listened == "0.0.0.0" || listened == "[::]"
    }

    /// Nil if `request` names this server on `port` (the one its connection came in on); otherwise
    /// the 403's text: what was refused, what is answered, and why.
    func refusal(of request: Request, port: Int) -> String? {
        // The first Host is the authority; another one would let a request name two servers.
        let repeated = request.headers.contains { $0.name.canonicalName == "host" }
        let authority = request.head.authority
        if !repeated, let authority, allows(authority, port: port) { return nil }
        let asked = repeated ? "with more than one Host header" : Self.describe(authority)
        let answered = names.map { "\($0):\(port)" } + (anyAddress ? ["this computer's IP addresses"] : [])
        return "spinesite preview: refused a request \(asked). It answers only requests for "
            + answered.dropLast().joined(separator: ", ") + " or \(answered.last!), so that other web pages "
            + "cannot read it (DNS rebinding). To reach it by another name, start it with --host NAME.\n"
    }

    private static func describe(_ authority: String?) -> String {
        guard let authority else { return "without a Host header" }
        return "for host '\(authority)'"
    }

    /// Whether `authority` (a `Host` header) names this server on `port`.
    func allows(_ authority: String, port: Int) -> Bool {
        guard let named = Authority(authority.lowercased()), named.port == port else { return false }
        return names.contains(named.name) || anyAddress && Self.isAddress(named.name)
    }

    /// A `Host` header's host name and port.
    struct Authority {
        /// A name, an IPv4 address, or an IPv6 one in brackets.
        let name: String
        let port: Int

        /// `name:port`, `[v6]:port`, or a name alone (port 80, as HTTP leaves it out); nil for
        /// anything else.
        init?(_ authority: String) {
            let afterName = authority.hasPrefix("[") ? authority.firstIndex(of: "]").map(authority.index(after:)) : nil
            guard let colon = authority[(afterName ?? authority.startIndex)...].lastIndex(of: ":") else {
                guard !authority.isEmpty else { return nil }
                name = authority
                port = 80
                return
            }
            let digits = authority[authority.index(after: colon)...]
            let isPort = (1...5).contains(digits.count) && digits.allSatisfy { $0.isASCII && $0.isNumber }
            guard isPort, let port = Int(digits) else { return nil }
            name = String(authority[..<colon])
            self.port = port
        }
    }

    /// An IPv4 address, or an IPv6 one in brackets.
    static func isAddress(_ name: String) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 16)
        if name.hasPrefix("["), name.hasSuffix("]") {
            return inet_pton(AF_INET6, String(name.dropFirst().dropLast()), &buffer) == 1
        }
        return inet_pton(AF_INET, name, &buffer) == 1
    }
}
