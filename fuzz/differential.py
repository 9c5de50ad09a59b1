#!/usr/bin/python3
"""Differential check of the RawHTTP request parser against h11 (a reference HTTP/1.1 parser).

Usage: fuzz/differential.py [CORPUS_DIR ...]
  (default: fuzz/corpus/http-parser, .build/fuzz/corpus/http-parser and
  .build/fuzz-depth/corpus/http-parser: every input the fuzzer keeps, either build)

Each input is parsed by the http-parser fuzz binary (HTTP_PARSER_FUZZ_DUMP, default limits) and by
h11 as a server, request after request (pipelining), and the two are compared:
  - both accept a request: method, target, version, header fields (names case-insensitively) and
    body must be the same, request by request;  a difference is a DISAGREEMENT;
  - h11 refuses what RawHTTP accepts: a DISAGREEMENT (RawHTTP must be at least as strict);
  - RawHTTP refuses what h11 accepts: counted by RawHTTP's reason. RawHTTP is stricter on purpose
    in the ways HARDENING.md lists (chunk extensions, Host syntax, a second Authorization, obs-fold,
    target forms, its size limits, ...); any other reason is a DISAGREEMENT.
Prints a summary as JSON; exit status 1 on any disagreement, 3 when h11 is not installed.
"""
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

try:
    import h11
except ImportError:
    print("differential: h11 is not installed (apt-get install python3-h11)", file=sys.stderr)
    sys.exit(3)

# RawHTTP's reasons for refusing what h11 takes, each a deliberate strictness (HARDENING.md).
STRICTER = {
    "invalidChunkExtension": "chunk extensions checked against RFC 9112's grammar (h11 ignores them)",
    "invalidChunkSize": "a chunk-size line with whitespace and no extension, or longer than 1 KiB",
    "bareLineFeedInChunk": "CRLF only in chunked framing",
    "invalidChunkFraming": "chunk data not followed by CRLF",
    "invalidHost": "Host must be host[:port] (RFC 9112 section 3.2)",
    "multipleAuthorization": "a second Authorization header",
    "obsoleteLineFolding": "obs-fold refused (RFC 9112 section 5.2 allows it)",
    "invalidTarget": "only origin, absolute and asterisk (OPTIONS) forms",
    "invalidFieldValue": "control characters in a field value",
    "invalidFieldName": "a field name that is not a token",
    "invalidMethod": "a method that is not a token",
    "invalidRequestLine": "exactly one SP between the parts of the request line",
    "invalidVersion": "a malformed HTTP-version",
    "tooManyEmptyLines": "at most 4 empty lines before a request",
    "missingHost": "HTTP/1.1 without Host",
    "multipleHost": "two Host headers",
    "conflictingContentLength": "Content-Length values that differ",
    "invalidContentLength": "a Content-Length that is not digits",
    "contentLengthWithTransferEncoding": "Content-Length with Transfer-Encoding",
    "transferEncodingInHTTP10": "Transfer-Encoding in HTTP/1.0",
    "whitespaceBeforeColon": "whitespace before a field's colon",
    "missingColon": "a field line without a colon",
    "bodyTooLarge": "the 64 KiB body limit",
    "requestLineTooLong": "the 8 KiB request-line limit",
    "headerSectionTooLarge": "the 16 KiB header-section limit",
    "tooManyHeaderFields": "the 100-field limit",
    "unsupportedTransferCoding": "codings other than chunked",
    "unsupportedVersion": "versions other than 1.0 and 1.1",
}


def unhex(text):
    return bytes.fromhex(text)


def reason_name(reason):
    """`badRequest(RawHTTP.HTTPParseError.BadRequestReason.invalidHost)` -> `invalidHost`;
    `unsupportedVersion("HTTP/1.2")` -> `unsupportedVersion`; `bodyTooLarge` -> itself."""
    if reason.startswith("badRequest("):
        return reason[len("badRequest("):].rstrip(")").split(".")[-1]
    return reason.split("(")[0]


def ours(binary, inputs):
    """The binary's parse of each input (runs it on the files, dump mode)."""
    with tempfile.TemporaryDirectory() as tmp:
        dump = os.path.join(tmp, "dump.jsonl")
        env = dict(os.environ, HTTP_PARSER_FUZZ_DUMP=dump, SWIFT_BACKTRACE="enable=no",
                   ASAN_OPTIONS="detect_leaks=0")
        for start in range(0, len(inputs), 500):
            subprocess.run([binary] + inputs[start:start + 500], env=env, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, check=False)
        parsed = {}
        with open(dump) as f:
            for line in f:
                entry = json.loads(line)
                parsed[entry["input"]] = entry["steps"]
        return parsed


def normalized(request):
    method, target, version, headers, body = request
    lengths = {v.strip() for n, value in headers if n == "content-length" for v in value.split(",")}
    others = [(n, v) for n, v in headers if n != "content-length"]
    return method, target, version, others, sorted(lengths), body


def text(raw):
    return bytes(raw).decode("utf-8", "replace")


# Where h11 is stricter than RFC 9112 asks and RawHTTP follows the RFC.
H11_STRICTER = {
    "no request line received": "empty lines before the request line (RFC 9112 section 2.2: a server SHOULD ignore them)",
}


