import CommonMark
import Foundation
public import Pictures
import SiteModel
import SiteResolver
import SiteSupport

/// The pictures and files pages use. Every reference is resolved (relative to its page, in its
/// locale, then along the locale's fallback chain; `/files/…` for the site-wide folder), every file
/// used is read and checked once, raster pictures are made into variants (libvips, cached), and each
/// image gets its HTML. Only files a page uses are published, and those of `Content/files/`.
///
/// URLs: a file beside a page is published under `media/` with the first 8 hex digits of its
/// SHA-256 in its name (`tens-pads-3f2a9c01.png`), so the same bytes are one file whatever page or
/// locale uses them, and a changed file gets a new URL; `Content/files/x` is published at `files/x`,
/// a stable URL for templates and other sites to link.
struct PictureStage: Sendable {
    typealias Settings = PictureSettings

    /// Per page index (pages with content of their own), each image's HTML.
    var imageHTML: [[String]]
    /// Per page index, internal link index → the URL of the file it names.
    var linkURLs: [[Int: String]]
    /// The files to publish, by output path.
    var outputs: [String: Data]
    var diagnostics: [Diagnostic]
    /// Per page index, what link previews show: its `image:`, else its first raster picture.
    var socialImages: [Int: OpenGraphImage] = [:]
    /// `site.yml`'s `image:`, for pages without a picture of their own.
    var siteImage: OpenGraphImage?

    /// The width the pages' text column takes (`--measure` in style.css), for `sizes`.
    static let sizes = "(min-width: 44rem) 42rem, 100vw"

    static func run(_ graph: SiteGraph, converted: [RenderedMarkdown], own: [Int], settings: Settings) -> PictureStage
    {
        var diagnostics: [Diagnostic] = []
        var imageFiles: [Int: [Int: ContentFile]] = [:]
        var linkFiles: [Int: [Int: ContentFile]] = [:]
        /// Front matter's and site.yml's `image:`, with their alt text and where they were named.
        var chosenImages: [Int: ChosenImage] = [:]
        var siteImage: ChosenImage?
        /// Where each file is named: a refused file is reported there.
        var references: [ContentFile: [SourceLocation]] = [:]
        if let image = graph.config.image {
            siteImage = ChosenImage(
                image, alt: graph.config.imageAlt, locale: graph.config.defaultLocale, folder: [], files: graph.files,
                diagnostics: &diagnostics)
            if let siteImage { references[siteImage.file, default: []].append(siteImage.location) }
        }
        // Each page's files found on every core, then gathered in page order (the order of the
        // diagnostics and of each file's places): one page after another, at 40 locales, this was
        // the longest stretch of the links stage on one core.
        let found = ParallelMap.map(own) { PageFiles(of: $0, graph: graph, converted: converted) }
        for (index, page) in zip(own, found) {
            guard let page else { continue }
            if !page.images.isEmpty { imageFiles[index] = page.images }
            if !page.links.isEmpty { linkFiles[index] = page.links }
            chosenImages[index] = page.chosenImage
            for (file, location) in page.references { references[file, default: []].append(location) }
            diagnostics += page.diagnostics
        }
        let used = Set(
            imageFiles.values.flatMap(\.values) + linkFiles.values.flatMap(\.values) + chosenImages.values.map(\.file)
                + [siteImage?.file].compactMap { $0 })
        let all = used.sorted { $0.file < $1.file } + graph.files.siteWide.filter { !used.contains($0) }
        let prepared = ParallelMap.map(all) { PreparedFile.prepare($0, settings: settings) }
        var byFile: [ContentFile: PreparedFile] = [:]
        var outputs: [String: Data] = [:]
        for file in prepared {
            diagnostics += file.diagnostics
            if let refusal = file.refusal {
                // A file of `Content/files/` is published whether or not a page names it: reported at itself.
                let places =
                    file.source.locale == nil
                    ? [SourceLocation(file: file.source.file)] : references[file.source] ?? []
                diagnostics += places.map { .error($0, refusal.message(for: file.source.file)) }
                continue
            }
            byFile[file.source] = file
            for output in file.outputs { outputs[output.path] = output.contents }
        }
        // Read once: `basePath` searches the base URL, and each closure below that read it from the
        // graph copied the whole graph, once for every page.
        let basePath = graph.config.basePath
        var imageHTML = [[String]](repeating: [], count: graph.pages.count)
        // A borrowed copy shares its original's body, and so its pictures: made once, for the original.
        for index in own where !converted[index].images.isEmpty {
            imageHTML[index] = converted[index].images.enumerated().map { number, image in
                let prepared = imageFiles[index]?[number].flatMap { byFile[$0] }
                return html(image, prepared: prepared, basePath: basePath, isFirst: number == 0)
            }
        }
        var linkURLs = [[Int: String]](repeating: [:], count: graph.pages.count)
        for (index, files) in linkFiles {
            linkURLs[index] = files.compactMapValues { byFile[$0].map { basePath + $0.path } }
        }
        var stage = PictureStage(imageHTML: imageHTML, linkURLs: linkURLs, outputs: outputs, diagnostics: [])
        // Link previews take a raster picture: social sites show no SVG.
        func social(_ chosen: ChosenImage) -> OpenGraphImage? {
            guard let prepared = byFile[chosen.file] else { return nil }
            guard let image = OpenGraphImage(prepared, alt: chosen.alt, baseURL: graph.config.baseURL) else {
                diagnostics.append(
                    .error(chosen.location, "image: '\(chosen.file.relativePath)' must be a JPEG, PNG or WebP picture")
                )
                return nil
            }
            return image
        }
        stage.siteImage = siteImage.flatMap(social)
        for index in own {
            if let chosen = chosenImages[index] {
                stage.socialImages[index] = social(chosen)
            } else if let first = converted[index].images.indices.lazy.compactMap({ number -> OpenGraphImage? in
                imageFiles[index]?[number].flatMap { byFile[$0] }.flatMap {
                    OpenGraphImage($0, alt: converted[index].images[number].altText, baseURL: graph.config.baseURL)
                }
            }).first {
                stage.socialImages[index] = first
            }
        }
        stage.diagnostics = diagnostics
        return stage
    }

