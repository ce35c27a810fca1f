import CommonMark
import SiteSupport

/// Text for HTML content and attribute values.
func escape(_ text: String) -> String { HTMLEscape.text(text) }
