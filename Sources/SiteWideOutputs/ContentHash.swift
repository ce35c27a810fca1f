public import Foundation
import SiteSupport

/// Names of published files that change with their content, so that browsers may cache them for good.
public enum ContentHash {
    /// The first 8 hex digits of the SHA-256 of `data`.
    public static func of(_ data: Data) -> String {
        SHA256Hex.of(data, digits: 8)
    }
}