    /// `<picture>` with WebP and the original's format in every width, or `<img>` for an SVG or a
    /// picture elsewhere; a `<figure>` when the image has a caption. The first image of a page is
    /// loaded at once; the others when the reader nears them.
    static func html(_ image: Image, prepared: PreparedFile?, basePath: String, isFirst: Bool) -> String {
        // A figure shows its title as a caption; an image inside text keeps it as a tooltip.
        let title = image.isFigure || image.title.isEmpty ? "" : " title=\"\(HTMLEscape.text(image.title))\""
        let textAttributes = title + " alt=\"\(HTMLEscape.text(image.altText))\""
        let loading = isFirst ? "" : " loading=\"lazy\" decoding=\"async\""
        var picture: String
        if let prepared, let processed = prepared.picture {
            let original = processed.variants(in: processed.header.format)
            let largest = original.last!
            func srcset(_ variants: [PictureVariant]) -> String {
                variants.map { "\(basePath)\(prepared.variantPath($0)) \($0.width)w" }.joined(separator: ", ")
            }
            let webp =
                processed.header.format == .webp
                ? ""
                : "<source type=\"image/webp\" srcset=\"\(srcset(processed.variants(in: .webp)))\" "
                    + "sizes=\"\(sizes)\">"
            picture =
                "<picture>\(webp)<img src=\"\(basePath)\(prepared.variantPath(largest))\" "
                + "srcset=\"\(srcset(original))\" sizes=\"\(sizes)\" width=\"\(largest.width)\" "
                + "height=\"\(largest.height)\"\(textAttributes)\(loading)></picture>"
        } else if let prepared {
            let size = prepared.svgSize.map { " width=\"\($0.width)\" height=\"\($0.height)\"" } ?? ""
            picture = "<img src=\"\(basePath)\(prepared.path)\"\(size)\(textAttributes)\(loading)>"
        } else {
            // A picture elsewhere (https:), or one that did not resolve (the build then fails).
            picture = "<img src=\"\(HTMLEscape.text(image.source))\"\(textAttributes)\(loading)>"
        }
        guard image.isFigure else { return picture }
        return "<figure>\(picture)<figcaption>\(HTMLEscape.text(image.title))</figcaption></figure>"
    }
}

