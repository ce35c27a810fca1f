import FoundationEssentials
import Glibc
import TemplateRecords

// template-records OUTPUT_FOLDER FILE.records…: writes OUTPUT_FOLDER/<name>.records.swift for each
// file (run by Plugins/TemplateRecordsPlugin; `embed` may name a type of any of the files).
let arguments = CommandLine.arguments.dropFirst()
guard let outputFolder = arguments.first, arguments.count > 1 else {
    printError("usage: template-records OUTPUT_FOLDER FILE.records…")
    exit(2)
}
do {
    let files = try arguments.dropFirst().map { path in
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        return try RecordParser.parse(String(decoding: bytes, as: UTF8.self), path: path)
    }
    let emitter = try RecordEmitter(files: files)
    for file in files {
        let name = file.path.split(separator: "/").last.map(String.init) ?? file.path
        let output = URL(fileURLWithPath: outputFolder).appending(path: name + ".swift")
        try Data(emitter.swift(for: file).utf8).write(to: output)
    }
} catch {
    printError("\(error)")
    exit(1)
}

/// Writes a line to standard error (the build shows it, and reads `path:line:column: error:`).
func printError(_ message: String) {
    var line = message + "\n"
    line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}
