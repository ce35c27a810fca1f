public import Foundation

/// What spinesite publishes of a raster picture: up to three widths (480, 960 and 1,440 px, never
/// wider than the original), each in WebP and in the original's format, metadata stripped, sRGB.
public struct PicturePlan: Sendable, Hashable {
    public static let widths = [480, 960, 1440]
    /// Pixels a picture may declare before it is refused (width × height).
    public var pixelLimit: Int

    public init(pixelLimit: Int) {
        self.pixelLimit = pixelLimit
    }

    /// Everything that shapes the variants: part of the cache key, so a change makes them again.
    var settings: String { "widths \(Self.widths); webp Q80 effort 2; jpeg Q82; png 6; strip; sRGB; 1" }

    /// The widths for a picture `width` pixels wide: those narrower, and its own or the widest.
    func widths(forWidth width: Int) -> [Int] {
        let narrower = Self.widths.filter { $0 < width }
        return narrower + [min(width, Self.widths.last!)].filter { !narrower.contains($0) }
    }

    func formats(for format: PictureFormat) -> [PictureFormat] {
        format == .webp ? [.webp] : [.webp, format]
    }
}

/// A raster picture made ready to publish.
public struct ProcessedPicture: Sendable, Hashable {
    public var header: PictureHeader
    /// Narrowest first, then by format: the same order however they were made.
    public private(set) var variants: [PictureVariant]

    init(header: PictureHeader, variants: [PictureVariant]) {
        self.header = header
        self.variants = variants.sorted { ($0.width, $0.format.rawValue) < ($1.width, $1.format.rawValue) }
    }

    /// The variants in `format`, narrowest first.
    public func variants(in format: PictureFormat) -> [PictureVariant] {
        variants.filter { $0.format == format }
    }
}

public enum PictureProcessing {
    /// `data` checked against the plan's pixel limit, then its variants, from `cache` when it has
    /// them (keyed by the bytes and the plan's settings).
    /// - Parameter digest: `PictureCache.digest(data)`, if the caller has it: not hashed again.
    public static func process(_ data: Data, plan: PicturePlan, cache: PictureCache?, digest: String? = nil) -> Result<
        ProcessedPicture, PictureProblem
    > {
        let header: PictureHeader
        switch Vips.header(of: data) {
        case .failure(let problem): return .failure(problem)
        case .success(let value): header = value
        }
        guard header.width * header.height <= plan.pixelLimit else {
            return .failure(.tooManyPixels(width: header.width, height: header.height, limit: plan.pixelLimit))
        }
        let key = cache.map { _ in
            PictureCache.key(sourceDigest: digest ?? PictureCache.digest(data), settings: plan.settings)
        }
        let widths = plan.widths(forWidth: header.width)
        let formats = plan.formats(for: header.format)
        if let cache, let key, let variants = cache.variants(key, widths: widths, formats: formats) {
            return .success(ProcessedPicture(header: header, variants: variants))
        }
        switch Vips.variants(of: data, widths: widths, formats: formats) {
        case .failure(let problem): return .failure(problem)
        case .success(let variants):
            if let cache, let key { cache.store(variants, key: key) }
            return .success(ProcessedPicture(header: header, variants: variants))
        }
    }
}
