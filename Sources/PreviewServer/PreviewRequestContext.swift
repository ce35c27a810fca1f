import Hummingbird

/// The request context, with the port the connection came in on: a `Host` header must name it,
/// and with `--port 0` only the bound socket knows it.
struct PreviewRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let localPort: Int?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        localPort = source.channel.localAddress?.port
    }
}
