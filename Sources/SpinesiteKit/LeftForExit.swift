/// Values a process keeps until it exits, so that they are never freed one by one: the
/// operating system takes a process's memory back at once (`BuildOptions.exitsAfterBuild`).
enum LeftForExit {
    private final class Held<Value> {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    static func keep<Value>(_ value: Value) {
        // Retained once more than anything releases: never deallocated.
        _ = Unmanaged.passRetained(Held(value))
    }
}