extension OpenGraphImage {
    /// `prepared`'s widest variant in the original's format; nil for anything but a raster picture.
    convenience init?(_ prepared: PreparedFile, alt: String, baseURL: String) {
        guard let picture = prepared.picture, let widest = picture.variants(in: picture.header.format).last else {
            return nil
        }
        self.init(url: baseURL + prepared.variantPath(widest), width: widest.width, height: widest.height, alt: alt)
    }
}

/// How pictures are made, and where made variants are kept between builds (nil: nowhere).
public struct PictureSettings: Sendable {
    public var plan: PicturePlan
    public var cache: PictureCache?

    public init(plan: PicturePlan, cache: PictureCache?) {
        self.plan = plan
        self.cache = cache
    }
}

/// The files one page names, by its images', links' and `image:`'s places, with where each was
/// named and the problems found.
private struct PageFiles: Sendable {
    var images: [Int: ContentFile] = [:]
    var links: [Int: ContentFile] = [:]
    var chosenImage: ChosenImage?
    var references: [(ContentFile, SourceLocation)] = []
    var diagnostics: [Diagnostic] = []

    /// Page `index`'s files; nil for a page that names none, most of them (passed over without a
    /// copy of its node, or of its images and links).
    init?(of index: Int, graph: SiteGraph, converted: [RenderedMarkdown]) {
        let namesFiles =
            converted[index].images.contains { FileIndex.isFileReference($0.source) }
            || converted[index].internalLinks.contains { FileIndex.isFileReference($0.destination) }
        if !namesFiles && graph.pages[index].source.frontMatter.image == nil { return nil }
        let source = graph.pages[index].source
        let folder = source.relativePath.split(separator: "/").dropLast().map(String.init)
        func resolve(_ destination: String, at location: SourceLocation) -> ContentFile? {
            switch graph.files.file(destination, locale: source.locale, folder: folder) {
            case .success(let file):
                references.append((file, location))
                return file
            case .failure(let problem):
                diagnostics.append(.error(location, problem.message))
                return nil
            }
        }
        let at = { (position: SourcePosition) in
            source.bodyLocation.within(line: position.line, column: position.column)
        }
        for (number, image) in converted[index].images.enumerated()
        where FileIndex.isFileReference(image.source) {
            images[number] = resolve(image.source, at: at(image.position))
        }
        for (number, link) in converted[index].internalLinks.enumerated()
        where FileIndex.isFileReference(link.destination) {
            links[number] = resolve(link.destination, at: at(link.position))
        }
        if let image = source.frontMatter.image {
            chosenImage = ChosenImage(
                image, alt: source.frontMatter.imageAlt, locale: source.locale, folder: folder, files: graph.files,
                diagnostics: &diagnostics)
            if let chosenImage { references.append((chosenImage.file, chosenImage.location)) }
        }
    }
}

/// A link-preview picture named by a page's front matter or by site.yml (`image:`): the file, its
/// alt text (`imageAlt:`), and where it was named, for an error about it.
private struct ChosenImage: Sendable {
    var file: ContentFile
    var alt: String
    var location: SourceLocation

