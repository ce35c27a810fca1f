/// The anchor a heading with this text gets, before de-duplication; exposed so
/// that tools (and tests) agree with the renderer.
public func headingAnchor(for text: String) -> String {
    AnchorSet.slug(text)
}
