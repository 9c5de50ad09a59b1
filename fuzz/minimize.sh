#!/usr/bin/env bash
# Merges what the fuzzers found (.build/fuzz/corpus/<target>/) into the committed corpus
# (fuzz/corpus/<target>/), keeping only inputs that add coverage (libFuzzer's -merge=1), so the
# corpus in the repository stays small. Inputs over 4 KiB are left out.
#
# Usage: fuzz/minimize.sh [target ...]      (every target when none is named)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${FUZZ_OUT:-$root/.build/fuzz}"
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(http-parser chunked-decoder config-loader log-line redactor)
  for reader in channels cron gateway-status models-probe plugins sessions sessions-store config-validate infer-run; do
    targets+=("cli-$reader")
  done
fi
"$root/fuzz/build.sh" "${targets[@]}"
export SWIFT_BACKTRACE=enable=no ASAN_OPTIONS="detect_leaks=0"
for target in "${targets[@]}"; do
  binary="$out/$target" reader=""
  case "$target" in cli-*) binary="$out/cli-output"; reader="${target#cli-}" ;; esac
  fresh="$(mktemp -d)"
  mkdir -p "$out/corpus/$target" "$root/fuzz/corpus/$target"
  FUZZ_CLI_READER="$reader" nice -n 19 "$binary" -merge=1 -max_len=4096 "$fresh" "$root/fuzz/corpus/$target" "$out/corpus/$target" \
    > "$out/$target.merge.log" 2>&1
  rm -rf "$root/fuzz/corpus/$target"
  mv "$fresh" "$root/fuzz/corpus/$target"
  echo "fuzz: $target: $(ls "$root/fuzz/corpus/$target" | wc -l) inputs, $(du -sb "$root/fuzz/corpus/$target" | cut -f1) bytes"
done
