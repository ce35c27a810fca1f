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
        return try await siteFile(request, path: path, context: context)
    }

    /// A file of the output folder, with validators so that a reload only fetches what changed.
    private func siteFile(_ request: Request, path: String, context: Context) async throws -> Response {
        // Hummingbird answers 400 to a path with `..`; a static host answers 404, and so does the preview.
        guard let decoded = path.removingPercentEncoding, !decoded.contains("..") else {
            return notFound(request)
        }
        var files = self.files
        // A site whose baseURL has a path (`/docs/`) is served there, as its host will.
        files.basePath = await state.basePath
        var response = try await FileMiddleware<Context, SiteFiles>(fileProvider: files, searchForIndexHtml: true)
            .withAdditionalMediaTypes(forFileExtensions: Self.mediaTypes)
            .withServeOnNotFoundResponse()
            .handle(request, context: context) { _, _ in Response(status: .notFound) }
        if response.status == .notFound { return notFound(request) }
        if response.headers[.contentType]?.hasPrefix("text/html") == true, let failure = await state.failure {
            return text(
                ErrorPage.html(failure), type: "text/html; charset=utf-8", status: .internalServerError,
                request: request, live: true)
        }
        // Validators let a reload fetch only what changed; without `no-cache` a browser might not ask.
        response.headers[.cacheControl] = "no-cache"
        return response
    }

    /// Types Hummingbird's table lacks, or gives without the charset every text file of a build has.
    static let mediaTypes: [String: MediaType] = [
        "html": MediaType(type: .text, subType: "html", parameter: ("charset", "utf-8")),
        "css": MediaType(type: .text, subType: "css", parameter: ("charset", "utf-8")),
        "js": MediaType(type: .text, subType: "javascript", parameter: ("charset", "utf-8")),
        "txt": MediaType(type: .text, subType: "plain", parameter: ("charset", "utf-8")),
        "avif": MediaType(type: .image, subType: "avif"),
    ]

    /// The site's 404 page, with status 404.
    private func notFound(_ request: Request) -> Response {
        var files = self.files
        files.basePath = "/"
        if case .page(_, let bytes)? = files.getFileIdentifier("/404.html") {
            let headers: HTTPFields = [
                .contentType: "text/html; charset=utf-8", .contentLength: String(bytes.count),
                .cacheControl: "no-cache",
            ]
            let body = request.method == .head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: bytes))
            return Response(status: .notFound, headers: headers, body: body)
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
        var files = self.files
        files.basePath = base
        var file: String?
        if let output = files.outputFile(at: page) { file = lastBuild.sourceFile(ofOutput: output) }
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
