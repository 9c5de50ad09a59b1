#!/usr/bin/env bash
# Runs libFuzzer targets, starting from the committed corpus, bounded in time (and in executions).
#
# Usage: fuzz/run.sh SECONDS [target ...]     (every target when none is named; see fuzz/build.sh)
#        FUZZ_RUNS=N fuzz/run.sh SECONDS      stops each target after N executions, or SECONDS
#        FUZZ_PARALLEL=1 fuzz/run.sh SECONDS  runs them side by side
#        FUZZ_NICE=19                         runs the fuzzers at that niceness
#        FUZZ_SANITIZE=fuzzer                 the depth build: no AddressSanitizer (Swift's bounds and
#                                             overflow checks still trap), in .build/fuzz-depth/
#
# New interesting inputs go to .build/fuzz/corpus/<target>/ (kept between runs, never committed;
# fuzz/minimize.sh merges them into the committed corpus); a crashing input is saved under
# .build/fuzz/artifacts/<target>/ and printed in base64 so it can become a regression test. One
# line per run is appended to .build/fuzz/results.tsv:
#   time  target  seconds  executions  new-units  result  exec/s
# (plus an eighth column, the build: asan or no-asan), always in .build/fuzz/results.tsv.
# Exit status: 0 all clean, 1 a target crashed or failed, 3 the toolchain cannot fuzz.
set -uo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
export FUZZ_SANITIZE="${FUZZ_SANITIZE:-fuzzer,address}"
if [ "$FUZZ_SANITIZE" = fuzzer ]; then build=no-asan; default_out="$root/.build/fuzz-depth"; else build=asan; default_out="$root/.build/fuzz"; fi
out="${FUZZ_OUT:-$default_out}"
results="${FUZZ_RESULTS:-$root/.build/fuzz/results.tsv}"
mkdir -p "$(dirname "$results")"
seconds="${1:?usage: fuzz/run.sh SECONDS [target ...]}"
shift
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(http-parser chunked-decoder config-loader log-line redactor)
  for reader in channels cron gateway-status models-probe plugins sessions sessions-store config-validate infer-run; do
    targets+=("cli-$reader")
  done
fi
runs="${FUZZ_RUNS:-}"
niceness="${FUZZ_NICE:-0}"

FUZZ_OUT="$out" "$root/fuzz/build.sh" "${targets[@]}"
built=$?
[ $built -eq 0 ] || exit $built

# The Swift runtime's crash handler would read memory ASan poisons; libFuzzer reports crashes itself.
# Leak checking is off: the only "leaks" are regexes compiled once into globals, which LSan cannot
# see through (the hostile-client tests watch the daemon's memory instead).
export SWIFT_BACKTRACE=enable=no
# No allocation stacks (malloc_context_size=0) and a smaller quarantine: recording a stack at
# every malloc and free was about a tenth of each execution, and a 256 MB quarantine of freed
# memory kept faulting in fresh pages. A report still shows where the bad access happened; an
# input that crashes can be replayed with the defaults to see where the memory came from.
export ASAN_OPTIONS="detect_leaks=0:abort_on_error=0:malloc_context_size=0:quarantine_size_mb=16:${ASAN_OPTIONS:-}"

# One target: runs it and writes its exit status next to its log.
fuzz_one() {
  local target="$1"
  local corpus="$out/corpus/$target" artifacts="$out/artifacts/$target" log="$out/$target.log"
  mkdir -p "$corpus" "$artifacts"
  rm -f "$log.status"
  local binary="$out/$target" reader=""
  case "$target" in cli-*) binary="$out/cli-output"; reader="${target#cli-}" ;; esac
  local limits=(-max_total_time="$seconds")
  [ -n "$runs" ] && limits+=(-runs="$runs")
  local started=$SECONDS
  # What the other build kept is read too (not written): the ASan pass starts from the depth run's corpus.
  local others=()
  for other in "$root/.build/fuzz/corpus/$target" "$root/.build/fuzz-depth/corpus/$target"; do
    [ -d "$other" ] && [ "$other" != "$corpus" ] && others+=("$other")
  done
  FUZZ_CLI_READER="$reader" nice -n "$niceness" "$binary" "${limits[@]}" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -detect_leaks=0 -artifact_prefix="$artifacts/" "$corpus" "$root/fuzz/corpus/$target" "${others[@]}" >"$log" 2>&1
  echo $? > "$log.status"
  echo $((SECONDS - started)) > "$log.seconds"
}

# FUZZ_PARALLEL=1 runs the targets side by side (the bounded run in the test suite); otherwise one
# after the other, each with the whole machine.
if [ "${FUZZ_PARALLEL:-0}" = 1 ]; then
  echo "fuzz: ${targets[*]} side by side for ${seconds}s"
  for target in "${targets[@]}"; do fuzz_one "$target" & done
  wait
else
  for target in "${targets[@]}"; do
    echo "fuzz: $target for ${seconds}s"
    fuzz_one "$target"
  done
fi

status=0
for target in "${targets[@]}"; do
  log="$out/$target.log"
  code=$(cat "$log.status" 2>/dev/null || echo 1)
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  added=$(sed -n 's/^stat::new_units_added: *//p' "$log" | tail -1)
  took=$(cat "$log.seconds" 2>/dev/null || echo "$seconds")
  rate=$(( ${executions:-0} / (took > 0 ? took : 1) ))
  if [ $code -eq 0 ]; then
    result=clean
    echo "fuzz: $target: ${executions:-?} executions in ${took}s (${rate}/s), ${added:-0} new inputs, no crash"
  elif [ $code -eq 72 ]; then
    # libFuzzer's answer to SIGINT: stopped by hand, nothing found; not a clean full run either.
    result=interrupted
    status=1
    echo "fuzz: $target: interrupted after ${executions:-?} executions in ${took}s (${rate}/s), ${added:-0} new inputs, no crash"
  else
    result="failed($code)"
    status=1
    echo "fuzz: $target FAILED (exit $code); the end of its log ($log):" >&2
    grep -v '^"' "$log" | grep -E -A3 'Fatal error|ERROR|SUMMARY|Test unit written|Base64' | tail -25 >&2
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$target" "$took" \
    "${executions:-0}" "${added:-0}" "$result" "$rate" "$build" >> "$results"
done
exit $status
