#!/usr/bin/env bash
# The long hardening runs (`make harden`):
#   1. each libFuzzer target alone for HARDEN_FUZZ_SECONDS (default 180);
#   2. the hardening tests at the long scale against the release build: 1,000 slowloris
#      connections for a minute, 200 SIGKILLs during churn, every fault, every security check;
#   3. a summary of every figure measured (.build/harden/figures.jsonl → .build/harden/summary.md).
# Loopback only; everything it starts stops by itself. Exit status: non-zero if anything failed.
set -uo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
swift="${SWIFT:-swift}"
out="$root/.build/harden"
fuzz_seconds="${HARDEN_FUZZ_SECONDS:-180}"
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

echo "harden: fuzzing each target for ${fuzz_seconds}s"
fuzz_start=$(wc -l < "$root/.build/fuzz/results.tsv" 2>/dev/null || echo 0)
if "$root/fuzz/run.sh" "$fuzz_seconds"; then
  :
else
  code=$?
  if [ $code -eq 3 ]; then echo "harden: fuzzing skipped: the toolchain cannot build -sanitize=fuzzer,address"; else status=1; fi
fi
# The fuzz results of this run, as figures.
tail -n +"$((fuzz_start + 1))" "$root/.build/fuzz/results.tsv" 2>/dev/null | while IFS=$'\t' read -r when target secs execs added result; do
  printf '{"figure":"fuzz","scale":"long","target":"%s","seconds":%s,"executions":%s,"newInputs":%s,"result":"%s"}\n' \
    "$target" "$secs" "$execs" "$added" "$result" >> "$figures"
done

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
