#!/usr/bin/env bash
# The long hardening runs (`make harden`):
#   1. each libFuzzer target alone, at nice 19, for HARDEN_FUZZ_RUNS executions (default 10 million)
#      or HARDEN_FUZZ_SECONDS (default 3600), whichever comes first, on the depth build (libFuzzer
#      without AddressSanitizer: Swift's bounds and overflow checks still trap; HARDENING.md 6.6 says
#      why); then each target again under AddressSanitizer, from everything the depth run kept, for
#      HARDEN_ASAN_RUNS executions (default 1 million) or HARDEN_ASAN_SECONDS (default 900); then the
#      differential check of the HTTP parser against h11 on every input either kept (fuzz/differential.py);
#   2. the hardening tests at the long scale against the release build: 1,000 slowloris
#      connections for a minute, 200 SIGKILLs during churn, every fault, every security check;
#   3. a summary of every figure measured (.build/harden/figures.jsonl → .build/harden/summary.md).
# Loopback only; everything it starts stops by itself. Exit status: non-zero if anything failed.
set -uo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
swift="${SWIFT:-swift}"
out="$root/.build/harden"
fuzz_seconds="${HARDEN_FUZZ_SECONDS:-3600}"
fuzz_runs="${HARDEN_FUZZ_RUNS:-10000000}"
asan_seconds="${HARDEN_ASAN_SECONDS:-900}"
asan_runs="${HARDEN_ASAN_RUNS:-1000000}"
mkdir -p "$out"
figures="$out/figures.jsonl"
: > "$figures"
status=0

# 1,000 slowloris connections plus the daemon's own descriptors.
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt 4096 ]; then
  ulimit -n 4096 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
fi
echo "harden: descriptor limit $(ulimit -n)"

echo "harden: building (release daemon, debug tests)"
"$swift" build -c release || exit 1
"$swift" build --build-tests || exit 1

fuzz_start=$(wc -l < "$root/.build/fuzz/results.tsv" 2>/dev/null || echo 0)
fuzz_stage() {  # SANITIZE RUNS SECONDS
  if FUZZ_SANITIZE="$1" FUZZ_RUNS="$2" FUZZ_NICE=19 "$root/fuzz/run.sh" "$3"; then
    :
  else
    code=$?
    if [ $code -eq 3 ]; then echo "harden: fuzzing skipped: the toolchain cannot build -sanitize=$1"; else status=1; fi
  fi
}
echo "harden: fuzzing each target for ${fuzz_runs} executions or ${fuzz_seconds}s (depth build, no ASan)"
fuzz_stage fuzzer "$fuzz_runs" "$fuzz_seconds"
echo "harden: each target again under ASan for ${asan_runs} executions or ${asan_seconds}s, from what the depth run kept"
fuzz_stage fuzzer,address "$asan_runs" "$asan_seconds"
# The fuzz results of this run, as figures.
tail -n +"$((fuzz_start + 1))" "$root/.build/fuzz/results.tsv" 2>/dev/null | while IFS=$'\t' read -r when target secs execs added result rate build; do
  printf '{"figure":"fuzz","scale":"long","target":"%s","build":"%s","seconds":%s,"executions":%s,"newInputs":%s,"result":"%s","perSecond":%s}\n' \
    "$target" "${build:-asan}" "$secs" "$execs" "$added" "$result" "${rate:-0}" >> "$figures"
done

echo "harden: the HTTP parser against h11 on every kept input"
/usr/bin/python3 "$root/fuzz/differential.py" > "$out/differential.json"
case $? in
  0) echo "harden: differential: no disagreement"; python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); d.pop("examples"); d["figure"]="differential"; print(json.dumps(d, sort_keys=True))' "$out/differential.json" >> "$figures" ;;
  3) echo "harden: differential skipped: python3-h11 is not installed" ;;
  *) echo "harden: differential: DISAGREEMENTS (see $out/differential.json)"; status=1 ;;
esac

echo "harden: hardening tests at the long scale"
OPENCLAW_SELF_HEAL_HARDEN=long \
OPENCLAW_SELF_HEAL_HARDEN_FIGURES="$figures" \
OPENCLAW_SELF_HEAL_BIN="$root/.build/release/openclaw-self-heal" \
  "$swift" test --skip-build --no-parallel --filter 'Hardening' --skip 'HardeningFuzzTests' 2>&1 | tee "$out/tests.log" \
  | grep -E '^(✔|✘) (Test|Suite)|hardening figure|skipped:'
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1

python3 "$root/harden/summarize.py" "$figures" > "$out/summary.md" && cat "$out/summary.md"
echo "harden: figures in $figures, summary in $out/summary.md, test log in $out/tests.log"
[ $status -eq 0 ] && echo "harden: all passed" || echo "harden: FAILED (see $out/tests.log)"
exit $status
