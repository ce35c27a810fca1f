import CVips
import Foundation

/// The only code that calls libvips: bytes in, Swift values out. No `VipsImage` pointer leaves
/// this file.
enum Vips {
    /// libvips is loaded and started once per process, when a raster picture first needs it:
    /// nil, or why it could not be.
    private static let startFailure: String? = spinesite_vips_start().map { String(cString: $0) }

    /// The format and size from the picture's header, without decoding its pixels.
    static func header(of data: Data) -> Result<PictureHeader, PictureProblem> {
        if let startFailure { return .failure(.libraryMissing(startFailure)) }
        return data.withUnsafeBytes { bytes -> Result<PictureHeader, PictureProblem> in
            guard let base = bytes.baseAddress, let loader = spinesite_vips_loader(base, bytes.count),
                let format = PictureFormat(loader: String(cString: loader))
            else { return .failure(.notAPicture) }
            guard let image = spinesite_vips_header(base, bytes.count) else { return .failure(.damaged(lastError())) }
            defer { spinesite_vips_release(image) }
            return .success(
                PictureHeader(
                    format: format, width: Int(spinesite_vips_width(image)), height: Int(spinesite_vips_height(image)))
            )
        }
    }

    /// The picture decoded, shrunk to each of `widths` (widest first, none wider than it is) and
    /// encoded in each of `formats`, every piece of metadata stripped.
    static func variants(of data: Data, widths: [Int], formats: [PictureFormat]) -> Result<
        [PictureVariant], PictureProblem
    > {
        if let startFailure { return .failure(.libraryMissing(startFailure)) }
        guard let widest = widths.max() else { return .failure(.damaged("nothing to make")) }
        return data.withUnsafeBytes { bytes -> Result<[PictureVariant], PictureProblem> in
            var streamed: UnsafeMutablePointer<VipsImage>?
            guard spinesite_vips_thumbnail(bytes.baseAddress, bytes.count, Int32(widest), &streamed) == 0,
                let streamed
            else { return .failure(.damaged(lastError())) }
            // Decoding happens here, so a truncated file fails here.
            let largest = spinesite_vips_in_memory(streamed)
            spinesite_vips_release(streamed)
            guard let largest else { return .failure(.damaged(lastError())) }
            defer { spinesite_vips_release(largest) }
            var variants: [PictureVariant] = []
            for width in widths.sorted(by: >) {
                var image = largest
                var shrunk: UnsafeMutablePointer<VipsImage>?
                if width < widest {
                    guard spinesite_vips_shrink(largest, Int32(width), &shrunk) == 0, let shrunk else {
                        return .failure(.damaged(lastError()))
                    }
                    image = shrunk
                }
                defer { if let shrunk { spinesite_vips_release(shrunk) } }
                for format in formats {
                    guard let encoded = encode(image, as: format) else { return .failure(.damaged(lastError())) }
                    variants.append(
                        PictureVariant(
                            width: Int(spinesite_vips_width(image)), height: Int(spinesite_vips_height(image)),
                            format: format, bytes: encoded))
                }
            }
            return .success(variants)
        }
    }

    private static func encode(_ image: UnsafeMutablePointer<VipsImage>, as format: PictureFormat) -> Data? {
        var buffer: UnsafeMutableRawPointer?
        var length = 0
        let status: Int32 =
            switch format {
            case .webp: spinesite_vips_webp(image, &buffer, &length)
            case .jpeg: spinesite_vips_jpeg(image, &buffer, &length)
            case .png: spinesite_vips_png(image, &buffer, &length)
            }
        guard status == 0, let buffer else { return nil }
        defer { spinesite_vips_free(buffer) }
        let encoded = Data(bytes: buffer, count: length)
        return format == .webp ? WebPChunks.withoutMetadata(encoded) : encoded
    }

    /// libvips's message for the last failure, cleared for the next.
    private static func lastError() -> String {
        let message = String(cString: spinesite_vips_last_error()).trimmingCharacters(in: .whitespacesAndNewlines)
        spinesite_vips_clear_error()
        return message.split(separator: "\n").first.map(String.init) ?? "libvips could not read it"
    }
}
