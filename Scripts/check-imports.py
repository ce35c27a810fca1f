#!/usr/bin/env python3
"""Check that the package graph is the code's graph (`make lint`).

Every module a target's Swift files import must be a dependency the target
declares in Package.swift, and every dependency it declares must be imported
by at least one of its files. An import that works only because another
dependency brought the module along is an edge nobody can see in
Package.swift; a declared dependency nobody imports is an edge that is not
there.

Reads the manifest through `swift package dump-package` (the manifest as
SwiftPM understands it), so names, paths and product dependencies are exactly
what the build uses. Usage: Scripts/check-imports.py [package-root]
"""

import json
import pathlib
import re
import subprocess
import sys

# Modules of the toolchain and the system: always there, never declared.
SYSTEM_MODULES = {
    "Foundation", "FoundationEssentials", "FoundationXML", "FoundationNetworking",
    "Dispatch", "CDispatch", "Glibc", "Musl", "XCTest", "Synchronization", "_Concurrency", "Swift",
}

IMPORT = re.compile(
    r"^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|package|internal|fileprivate|private)\s+)?"
    r"import\s+(?:(?:struct|class|enum|protocol|func|var|let|typealias)\s+)?([A-Za-z_][A-Za-z0-9_]*)"
)


def declared_dependencies(target):
    """Module names a target depends on (targets by name; products by their module name)."""
    names = set()
    for dependency in target.get("dependencies", []):
        for kind in ("byName", "target", "product"):
            if kind in dependency:
                names.add(dependency[kind][0])
    return names


def target_folder(root, target):
    if target.get("path"):
        return root / target["path"]
    base = "Tests" if target["type"] == "test" else "Sources"
    return root / base / target["name"]


def imported_modules(folder):
    modules = {}
    for path in sorted(folder.rglob("*.swift")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            match = IMPORT.match(line)
            if match:
                modules.setdefault(match.group(1), f"{path}:{number}")
    return modules


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()
    manifest = json.loads(
        subprocess.run(
            ["swift", "package", "--package-path", str(root), "dump-package"],
            check=True, capture_output=True, text=True,
        ).stdout
    )
    problems = []
    for target in manifest["targets"]:
        if target["type"] in ("system", "binary", "plugin"):
            continue
        folder = target_folder(root, target)
        declared = declared_dependencies(target)
        imported = imported_modules(folder)
        for module, where in sorted(imported.items()):
            if module not in declared and module not in SYSTEM_MODULES and module != target["name"]:
                relative = pathlib.Path(where).relative_to(root)
                problems.append(
                    f"{relative}: error: '{target['name']}' imports {module}, "
                    f"which Package.swift does not list among its dependencies"
                )
        for module in sorted(declared - set(imported)):
            problems.append(
                f"Package.swift: error: '{target['name']}' depends on {module}, "
                f"which none of its files imports"
            )
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"check-imports: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"check-imports: {len(manifest['targets'])} targets, every import declared and used")
    return 0


if __name__ == "__main__":
    sys.exit(main())
