#!/usr/bin/env python3
"""Writes the fuzzers' seed corpora (fuzz/corpus/<target>/) from the string literals of the unit tests.

Each target is seeded with the literal inputs its module's tests already use: a Swift string literal
("...", #"..."#, and the multi-line forms) is read with its escapes resolved and interpolations
replaced by "1", and kept when it looks like that target's input. Seeds are named by a hash of
their bytes, so running this again adds nothing twice. The output is committed; rerun after adding
tests:  python3 fuzz/extract-seeds.py
"""
import hashlib
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

SOURCES = {
    "http-parser": ["Tests/RawHTTPTests/HTTPRequestParserTests.swift",
                    "Tests/RawHTTPTests/HTTPRequestParserSplitTests.swift",
                    "Tests/RawHTTPTests/RequestTargetTests.swift"],
    "config-loader": ["Tests/HealCoreTests/ConfigJSON5Tests.swift", "Tests/HealCoreTests/ConfigLoaderTests.swift",
                      "Tests/HealCoreTests/ConfigRangeTests.swift", "Tests/HealCoreTests/ConfigListenAddressTests.swift",
                      "Tests/HealCoreTests/ConfigSourceChainTests.swift", "Tests/HealCoreTests/ConfigDiffTests.swift",
                      "Tests/HealCoreTests/ConfigCheckCommandTests.swift",
                      "Tests/HealCoreTests/HardeningJSON5RegressionTests.swift"],
    "log-line": ["Tests/OpenClawKitTests/GatewayLogLineParserTests.swift", "Tests/OpenClawKitTests/LogJSONReaderTests.swift",
                 "Tests/OpenClawKitTests/LogFollowerScanTests.swift", "Tests/OpenClawKitTests/LogMarkerSearchTests.swift",
                 "Tests/OpenClawKitTests/Support/SheetSamples.swift",
                 "Tests/OpenClawKitTests/ChannelsStatusParserTests.swift", "Tests/OpenClawKitTests/CronListParserTests.swift",
                 "Tests/OpenClawKitTests/PluginsListParserTests.swift", "Tests/OpenClawKitTests/SessionsParserTests.swift",
                 "Tests/OpenClawKitTests/GatewayStatusParserTests.swift",
                 "Tests/OpenClawKitTests/ModelsStatusProbeParserTests.swift"],
    "chunked-decoder": ["Tests/RawHTTPTests/HTTPRequestParserTests.swift",
                        "Tests/RawHTTPTests/HTTPRequestParserStrictnessTests.swift"],
    "redactor": ["Tests/HealCoreTests/RedactorCorpusTests.swift", "Tests/HealCoreTests/RedactorCredentialFormsTests.swift",
                 "Tests/HealCoreTests/PolicyRedactorTests.swift", "Tests/HealCoreTests/HardeningStatusRedactionTests.swift"],
}
# Each reader of the CLI's output: its own tests and the sheet's samples.
for reader, tests in {"channels": ["ChannelsStatusParserTests"], "cron": ["CronListParserTests"],
                      "gateway-status": ["GatewayStatusParserTests"], "models-probe": ["ModelsStatusProbeParserTests"],
                      "plugins": ["PluginsListParserTests"], "sessions": ["SessionsParserTests"],
                      "sessions-store": ["SessionsParserTests"], "config-validate": ["ConfigValidateParserTests"],
                      "infer-run": ["InferRunParserTests"]}.items():
    SOURCES["cli-" + reader] = ["Tests/OpenClawKitTests/%s.swift" % t for t in tests] + \
        ["Tests/OpenClawKitTests/Support/SheetSamples.swift"]
# Whole files that are inputs in their own right.
FILES = {"config-loader": ["deploy/config.example.json5"]}


