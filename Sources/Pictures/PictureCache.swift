public import Foundation
import SiteSupport

/// Variants made by earlier builds, in `.spinesite-cache/pictures/<key>/`, one file per variant
/// (`480x320.webp`). The key is the SHA-256 of the source's bytes and of the settings, so a changed
/// picture or plan makes new ones; nothing else is trusted. Any unreadable entry is made again.
public struct PictureCache: Sendable {
    public let folder: URL

    public init(folder: URL) {
        self.folder = folder
    }

    /// The SHA-256 of the source's bytes, in hex: the caller often has it already (it names files by it).
    public static func digest(_ data: Data) -> String {
        SHA256Hex.of(data)
    }

    /// The entry for a source (by its digest) made with `settings`.
    static func key(sourceDigest: String, settings: String) -> String {
        digest(Data((sourceDigest + "\n" + settings).utf8))
    }

    /// The entry's variants if it holds exactly one file per width and format, each starting as its
    /// format does; nil otherwise (the variants are then made again).
    func variants(_ key: String, widths: [Int], formats: [PictureFormat]) -> [PictureVariant]? {
        let entry = folder.appendingPathComponent(key)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: entry.path),
            names.count == widths.count * formats.count
        else {
            return nil
        }
        var variants: [PictureVariant] = []
        for name in names {
            let parts = name.split(separator: ".")
            let size = parts.first?.split(separator: "x").compactMap { Int($0) } ?? []
            guard parts.count == 2, size.count == 2,
                let format = PictureFormat.allCases.first(where: { $0.fileExtension == parts[1] }),
                widths.contains(size[0]), formats.contains(format),
                let bytes = try? Data(contentsOf: entry.appendingPathComponent(name)), format.starts(bytes)
            else { return nil }
            variants.append(PictureVariant(width: size[0], height: size[1], format: format, bytes: bytes))
        }
        return variants
    }

    /// Written beside the entry, then renamed into place: a reader never sees half of one.
    func store(_ variants: [PictureVariant], key: String) {
        let files = FileManager.default
        let entry = folder.appendingPathComponent(key)
        let staging = folder.appendingPathComponent(".\(key).\(UUID().uuidString)")
        do {
            try files.createDirectory(at: staging, withIntermediateDirectories: true)
            for variant in variants {
                let name = "\(variant.width)x\(variant.height).\(variant.format.fileExtension)"
                try variant.bytes.write(to: staging.appendingPathComponent(name))
            }
            try files.moveItem(at: staging, to: entry)
        } catch {
            try? files.removeItem(at: staging)
        }
    }
}
