import Foundation
import PackagePlugin

/// Turns a target's `.records` files into Swift (see Sources/TemplateRecords):
/// each `Name.records` becomes `Name.records.swift`, compiled with the target.
@main
struct TemplateRecordsPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let records = target.sourceFiles(withSuffix: "records").map(\.url).sorted { $0.path < $1.path }
        guard !records.isEmpty else { return [] }
        let folder = context.pluginWorkDirectoryURL
        let outputs = records.map { folder.appending(path: $0.lastPathComponent + ".swift") }
        return [
            .buildCommand(
                displayName: "Generating template records of \(target.name)",
                executable: try context.tool(named: "template-records").url,
                arguments: [folder.path] + records.map(\.path),
                inputFiles: records,
                outputFiles: outputs
            )
        ]
    }
}
