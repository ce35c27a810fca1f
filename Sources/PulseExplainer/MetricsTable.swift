import PulsePhysics

/// The derived quantities of a setting (and of presets to compare it with).
enum MetricsTable {
    static func html(subject: ExplainerSubject, compare: [PulsePreset], context: ExplainerContext) -> String {
        let values = formattedValues(subject.described.setting, context: context)
        let compared = compare.map { formattedValues($0.setting, context: context) }
        var html = "<thead><tr><th scope=\"col\">\(escape(context["pulseQuantity"]))</th>"
        html += "<th scope=\"col\">\(escape(subject.label(in: context)))</th>"
        for preset in compare { html += "<th scope=\"col\">\(escape(context["preset.\(preset.id)"]))</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for quantity in DisplayedQuantity.all {
            guard let value = values[quantity.key] else { continue }
            html +=
                "<tr><th scope=\"row\">\(escape(context[quantity.labelKey]))</th><td><bdi "
                + "data-q=\"\(quantity.key)\">\(escape(value))</bdi></td>"
            for other in compared { html += "<td><bdi>\(escape(other[quantity.key] ?? "—"))</bdi></td>" }
            html += "</tr>\n"
        }
        return scrollingTable(
            class: "pulse-metrics", captionID: "\(context.idPrefix)-metrics-caption",
            caption: context["pulseMetricsCaption"], rows: html + "</tbody>\n")
    }

    /// `rows` (`<thead>` and `<tbody>`) in a table with its caption, in a region of its own that
    /// scrolls sideways on a phone: the table keeps its semantics.
    static func scrollingTable(class name: String, captionID: String, caption: String, rows: String) -> String {
        "<div class=\"pulse-table-scroll\" role=\"region\" aria-labelledby=\"\(captionID)\" tabindex=\"0\">\n"
            + "<table class=\"\(name)\">\n<caption id=\"\(captionID)\">\(escape(caption))</caption>\n"
            + rows + "</table>\n</div>\n"
    }

    /// Each quantity (and the electrode area) as "value unit" in the locale.
    static func formattedValues(_ setting: StimulationSetting, context: ExplainerContext) -> [String: String] {
        guard let metrics = try? setting.metrics(allowOutOfRange: true).get() else { return [:] }
        return formattedValues(metrics, setting: setting, context: context)
    }

    static func formattedValues(_ metrics: PulseMetrics, setting: StimulationSetting, context: ExplainerContext)
        -> [String: String]
    {
        var values: [String: String] = [
            "electrodeArea": context.input(setting.electrode.area.value, SquareCentimetreUnit.symbol)
        ]
        for quantity in DisplayedQuantity.rows(for: setting) {
            if let value = quantity.value(metrics) { values[quantity.key] = context.measure(value, quantity.unit) }
        }
        return values
    }
}

/// All presets in one table: their inputs and the quantities that matter most.
enum ComparisonTable {
    static let quantities = ["charge", "chargeDensity", "shannonK", "pulseRate", "rmsCurrent", "rmsCurrentDensity"]

    static func html(_ presets: [PulsePreset], context: ExplainerContext) -> String {
        var html = "<thead><tr>"
        let headers =
            ["pulsePreset", "pulseAmplitude", "pulsePulseWidth", "pulseFrequency", "pulseElectrode"]
            + quantities.map { "quantity.\($0)" }
        html += headers.map { "<th scope=\"col\">\(escape(context[$0]))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for preset in presets {
            let setting = preset.setting
            let values = MetricsTable.formattedValues(setting, context: context)
            // A visible asterisk, explained under the table; screen readers hear the words.
            let mark = { (name: String) in
                preset.described.illustrative.contains(name)
                    ? "<span class=\"pulse-mark\" aria-hidden=\"true\">*</span><span class=\"visually-hidden\"> "
                        + "(\(escape(context["pulseIllustrative"])))</span>"
                    : ""
            }
            html += "<tr><th scope=\"row\">\(escape(context["preset.\(preset.id)"]))</th>"
            let amplitude = context.input(setting.pulse.phase.amplitude.value, MilliampereUnit.symbol)
            let width = context.input(setting.pulse.phase.width.value, MicrosecondUnit.symbol)
            let train = SettingList.trainText(setting.train, context: context)
            html += "<td><bdi>\(escape(amplitude))</bdi>\(mark("amplitude"))</td>"
            html += "<td><bdi>\(escape(width))</bdi>\(mark("pulseWidth"))</td>"
            html += "<td>\(escape(train))\(mark("frequency"))\(mark("train"))</td>"
            html += "<td>\(escape(context["electrode.\(setting.electrode.rawValue)"]))</td>"
            html += quantities.map { "<td><bdi>\(escape(values[$0] ?? "—"))</bdi></td>" }.joined() + "</tr>\n"
        }
        return MetricsTable.scrollingTable(
            class: "pulse-compare", captionID: "\(context.idPrefix)-caption",
            caption: context["pulseCompareTableCaption"], rows: html + "</tbody>\n")
            + "<p class=\"pulse-illustrative\" aria-hidden=\"true\">* \(escape(context["pulseIllustrative"]))</p>\n"
    }
}
