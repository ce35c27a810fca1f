#!/usr/bin/env python3
"""Lists lines of 120 characters or more in the Swift sources and `.records` files (make lint fails on any)."""
import pathlib
import sys

LIMIT = 120
found = 0
for root in sys.argv[1:] or ["Sources", "Tests", "Plugins", "Package.swift"]:
    path = pathlib.Path(root)
    files = [path] if path.is_file() else sorted(
        p for p in path.rglob("*") if p.suffix in (".swift", ".records") and "Fixtures" not in p.parts
    )
    for file in files:
        for number, line in enumerate(file.read_text(encoding="utf-8").split("\n"), 1):
            if len(line) >= LIMIT:
                print(f"{file}:{number}: {len(line)} characters (at most {LIMIT - 1})")
                found += 1
sys.exit(1 if found else 0)
