/// A picture's width and height in CSS pixels, as its `width` and `height` attributes give them.
public struct PictureSize: Sendable, Hashable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}