    /// The file an `image:` names, as a page in `locale` whose source is in `folder` reads it;
    /// nil, with the error at `image:`, when it names none.
    init?(
        _ image: Located<String>, alt: String?, locale: String, folder: [String], files: FileIndex,
        diagnostics: inout [Diagnostic]
    ) {
        switch files.file(image.value, locale: locale, folder: folder) {
        case .success(let file):
            (self.file, self.alt, location) = (file, alt ?? "", image.location)
        case .failure(let problem):
            diagnostics.append(.error(image.location, "image: " + problem.message))
            return nil
        }
    }
}

/// One file a page uses, read, checked and made ready: its output path, and for a raster picture
/// its variants, for an SVG its size.
struct PreparedFile: Sendable {
    let source: ContentFile
    /// Where it is published, under the output folder.
    var path: String
    var picture: ProcessedPicture?
    var svgSize: PictureSize?
    /// What it publishes: the file itself (not for a raster picture, whose variants replace it).
    var outputs: [OutputFile] = []
    var diagnostics: [Diagnostic] = []
    /// Why the file is not published (not a kind `AttachmentKind.all` lists, or bytes that are not
    /// what its name says); the stage reports it where pages name the file.
    var refusal: AttachmentRefusal?
    /// `media/tens-pads-3f2a9c01`: variants add `-480.webp`.
    private var stem = ""

    static let rasterExtensions: Set<String> = ["png", "jpg", "jpeg", "webp"]

    static func prepare(_ source: ContentFile, settings: PictureStage.Settings) -> PreparedFile {
        var prepared = PreparedFile(source: source, path: "")
        var data: Data
        do {
            data = try Data(contentsOf: source.url)
        } catch {
            prepared.diagnostics.append(
                .error(SourceLocation(file: source.file), "cannot read: \(error.localizedDescription)"))
            return prepared
        }
        if let refusal = AttachmentKind.refusal(fileExtension: source.fileExtension, data: data) {
            prepared.refusal = refusal
            return prepared
        }
        let name = source.relativePath.split(separator: "/").last.map(String.init) ?? source.relativePath
        let ext = source.fileExtension
        let baseName = ext.isEmpty ? name : String(name.dropLast(ext.count + 1))
        // An SVG is never published as it came, only rewritten from what its check allows.
        if ext == "svg" {
            let svg = SVGCheck.rewrite(data)
            prepared.diagnostics += svg.problems.map {
                .error(SourceLocation(file: source.file, line: $0.line, column: $0.column), "SVG \($0.message)")
            }
            prepared.svgSize = svg.size
            guard svg.problems.isEmpty, let rewritten = svg.rewritten else { return prepared }
            data = rewritten
        }
        // One hash of the bytes published: the first 8 hex digits name the file, the whole keys the cache.
        let digest = PictureCache.digest(data)
        let hash = String(digest.prefix(8))
        prepared.stem = "media/\(PathSafety.slug(fromName: baseName))-\(hash)"
        prepared.path =
            source.locale == nil ? "\(ContentFile.siteWideFolder)/\(source.relativePath)" : "\(prepared.stem).\(ext)"
        if rasterExtensions.contains(ext) {
            switch PictureProcessing.process(data, plan: settings.plan, cache: settings.cache, digest: digest) {
            case .success(let picture):
                prepared.picture = picture
                prepared.outputs = picture.variants.map {
                    OutputFile(path: prepared.variantPath($0), contents: $0.bytes)
                }
            case .failure(let problem):
                prepared.diagnostics.append(.error(SourceLocation(file: source.file), "picture \(problem)"))
            }
            // The site-wide folder is published as it is, for templates and other sites to link.
            if source.locale == nil { prepared.outputs.append(OutputFile(path: prepared.path, contents: data)) }
            return prepared
        }
        prepared.outputs.append(OutputFile(path: prepared.path, contents: data))
        return prepared
    }

    func variantPath(_ variant: PictureVariant) -> String {
        "\(stem)-\(variant.width).\(variant.format.fileExtension)"
    }
}
