/// What a rewritten SVG may hold: the elements, attributes and CSS properties that draw a picture,
/// in the spirit of DOMPurify's SVG profile, and nothing that runs, loads or animates.
/// Names are matched as written: XML is case-sensitive, so `<linearGradient>` is not `<lineargradient>`.
enum SVGAllowlist {
    /// Shapes, text, structure, paint servers, clipping, masking and filters. Left out on purpose:
    /// `script`, `foreignObject`, `image` and `feImage` (they load or run things), every animation
    /// element (`set`, `animate*`, `mpath`: they can change links), fonts, `cursor`, `metadata`.
    static let elements: Set<String> = [
        "svg", "g", "defs", "symbol", "use", "switch", "view", "a", "title", "desc", "style",
        "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
        "text", "tspan", "textPath",
        "linearGradient", "radialGradient", "stop", "pattern", "clipPath", "mask", "marker",
        "filter", "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feConvolveMatrix",
        "feDiffuseLighting", "feDisplacementMap", "feDistantLight", "feDropShadow", "feFlood", "feFuncA",
        "feFuncB", "feFuncG", "feFuncR", "feGaussianBlur", "feMerge", "feMergeNode", "feMorphology",
        "feOffset", "fePointLight", "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence",
    ]

    /// Elements that change another element's attributes over time.
    static let animations: Set<String> = ["set", "animate", "animateMotion", "animateTransform", "animateColor"]

    /// Geometry, structure and filter attributes that are not CSS properties. Their values are kept
    /// as written once they pass `SVGRewriter.kept` (`SVGStyleSheet.plainValue`); `href` only when it
    /// names a `#fragment`.
    static let attributes: Set<String> = [
        "id", "class", "style", "lang", "xml:lang", "xml:space", "role", "href", "xlink:href",
        "viewBox", "preserveAspectRatio", "width", "height", "x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r",
        "rx", "ry", "fx", "fy", "fr", "d", "points", "pathLength", "transform",
        "dx", "dy", "rotate", "textLength", "lengthAdjust", "startOffset", "method", "spacing", "side",
        "gradientUnits", "gradientTransform", "spreadMethod", "offset",
        "patternUnits", "patternContentUnits", "patternTransform", "clipPathUnits", "maskUnits", "maskContentUnits",
        "markerWidth", "markerHeight", "markerUnits", "refX", "refY", "orient", "systemLanguage", "type",
        "filterUnits", "primitiveUnits", "in", "in2", "result", "stdDeviation", "mode", "operator",
        "k1", "k2", "k3", "k4", "values", "tableValues", "slope", "intercept", "amplitude", "exponent",
        "baseFrequency", "numOctaves", "seed", "stitchTiles", "scale", "xChannelSelector", "yChannelSelector",
        "radius", "kernelMatrix", "order", "divisor", "bias", "targetX", "targetY", "edgeMode", "preserveAlpha",
        "surfaceScale", "diffuseConstant", "specularConstant", "specularExponent", "azimuth", "elevation",
        "pointsAtX", "pointsAtY", "pointsAtZ", "limitingConeAngle", "kernelUnitLength",
    ]

    /// CSS properties, allowed in `style` attributes, `<style>` rules and as presentation attributes
    /// (which browsers parse as CSS, escapes and all). Left out: `cursor`, `content`, fonts loaded
    /// by URL, and everything with no effect on a picture.
    static let properties: Set<String> = [
        "alignment-baseline", "baseline-shift", "clip", "clip-path", "clip-rule", "color", "color-interpolation",
        "color-interpolation-filters", "color-rendering", "direction", "display", "dominant-baseline", "fill",
        "fill-opacity", "fill-rule", "filter", "flood-color", "flood-opacity", "font", "font-family", "font-size",
        "font-size-adjust", "font-stretch", "font-style", "font-variant", "font-weight", "image-rendering",
        "letter-spacing", "lighting-color", "marker", "marker-end", "marker-mid", "marker-start", "mask", "opacity",
        "overflow", "paint-order", "pointer-events", "shape-rendering", "stop-color", "stop-opacity", "stroke",
        "stroke-dasharray", "stroke-dashoffset", "stroke-linecap", "stroke-linejoin", "stroke-miterlimit",
        "stroke-opacity", "stroke-width", "text-anchor", "text-decoration", "text-rendering", "transform-origin",
        "unicode-bidi", "vector-effect", "visibility", "white-space", "word-spacing", "writing-mode", "mix-blend-mode",
        "isolation",
    ]

    /// CSS functions a value may call; `url()` only with a `#fragment`.
    static let functions: Set<String> = [
        "url", "rgb", "rgba", "hsl", "hsla", "translate", "translatex", "translatey", "rotate", "scale", "scalex",
        "scaley", "matrix", "skewx", "skewy",
    ]

    /// The public identifiers of the W3C's own SVG DTDs: a DOCTYPE naming one of these is what
    /// editors write by habit, and is dropped without complaint.
    static let svgPublicIdentifiers: Set<String> = [
        "-//W3C//DTD SVG 1.0//EN", "-//W3C//DTD SVG 1.1//EN", "-//W3C//DTD SVG 1.1 Basic//EN",
        "-//W3C//DTD SVG 1.1 Tiny//EN",
    ]

    static func isAllowedAttribute(_ name: String) -> Bool {
        attributes.contains(name) || properties.contains(name) || name.hasPrefix("aria-")
    }
}
