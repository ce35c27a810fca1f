public import Foundation

/// The raster formats spinesite publishes, each with its file extension.
public enum PictureFormat: String, Sendable, Hashable, CaseIterable {
    case jpeg, png, webp

    /// From the loader libvips picks for the bytes (`VipsForeignLoadJpegBuffer`, `jpegload_buffer`).
    init?(loader: String) {
        let name = loader.lowercased()
        if name.contains("jpeg") {
            self = .jpeg
        } else if name.contains("png") {
            self = .png
        } else if name.contains("webp") {
            self = .webp
        } else {
            return nil
        }
    }

    public var fileExtension: String { self == .jpeg ? "jpg" : rawValue }

    /// Whether `bytes` start as a file of this format does.
    func starts(_ bytes: Data) -> Bool {
        let magic: [UInt8] =
            switch self {
            case .jpeg: [0xFF, 0xD8, 0xFF]
            case .png: [0x89, 0x50, 0x4E, 0x47]
            case .webp: Array("RIFF".utf8)
            }
        return bytes.count > magic.count && bytes.prefix(magic.count).elementsEqual(magic)
    }
}

public struct PictureHeader: Sendable, Hashable {
    public var format: PictureFormat
    public var width: Int
    public var height: Int
}

/// One published size of a picture in one format, its metadata stripped.
public struct PictureVariant: Sendable, Hashable {
    public var width: Int
    public var height: Int
    public var format: PictureFormat
    public var bytes: Data
}

/// Why a picture cannot be published.
public enum PictureProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// The bytes are no JPEG, PNG or WebP, whatever the file's name says.
    case notAPicture
    /// More pixels than the site allows: a decompression bomb, or a photo to make smaller first.
    case tooManyPixels(width: Int, height: Int, limit: Int)
    /// Truncated or damaged: libvips's words.
    case damaged(String)
    /// libvips could not be loaded or started (not installed?): the loader's words.
    case libraryMissing(String)

    public var description: String {
        switch self {
        case .notAPicture: "is not a JPEG, PNG or WebP picture (whatever its name says)"
        case .tooManyPixels(let width, let height, let limit):
            "declares \(width) × \(height) pixels, more than the limit of \(limit) (a decompression bomb, or a "
                + "photo to make smaller first); 'maxPictureMegapixels' in site.yml raises the limit"
        case .damaged(let reason): "cannot be decoded (truncated or damaged?): \(reason)"
        case .libraryMissing(let reason):
            "cannot be processed: libvips could not be loaded (\(reason)); `make site` installs it "
                + "(Debian's libvips42)"
        }
    }
}
