import Foundation
import PulsePhysics
import XCTest

@testable import PulseExplainer

/// The grid the page script reads must say what the physics says.
final class StateGridTests: XCTestCase {
    private struct Grid: Decodable {
        var axes: [String: [String]]
        var units: [String: String]
        var models: [[String: Table]]
        struct Table: Decodable {
            var axes: [String]
            var values: [String]
            init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: Keys.self)
                axes = try container.decode([String].self, forKey: .axes)
                if let packed = try? container.decode(String.self, forKey: .values) {
                    values = packed.map(String.init)
                } else {
                    values = try container.decode([String].self, forKey: .values)
                }
            }
            enum Keys: String, CodingKey { case axes, values }
        }
    }

    /// The lookup pulse.js does: row-major over the table's own axes.
    private func lookUp(_ grid: Grid, _ table: Grid.Table, _ state: [String: Int]) -> String {
        var index = 0
        for axis in table.axes { index = index * grid.axes[axis]!.count + state[axis]! }
        return table.values[index]
    }

    func testGridAgreesWithDirectComputationAtRandomStates() throws {
        let presets = library(samplePresets)
        var plan = ExplainerPlan()
        let indices = presets.presets.map { plan.modelIndex(for: $0.setting) }
        let grid = try JSONDecoder().decode(Grid.self, from: Data(plan.statesJSON().utf8))
        var generator = SystemRandomNumberGenerator()
        var checked = 0
        for (preset, modelIndex) in zip(presets.presets, indices) {
            let model = ExplainerModel(preset.setting)
            for _ in 0..<200 {
                var state: [SliderAxis: Int] = [:]
                for axis in SliderAxis.allCases {
                    state[axis] = Int.random(in: 0..<axis.values.count, using: &generator)
                }
                let names = Dictionary(uniqueKeysWithValues: state.map { ($0.key.rawValue, $0.value) })
                // Direct computation from the grid's own input values.
                var setting = preset.setting.with(
                    amplitude: Milliamperes(Double(grid.axes["amplitude"]![state[.amplitude]!])!),
                    width: Microseconds(Double(grid.axes["pulseWidth"]![state[.pulseWidth]!])!),
                    frequency: Hertz(Double(grid.axes["frequency"]![state[.frequency]!])!),
                    electrode: Electrode(rawValue: grid.axes["electrode"]![state[.electrode]!])!
                )
                if !model.axes.contains(.frequency) { setting.train = preset.setting.train }
                let metrics = try setting.metrics(allowOutOfRange: true).get()
                let tables = grid.models[modelIndex]
                for quantity in DisplayedQuantity.rows(for: setting) {
                    let shown = try XCTUnwrap(Double(lookUp(grid, tables[quantity.key]!, names)), quantity.key)
                    let direct = quantity.value(metrics)!
                    XCTAssertEqual(
                        shown, direct, accuracy: max(abs(direct) * 0.005, 1e-12),
                        "\(preset.id) \(quantity.key) at \(names)")
                    checked += 1
                }
                XCTAssertEqual(lookUp(grid, tables["shannonAbove"]!, names), metrics.shannonK >= 1.85 ? "1" : "0")
                let attention = metrics.exceedsPadAttentionLevel(setting.electrode).map { $0 ? "1" : "0" } ?? "2"
                XCTAssertEqual(lookUp(grid, tables["padAttention"]!, names), attention)
            }
        }
        XCTAssertGreaterThan(checked, 10_000)
    }

    func testPresetsSharingAShapeShareAModel() {
        let presets = library(samplePresets)
        var plan = ExplainerPlan()
        let first = plan.modelIndex(for: presets.preset("conventional-tens")!.setting)
        var faster = presets.preset("conventional-tens")!.setting
        faster.train = .continuous(Hertz(2))
        faster.electrode = .needle
        XCTAssertEqual(plan.modelIndex(for: faster), first, "frequency and electrode are slider axes")
        XCTAssertNotEqual(plan.modelIndex(for: presets.preset("mono")!.setting), first)
    }

    func testGridIsValidJSONWithoutMarkup() throws {
        let presets = library(samplePresets)
        var plan = ExplainerPlan()
        for preset in presets.presets { _ = plan.modelIndex(for: preset.setting) }
        let json = plan.statesJSON()
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(json.utf8)))
        XCTAssertFalse(json.contains("<"), "inert if ever inlined")
    }
}