def wanted(target, text):
    if len(text) < 2 or len(text) > 64 * 1024:
        return False
    if target == "http-parser":
        return " HTTP/" in text or text.startswith(("/", "GET", "POST", "HEAD", "\r", "\n"))
    if target == "config-loader":
        return any(c in text for c in "{[:") or text.strip()[:1] in ("/", "0", "-", "'", '"')
    if target == "chunked-decoder":
        return re.match(r"[0-9A-Fa-f]+[; \t\r\n]", text) is not None
    if target == "redactor":
        return len(text) >= 4
    if target.startswith("cli-"):
        return len(text) >= 2
    return len(text) >= 8


ESCAPES = {"n": "\n", "r": "\r", "t": "\t", "0": "\0", "\\": "\\", '"': '"', "'": "'"}


def unescape(body, raw_hashes):
    """Resolves escapes of a literal body; `\\#...` forms for raw literals."""
    esc = "\\" + "#" * raw_hashes
    out, i = [], 0
    while i < len(body):
        if body.startswith(esc, i):
            j = i + len(esc)
            c = body[j:j + 1]
            if c == "(":  # interpolation: skip to the matching parenthesis
                depth, k = 1, j + 1
                while k < len(body) and depth:
                    depth += {"(": 1, ")": -1}.get(body[k], 0)
                    k += 1
                out.append("1")
                i = k
                continue
            if c == "u" and body[j + 1:j + 2] == "{":
                end = body.index("}", j)
                out.append(chr(int(body[j + 2:end], 16)))
                i = end + 1
                continue
            if c in ESCAPES:
                out.append(ESCAPES[c])
                i = j + 1
                continue
            if c == "\n":  # line continuation in multi-line literals
                i = j + 1
                continue
        out.append(body[i])
        i += 1
    return "".join(out)


def literals(source):
    i, n = 0, len(source)
    while i < n:
        if source.startswith("//", i):
            i = source.find("\n", i)
            if i < 0:
                return
            continue
        m = re.compile(r'(#*)("""|")').match(source, i)
        if not m:
            i += 1
            continue
        hashes, quote = len(m.group(1)), m.group(2)
        close = quote + "#" * hashes
        start = m.end()
        if quote == '"""':
            stop = source.find(close, start)
            if stop < 0:
                return
            block = source[start:stop]
            lines = block.split("\n")[1:]  # the first line (after the delimiter) is empty
            indent = len(lines[-1]) if lines and not lines[-1].strip() else 0
            body = "\n".join(line[indent:] for line in lines[:-1])
            yield unescape(body, hashes)
            i = stop + len(close)
            continue
        # single-line: find the closing quote not preceded by an escape
        j = start
        esc = "\\" + "#" * hashes
        while j < n and source[j] != "\n":
            if source.startswith(esc, j):
                j += len(esc) + 1
                continue
            if source.startswith(close, j):
                break
            j += 1
        if j >= n or source[j] == "\n":
            i = j
            continue
        yield unescape(source[start:j], hashes)
        i = j + len(close)


def main():
    total = 0
    for target, paths in SOURCES.items():
        directory = os.path.join(ROOT, "fuzz", "corpus", target)
        os.makedirs(directory, exist_ok=True)
        seeds = set()
        for path in paths:
            if not os.path.exists(os.path.join(ROOT, path)):
                continue
            with open(os.path.join(ROOT, path), encoding="utf-8") as f:
                for text in literals(f.read()):
                    if wanted(target, text):
                        seeds.add(text.encode("utf-8", "surrogatepass"))
        for path in FILES.get(target, []):
            with open(os.path.join(ROOT, path), "rb") as f:
                seeds.add(f.read())
        for seed in seeds:
            name = "seed-" + hashlib.sha1(seed).hexdigest()[:16]
            with open(os.path.join(directory, name), "wb") as f:
                f.write(seed)
        print("%-20s %4d seeds" % (target, len(seeds)))
        total += len(seeds)
    return 0 if total else 1


if __name__ == "__main__":
    sys.exit(main())
