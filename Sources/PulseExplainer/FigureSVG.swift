import PulsePhysics

/// The explainer's figures as SVG, labelled in the reader's language. Paths
/// that the sliders change carry `data-svg-d`/`data-svg-at` naming their grid table.
struct FigureSVG {
    let context: ExplainerContext
    let id: String

    private typealias G = FigureGeometry

    /// Current against time for one pulse.
    func waveform(_ setting: StimulationSetting, geometry: FigureGeometry, description: String, template: String?)
        -> String
    {
        var body = axes(xLabel: "\(context["pulseTimeAxis"]) (µs)", yLabel: "\(context["pulseCurrentAxis"]) (mA)")
        for current in [-60.0, -30, 0, 30, 60] {
            body += yTick(G.y(milliamperes: current), label: context.numbers.formatPlain(current))
        }
        let step = geometry.pulseWindow / 4
        for time in stride(from: 0, through: geometry.pulseWindow, by: step) {
            body += xTick(geometry.x(microseconds: time), label: context.numbers.formatPlain(time))
        }
        body += "<path class=\"pulse-zero\" d=\"M\(c(G.left)) \(c(G.y(milliamperes: 0)))H\(c(G.right))\"/>"
        body += "<path class=\"pulse-wave\" data-svg-d=\"pulsePath\" d=\"\(geometry.pulsePath(setting.pulse))\"/>"
        for (index, position) in geometry.phaseLabelPositions(setting.pulse).enumerated() {
            let xy = position.split(separator: " ")
            body +=
                "<text class=\"pulse-phase\" data-svg-at=\"phase\(index + 1)At\" x=\"\(xy[0])\" y=\"\(xy[1])\" "
                + "text-anchor=\"middle\">\(index + 1)</text>"
        }
        return svg(
            name: "wave", title: context["pulseWaveformFigure"], description: description, template: template,
            body: body)
    }

    /// One tick per pulse over a second (or an alternating cycle).
    func train(_ setting: StimulationSetting, description: String, template: String?) -> String {
        let window = G.trainWindow(setting.train)
        var body = axes(xLabel: "\(context["pulseTimeAxis"]) (s)", yLabel: nil)
        for step in 0...4 {
            let time = window * Double(step) / 4
            body += xTick(G.left + (G.right - G.left) * Double(step) / 4, label: context.numbers.formatPlain(time))
        }
        body += "<path class=\"pulse-train\" data-svg-d=\"trainPath\" d=\"\(G.trainPath(setting.train))\"/>"
        return svg(
            name: "train", title: context["pulseTrainFigure"], description: description, template: template, body: body
        )
    }

    /// Threshold (× rheobase) against pulse width for each fibre class, and the setting's width.
    func strengthDuration(_ width: Microseconds, description: String, template: String?) -> String {
        var body = axes(xLabel: "\(context["pulsePulseWidth"]) (µs)", yLabel: context["pulseSDAxis"])
        for multiple in stride(from: 0.0, through: G.multipleRange, by: 4) {
            body += yTick(G.sdY(multiple), label: context.numbers.formatPlain(multiple))
        }
        for duration in stride(from: 0.0, through: G.durationRange, by: 250) {
            body += xTick(G.sdX(duration), label: context.numbers.formatPlain(duration))
        }
        for (index, fibre) in FibreClass.allCases.enumerated() {
            body += "<path class=\"pulse-fibre pulse-fibre-\(fibre.rawValue)\" d=\"\(G.curvePath(fibre))\"/>"
            let y = G.top + 8 + Double(index) * 14
            body +=
                "<path class=\"pulse-fibre pulse-fibre-\(fibre.rawValue)\" d=\"M\(c(G.right - 110)) \(c(y - 4))h16\"/>"
            body += "<text x=\"\(c(G.right - 90))\" y=\"\(c(y))\">\(escape(context["fibre.\(fibre.rawValue)"]))</text>"
        }
        body += "<path class=\"pulse-marker\" data-svg-d=\"sdMarker\" d=\"\(G.markerPath(width))\"/>"
        return svg(
            name: "sd", title: context["pulseSDFigure"], description: description, template: template, body: body)
    }

    // MARK: parts

    private func svg(name: String, title: String, description: String, template: String?, body: String) -> String {
        let titleID = "\(id)-\(name)-title"
        let descID = "\(id)-\(name)-desc"
        let templateAttribute = template.map { " data-template=\"\(escape($0))\"" } ?? ""
        // direction="ltr": time runs left to right in every language.
        return
            "<svg class=\"pulse-svg pulse-svg-\(name)\" viewBox=\"0 0 \(Int(G.width)) \(Int(G.height))\" "
            + "role=\"img\" aria-labelledby=\"\(titleID) \(descID)\" direction=\"ltr\">"
            + "<title id=\"\(titleID)\">\(escape(title))</title><desc "
            + "id=\"\(descID)\"\(templateAttribute)>\(escape(description))</desc>"
            + body + "</svg>"
    }

    private func axes(xLabel: String, yLabel: String?) -> String {
        var text = "<path class=\"pulse-axis\" d=\"M\(c(G.left)) \(c(G.top))V\(c(G.bottom))H\(c(G.right))\"/>"
        text +=
            "<text class=\"pulse-axis-label\" x=\"\(c((G.left + G.right) / 2))\" y=\"\(c(G.height - 2))\" "
            + "text-anchor=\"middle\">\(escape(xLabel))</text>"
        if let yLabel {
            text +=
                "<text class=\"pulse-axis-label\" transform=\"translate(10 \(c((G.top + G.bottom) / 2))) "
                + "rotate(-90)\" text-anchor=\"middle\">\(escape(yLabel))</text>"
        }
        return text
    }

    private func yTick(_ y: Double, label: String) -> String {
        "<path class=\"pulse-tick\" d=\"M\(c(G.left - 3)) \(c(y))h3\"/><text class=\"pulse-tick-label\" "
            + "x=\"\(c(G.left - 5))\" y=\"\(c(y + 3))\" text-anchor=\"end\">\(escape(label))</text>"
    }

    private func xTick(_ x: Double, label: String) -> String {
        "<path class=\"pulse-tick\" d=\"M\(c(x)) \(c(G.bottom))v3\"/><text class=\"pulse-tick-label\" x=\"\(c(x))\" "
            + "y=\"\(c(G.bottom + 13))\" text-anchor=\"middle\">\(escape(label))</text>"
    }

    private func c(_ value: Double) -> String { NumberText.coordinate(value) }
}
