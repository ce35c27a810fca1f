import Foundation
import Hummingbird
import Incremental
import ServiceLifecycle
import SiteModel

/// Answers every request of the preview: the output folder's files, the live
/// reload script and event stream, the site's 404 page, and the error page
/// while the last build failed; but only to requests that name this server.
struct PreviewResponder: HTTPResponder {
    typealias Context = PreviewRequestContext

    let hosts: HostCheck
    let files: SiteFiles
    let liveReload: LiveReload
    let state: BuildState
    /// The preview's last build, which knows each page's source file.
    let lastBuild: LastBuild

    func respond(to request: Request, context: Context) async throws -> Response {
        if let refusal = hosts.refusal(of: request, port: context.localPort ?? 0) {
            return text(refusal, type: "text/plain; charset=utf-8", status: .forbidden, request: request)
        }
        guard request.method == .get || request.method == .head else {
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD"])
        }
        let path = String(request.uri.path)
        switch path {
        case LiveReload.eventsPath: return await events(request)
        case LiveReload.scriptPath:
            return text(LiveReload.script, type: "text/javascript; charset=utf-8", request: request)
        case WarningPanel.scriptPath:
            return text(WarningPanel.script, type: "text/javascript; charset=utf-8", request: request)
        case WarningPanel.dataPath:
            return await warnings(request)
        default: break
        }
        // A site whose baseURL has a path (`/docs/`) is served there, as its host will.
        let base = await state.basePath
        if path + "/" == base { return Response(status: .movedPermanently, headers: [.location: base]) }
        guard path.hasPrefix(base) else { return try await notFound(request) }
        switch files.lookup("/" + path.dropFirst(base.count)) {
        case .redirect:
            return Response(status: .movedPermanently, headers: [.location: path + "/"])
        case .notFound:
            return try await notFound(request)
        case .file(let file):
            if ContentTypes.type(ofFile: file).hasPrefix("text/html"), let failure = await state.failure {
                return text(
                    ErrorPage.html(failure), type: "text/html; charset=utf-8", status: .internalServerError,
                    request: request, live: true)
            }
            return try serve(file, request: request)
        }
    }

    /// A file, with validators so that a reload only fetches what changed.
    private func serve(_ file: String, request: Request, status: HTTPResponse.Status = .ok) throws -> Response {
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        let modified = (attributes[.modificationDate] as? Date) ?? Date(timeIntervalSince1970: 0)
        let tag = "\"\(String(size, radix: 16))-\(String(Int(modified.timeIntervalSince1970 * 1000), radix: 16))\""
        let type = ContentTypes.type(ofFile: file)
        let isHTML = type.hasPrefix("text/html")
        var headers: HTTPFields = [
            .contentType: type, .eTag: tag, .lastModified: HTTPDate.format(modified), .cacheControl: "no-cache",
        ]
        if status == .ok, Self.isFresh(request, tag: tag, modified: modified) {
            return Response(status: .notModified, headers: headers)
        }
        var data = try Data(contentsOf: URL(fileURLWithPath: file))
        if isHTML { data = Data(LiveReload.inject(into: String(decoding: data, as: UTF8.self)).utf8) }
        headers[.contentLength] = String(data.count)
        let body = request.method == .head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: data))
        return Response(status: status, headers: headers, body: body)
    }

    /// `If-None-Match` wins over `If-Modified-Since` (RFC 9110, 13.2.2).
    private static func isFresh(_ request: Request, tag: String, modified: Date) -> Bool {
        if let match = request.headers[.ifNoneMatch] {
            return match.split(separator: ",").contains {
                $0.trimmingCharacters(in: .whitespaces) == tag || $0.trimmingCharacters(in: .whitespaces) == "*"
            }
        }
        if let since = request.headers[.ifModifiedSince].flatMap(HTTPDate.parse) {
            return modified.timeIntervalSince1970.rounded(.down) <= since.timeIntervalSince1970
        }
        return false
    }

    private func notFound(_ request: Request) async throws -> Response {
        if case .file(let page) = files.lookup("/404.html") {
            return try serve(page, request: request, status: .notFound)
        }
        return text("Not found\n", type: "text/plain; charset=utf-8", status: .notFound, request: request)
    }

    private func text(
        _ text: String, type: String, status: HTTPResponse.Status = .ok, request: Request, live: Bool = false
    ) -> Response {
        let body = live ? LiveReload.inject(into: text) : text
        let headers: HTTPFields = [
            .contentType: type, .contentLength: String(body.utf8.count), .cacheControl: "no-store",
        ]
        return Response(
            status: status, headers: headers,
            body: request.method == .head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    /// The warnings of the page named by `?page=` (a path as the browser shows it) and the site's count.
    private func warnings(_ request: Request) async -> Response {
        let base = await state.basePath
        let page = request.uri.queryParameters.get("page") ?? ""
        var file: String?
        if page.hasPrefix(base), case .file(let path) = files.lookup("/" + page.dropFirst(base.count)),
            path.hasPrefix(files.root + "/")
        {
            file = lastBuild.sourceFile(ofOutput: String(path.dropFirst(files.root.count + 1)))
        }
        let report = WarningPanel.report(file: file, siteWarnings: await state.warnings)
        return text(WarningPanel.json(report), type: "application/json", request: request)
    }

    /// Server-Sent Events: `event: reload` after every build from now on.
    private func events(_ request: Request) async -> Response {
        let stream = await liveReload.listen()
        let headers: HTTPFields = [.contentType: "text/event-stream", .cacheControl: "no-store"]
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                // A page that goes away is noticed when its connection closes, not at the next build's
                // write: until then its task, stream and connection would stay in memory.
                try await request.body.consumeWithCancellationOnInboundClose { _ in
                    try await writer.write(ByteBuffer(string: ": connected\n\n"))
                    // Ends when the server shuts down, which waits for open connections.
                    for await generation in stream.cancelOnGracefulShutdown() {
                        try await writer.write(ByteBuffer(string: "event: reload\ndata: \(generation)\n\n"))
                    }
                }
                try await writer.finish(nil)
            })
    }
}