def theirs(data):
    """h11's requests for the bytes: a list of (method, target, version, headers, body), and an
    error or None (None also when it needs more bytes)."""
    conn = h11.Connection(h11.SERVER, max_incomplete_event_size=32 * 1024)
    conn.receive_data(data)
    requests, current, body = [], None, b""
    try:
        while True:
            event = conn.next_event()
            if event is h11.NEED_DATA or event is h11.PAUSED or isinstance(event, h11.ConnectionClosed):
                return requests, None
            if isinstance(event, h11.Request):
                # RawHTTP hands fields on as Swift Strings (UTF-8, invalid bytes replaced), so
                # h11's bytes are compared decoded the same way.
                current = (text(event.method), text(event.target), event.http_version.decode(),
                           [(text(n).lower(), text(v)) for n, v in event.headers])
                body = b""
            elif isinstance(event, h11.Data):
                body += bytes(event.data)
            elif isinstance(event, h11.EndOfMessage):
                requests.append(current + (body,))
                conn.send(h11.Response(status_code=200, headers=[("content-length", "0")]))
                conn.send(h11.EndOfMessage())
                if conn.our_state is h11.MUST_CLOSE or conn.their_state is h11.MUST_CLOSE:
                    return requests, None
                conn.start_next_cycle()
    except h11.RemoteProtocolError as error:
        return requests, str(error)
    except h11.LocalProtocolError as error:
        return requests, "local: %s" % error


def main():
    dirs = sys.argv[1:] or [os.path.join(ROOT, "fuzz", "corpus", "http-parser"),
                            os.path.join(ROOT, ".build", "fuzz", "corpus", "http-parser"),
                            os.path.join(ROOT, ".build", "fuzz-depth", "corpus", "http-parser")]
    binary = os.path.join(os.environ.get("FUZZ_OUT", os.path.join(ROOT, ".build", "fuzz")), "http-parser")
    if "FUZZ_OUT" not in os.environ and not os.path.exists(binary):
        binary = os.path.join(ROOT, ".build", "fuzz-depth", "http-parser")
    if not os.path.exists(binary):
        print("differential: build the fuzz target first (fuzz/build.sh http-parser)", file=sys.stderr)
        return 2
    # libFuzzer names an input by its SHA-1, so one name in two directories is one input.
    unique = {}
    for d in dirs:
        if os.path.isdir(d):
            for n in os.listdir(d):
                unique.setdefault(n, os.path.join(d, n))
    inputs = sorted(unique.values())
    parsed = ours(binary, inputs)
    summary = {"inputs": len(inputs), "compared": 0, "bothAcceptSame": 0, "bothRefuse": 0,
               "rawhttpStricter": {}, "h11Stricter": {}, "disagreements": 0}
    examples = []
    for path in inputs:
        with open(path, "rb") as f:
            data = f.read()
        steps = parsed.get(data.hex())
        if steps is None:
            continue
        summary["compared"] += 1
        our_requests = [s["request"] for s in steps if "request" in s]
        our_failure = next((s for s in steps if "failure" in s), None)
        their_requests, their_error = theirs(data)
        problem = None
        for i, (mine, other) in enumerate(zip(our_requests, their_requests)):
            m = (text(unhex(mine["method"])), text(unhex(mine["target"])), mine["version"],
                 [(text(unhex(n)).lower(), text(unhex(v))) for n, v in mine["headers"]],
                 unhex(mine["body"]))
            # h11 folds Content-Length values ("3, 3" twice) into one field; compare the lengths
            # they name, and the bodies show the framing agrees.
            if normalized(m) != normalized(other):
                problem = "request %d differs: RawHTTP %r, h11 %r" % (i, m, other)
                break
        if problem is None:
            if len(our_requests) > len(their_requests) and their_error is not None:
                known = next((k for k in H11_STRICTER if their_error.startswith(k)), None)
                if known:
                    summary["h11Stricter"][known] = summary["h11Stricter"].get(known, 0) + 1
                else:
                    problem = "RawHTTP accepts request %d, h11 refuses it: %s" % (len(their_requests), their_error)
            elif len(our_requests) < len(their_requests):
                if our_failure is None:
                    # RawHTTP is still waiting for bytes of a request h11 considers complete.
                    problem = "h11 completes request %d, RawHTTP waits for more bytes" % len(our_requests)
                else:
                    name = reason_name(unhex(our_failure["reason"]).decode())
                    if name in STRICTER:
                        summary["rawhttpStricter"][name] = summary["rawhttpStricter"].get(name, 0) + 1
                    else:
                        problem = "RawHTTP refuses (%s) request %d that h11 accepts" % (name, len(our_requests))
            elif our_failure is not None and their_error is not None:
                summary["bothRefuse"] += 1
            elif our_failure is not None:
                name = reason_name(unhex(our_failure["reason"]).decode())
                if name in STRICTER:
                    summary["rawhttpStricter"][name] = summary["rawhttpStricter"].get(name, 0) + 1
                # h11 stopped for more bytes where RawHTTP already refused: RawHTTP is stricter.
            else:
                summary["bothAcceptSame"] += 1
        if problem:
            summary["disagreements"] += 1
            if len(examples) < 20:
                examples.append({"input": data[:300].decode("latin-1"), "problem": problem})
    summary["examples"] = examples
    print(json.dumps(summary, indent=1, sort_keys=True))
    return 1 if summary["disagreements"] else 0


if __name__ == "__main__":
    sys.exit(main())
