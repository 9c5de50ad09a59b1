#!/usr/bin/env bash
# Merges what the fuzzers found (.build/fuzz/corpus/<target>/ and .build/fuzz-depth/corpus/<target>/)
# into the committed corpus (fuzz/corpus/<target>/), keeping only inputs that add coverage
# (libFuzzer's -merge=1), so the corpus in the repository stays small. Inputs over 4 KiB are left out.
#
# Usage: fuzz/minimize.sh [target ...]      (every target when none is named)
#        FUZZ_SANITIZE=fuzzer fuzz/minimize.sh   merges with the depth build (faster; same coverage)
#        FUZZ_NICE=N                          the niceness of the merges (default 19)
#        FUZZ_PREBUILT=1                      merges with the binaries as built (no rebuild first;
#                                             the coverage that picks inputs barely moves with a fix)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
export FUZZ_SANITIZE="${FUZZ_SANITIZE:-fuzzer,address}"
if [ "$FUZZ_SANITIZE" = fuzzer ]; then default_out="$root/.build/fuzz-depth"; else default_out="$root/.build/fuzz"; fi
out="${FUZZ_OUT:-$default_out}"
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(http-parser chunked-decoder config-loader log-line redactor)
  for reader in channels cron gateway-status models-probe plugins sessions sessions-store config-validate infer-run; do
    targets+=("cli-$reader")
  done
fi
[ "${FUZZ_PREBUILT:-0}" = 1 ] || FUZZ_OUT="$out" "$root/fuzz/build.sh" "${targets[@]}"
export SWIFT_BACKTRACE=enable=no ASAN_OPTIONS="detect_leaks=0"
for target in "${targets[@]}"; do
  binary="$out/$target" reader=""
  case "$target" in cli-*) binary="$out/cli-output"; reader="${target#cli-}" ;; esac
  fresh="$(mktemp -d)"
  found=()
  for dir in "$root/.build/fuzz/corpus/$target" "$root/.build/fuzz-depth/corpus/$target"; do
    [ -d "$dir" ] && found+=("$dir")
  done
  mkdir -p "$root/fuzz/corpus/$target"
  FUZZ_CLI_READER="$reader" nice -n "${FUZZ_NICE:-19}" "$binary" -merge=1 -max_len=4096 "$fresh" "$root/fuzz/corpus/$target" "${found[@]}" \
    > "$out/$target.merge.log" 2>&1
  rm -rf "$root/fuzz/corpus/$target"
  mv "$fresh" "$root/fuzz/corpus/$target"
  chmod 755 "$root/fuzz/corpus/$target"
  echo "fuzz: $target: $(ls "$root/fuzz/corpus/$target" | wc -l) inputs, $(du -sb "$root/fuzz/corpus/$target" | cut -f1) bytes"
done
