#!/usr/bin/env python3
"""Writes Sources/KenshuCore/NamedCharacterReferences.swift from Python's copy of the WHATWG table."""
import html.entities
import pathlib

items = sorted(html.entities.html5.items())
body = "\n".join(f"{name} " + " ".join("%X" % ord(c) for c in value) for name, value in items)
template = pathlib.Path(__file__).with_name("NamedCharacterReferences.swift.template").read_text()
target = pathlib.Path(__file__).resolve().parents[2] / "Sources/KenshuCore/NamedCharacterReferences.swift"
target.write_text(template.replace("@COUNT@", str(len(items))).replace("@DATA@", body))
print(f"wrote {len(items)} names to {target}")
