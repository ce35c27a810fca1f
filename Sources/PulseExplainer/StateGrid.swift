import PulsePhysics
import SiteSupport

/// Every state the sliders can reach, computed at build time, as tables the
/// page's script looks values up in. Each table is indexed only by the inputs
/// its quantity depends on (row-major over `axes`), which keeps the file small.
struct StateGrid: Sendable {
    /// One quantity's values over the states of the inputs it depends on.
    struct Table: Sendable, Equatable {
        /// Its key in the model's object of tables, which pulse.js looks it up by: `valid`, `sd.motor`.
        var name: String
        var axes: [SliderAxis]
        /// Locale-independent text; "" where the state is not a valid setting.
        var values: [String]
    }

    var models: [ExplainerModel]

    /// The tables of one model, in the order the JSON lists them.
    static func tables(for model: ExplainerModel) -> [Table] {
        func table(_ name: String, _ axes: [SliderAxis], _ value: (StimulationSetting) -> String) -> Table {
            let used = axes.filter(model.axes.contains)
            return Table(name: name, axes: used, values: states(over: used).map { value(model.setting(at: $0)) })
        }
        // Grid states may lie outside the plausible ranges; only invalid ones are blank.
        func metric(_ setting: StimulationSetting, _ body: (PulseMetrics) -> String) -> String {
            guard let metrics = try? setting.metrics(allowOutOfRange: true).get() else { return "" }
            return body(metrics)
        }
        let geometry = FigureGeometry(model: model.normalised)
        var tables = [
            table("valid", [.pulseWidth, .frequency]) { $0.problems(allowOutOfRange: true).isEmpty ? "1" : "0" }
        ]
        for quantity in DisplayedQuantity.rows(for: model.normalised) {
            tables.append(
                table(quantity.key, quantity.axes) { setting in
                    metric(setting) { quantity.value($0).map { NumberText.significant($0) } ?? "" }
                })
        }
        for sentence in Reading.sentences {
            guard let selector = sentence.selector else { continue }
            tables.append(
                table(selector, sentence.selectorAxes) { setting in
                    metric(setting) { String(Reading.variant(of: sentence, $0, electrode: setting.electrode)) }
                })
        }
        tables.append(table("electrodeArea", [.electrode]) { NumberText.plain($0.electrode.area.value) })
        tables.append(table("pulsePath", [.amplitude, .pulseWidth]) { geometry.pulsePath($0.pulse) })
        tables.append(table("phase1At", [.amplitude, .pulseWidth]) { geometry.phaseLabelPositions($0.pulse)[0] })
        tables.append(
            table("phase2At", [.amplitude, .pulseWidth]) {
                geometry.phaseLabelPositions($0.pulse).dropFirst().first ?? ""
            })
        tables.append(table("trainPath", [.frequency]) { FigureGeometry.trainPath($0.train) })
        tables.append(table("sdMarker", [.pulseWidth]) { FigureGeometry.markerPath($0.pulse.phase.width) })
        for fibre in FibreClass.allCases {
            tables.append(
                table("sd.\(fibre.rawValue)", [.pulseWidth]) {
                    NumberText.significant(fibre.thresholdMultiple(at: $0.pulse.phase.width))
                })
        }
        return tables
    }

    /// Every combination of indices over `axes`, the last axis varying fastest.
    static func states(over axes: [SliderAxis]) -> [[SliderAxis: Int]] {
        axes.reduce([[:]]) { partial, axis in
            partial.flatMap { state in axis.values.indices.map { state.merging([axis: $0]) { $1 } } }
        }
    }

    /// The whole grid as JSON: axes, units, and one object of tables per model.
    func json() -> String {
        var out = JSONWriter()
        out.object { out in
            out.key("axes")
            out.object { out in
                for axis in SliderAxis.allCases {
                    out.key(axis.rawValue)
                    out.array(axis.values)
                }
            }
            out.key("units")
            out.object { out in
                for quantity in DisplayedQuantity.all {
                    out.key(quantity.key)
                    out.string(quantity.unit)
                }
                out.key("electrodeArea")
                out.string(SquareCentimetreUnit.symbol)
            }
            out.key("models")
            out.list(models) { out, model in
                out.object { out in
                    for table in Self.tables(for: model) {
                        out.key(table.name)
                        out.object { out in
                            out.key("axes")
                            out.array(table.axes.map(\.rawValue))
                            out.key("values")
                            // One-character values (flags) pack into a string: "0110…".
                            if table.values.allSatisfy({ $0.count == 1 }) {
                                out.string(table.values.joined())
                            } else {
                                out.array(table.values)
                            }
                        }
                    }
                }
            }
        }
        return out.text
    }
}
