import FlyingFox
import Foundation

/// Answers the preview's requests: files of the output folder (HTML with the live-reload script added), the site's own
/// 404 page for what is not there, and the stream of build events.
///
/// Every response carries `Cache-Control: no-cache` and an `ETag` of the bytes sent, so a browser asks again each time and
/// gets `304 Not Modified` only while nothing changed: a rebuilt page is never served from its cache.
struct SiteHandler: HTTPHandler {
    /// The output folder.
    let root: String
    let state: PreviewState
    let hub: ReloadHub

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let target = request.target.path()
        if target == PageDecoration.eventsPath, request.method == .GET {
            return events()
        }
        guard request.method == .GET || request.method == .HEAD else {
            return HTTPResponse(statusCode: .methodNotAllowed, headers: HTTPHeaders([HTTPHeader("Allow"): "GET, HEAD"]))
        }
        switch SitePath.resolve(target, in: root) {
        case .file(let path):
            guard let data = FileManager.default.contents(atPath: path) else { return notFound(request) }
            return respond(request, status: .ok, type: ContentType.of(path), data: data)
        case .redirect(let location):
            return HTTPResponse(statusCode: .movedPermanently, headers: HTTPHeaders([.location: location, .cacheControl: "no-cache"]))
        case .notFound:
            return notFound(request)
        case .refused:
            return HTTPResponse(statusCode: .forbidden, headers: HTTPHeaders([.contentType: "text/plain; charset=utf-8", .cacheControl: "no-cache"]),
                                body: Data("Forbidden: the preview serves only files inside the output folder.\n".utf8))
        }
    }

    /// The site's 404 page (or a short one when the site has none yet), with status 404.
    func notFound(_ request: HTTPRequest) -> HTTPResponse {
        let page: Data
        if case .file(let path) = SitePath.resolve("/404.html", in: root), let data = FileManager.default.contents(atPath: path) {
            page = data
        } else {
            page = Data("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head>\n<body>\n<h1>Not found</h1>\n<p>The site has no page here (and no 404 page yet).</p>\n</body></html>\n".utf8)
        }
        return respond(request, status: .notFound, type: ContentType.html, data: page, baseIsRoot: true)
    }

    func respond(_ request: HTTPRequest, status: HTTPStatusCode, type: String, data: Data, baseIsRoot: Bool = false) -> HTTPResponse {
        var body = data
        if type == ContentType.html {
            body = PageDecoration(generation: state.generation, failure: state.failure, baseIsRoot: baseIsRoot).apply(to: data)
        }
        let tag = "\"\(String(Self.fnv1a(body), radix: 36))\""
        var headers: HTTPHeaders = [.contentType: type, .cacheControl: "no-cache", .eTag: tag, HTTPHeader("X-Content-Type-Options"): "nosniff"]
        if status == .ok, let match = request.headers[.ifNoneMatch], match.split(separator: ",").contains(where: {
            $0.trimmingCharacters(in: .whitespaces) == tag || $0.trimmingCharacters(in: .whitespaces) == "*"
        }) {
            return HTTPResponse(statusCode: .notModified, headers: HTTPHeaders([.cacheControl: "no-cache", .eTag: tag]))
        }
        if request.method == .HEAD {
            headers[.contentLength] = String(body.count)
            return HTTPResponse(statusCode: status, headers: headers)
        }
        return HTTPResponse(statusCode: status, headers: headers, body: body)
    }

    /// The server-sent events of builds, for the live-reload script.
    func events() -> HTTPResponse {
        let stream = hub.subscribe(current: state.generation)
        return HTTPResponse(statusCode: .ok,
                            headers: HTTPHeaders([.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store",
                                                  HTTPHeader("X-Accel-Buffering"): "no"]),
                            body: HTTPBodySequence(from: EventStreamBytes(events: stream)))
    }

    /// FNV-1a, 64 bits: a quick fingerprint of a response for its ETag.
    static func fnv1a(_ data: Data) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
