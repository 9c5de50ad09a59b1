#!/usr/bin/env bash
# Builds the libFuzzer targets into .build/fuzz/ (or $FUZZ_OUT):
#   http-parser   the RawHTTP request parser           fuzz/targets/HTTPParserFuzz.swift
#   config-loader the JSON5 config loader (HealCore)   fuzz/targets/ConfigLoaderFuzz.swift
#   log-line      the gateway log-line parser          fuzz/targets/LogLineFuzz.swift
#
# The package exports only an executable, so the module sources are compiled here directly with
# `swiftc -sanitize=fuzzer,address`: RawHTTP and OpenClawKit together with their target (so the
# target reaches internal types), HealCore once as a module with testing enabled. A target is
# rebuilt only when a source it depends on is newer than it.
#
# Usage: fuzz/build.sh [target ...]      (all three when none is named)
# Exit status 3 means this toolchain cannot build libFuzzer targets (the caller may skip).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
out="${FUZZ_OUT:-$root/.build/fuzz}"
swiftc="${SWIFTC:-swiftc}"
clang="${CLANG:-$(dirname "$(command -v "$swiftc")")/clang}"
opt="${FUZZ_OPT:--O}"
flags=(-sanitize=fuzzer,address -parse-as-library "$opt" -g -swift-version 6)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(http-parser config-loader log-line)

mkdir -p "$out/obj" "$out/modules" "$out/CSocketShim"

# Can this toolchain link a libFuzzer binary at all?
probe="$out/obj/probe"
if [ ! -x "$probe" ]; then
  printf '@_cdecl("LLVMFuzzerTestOneInput") public func f(_ d: UnsafePointer<UInt8>, _ n: Int) -> Int32 { 0 }\n' > "$out/obj/probe.swift"
  if ! "$swiftc" -sanitize=fuzzer,address -parse-as-library "$out/obj/probe.swift" -o "$probe" >"$out/obj/probe.log" 2>&1; then
    echo "fuzz: $swiftc cannot build with -sanitize=fuzzer,address:" >&2
    tail -5 "$out/obj/probe.log" >&2
    exit 3
  fi
fi

# Quiet the gold linker's harmless warnings about ASan's local symbols; keep everything else.
filter() { grep -v -e "Cannot export local symbol '__asan" || true; }

# newer OUTPUT INPUT...: true when OUTPUT is missing or older than any INPUT (files or dirs).
stale() {
  local output="$1"; shift
  [ -e "$output" ] || return 0
  [ -n "$(find "$@" -newer "$output" -type f -print -quit)" ]
}

sources() { find "$@" -name '*.swift' | sort; }

shim_object="$out/obj/CSocketShim.o"
shim_map="$out/CSocketShim/module.modulemap"
build_shim() {
  if stale "$shim_object" "$root/Sources/CSocketShim"; then
    printf 'module CSocketShim {\n  header "%s"\n  export *\n}\n' "$root/Sources/CSocketShim/include/CSocketShim.h" > "$shim_map"
    "$clang" -c -O1 -g -fsanitize=address -I "$root/Sources/CSocketShim/include" \
      "$root/Sources/CSocketShim/CSocketShim.c" -o "$shim_object"
  fi
}

healcore_object="$out/obj/HealCore.o"
build_healcore() {
  if stale "$healcore_object" "$root/Sources/HealCore"; then
    echo "fuzz: compiling HealCore"
    # shellcheck disable=SC2046
    "$swiftc" "${flags[@]}" -enable-testing -wmo -module-name HealCore \
      -emit-module -emit-module-path "$out/modules/HealCore.swiftmodule" \
      -c $(sources "$root/Sources/HealCore") -o "$healcore_object" 2>&1 | filter
    [ -s "$healcore_object" ]
  fi
}

for target in "${targets[@]}"; do
  binary="$out/$target"
  case "$target" in
    http-parser)
      build_shim
      if stale "$binary" "$root/Sources/RawHTTP" "$root/fuzz/targets/HTTPParserFuzz.swift"; then
        echo "fuzz: building $target"
        # shellcheck disable=SC2046
        "$swiftc" "${flags[@]}" -module-name RawHTTP -Xcc -fmodule-map-file="$shim_map" \
          $(sources "$root/Sources/RawHTTP") "$root/fuzz/targets/HTTPParserFuzz.swift" "$shim_object" \
          -o "$binary" 2>&1 | filter
      fi
      ;;
    config-loader)
      build_healcore
      if stale "$binary" "$healcore_object" "$root/fuzz/targets/ConfigLoaderFuzz.swift"; then
        echo "fuzz: building $target"
        "$swiftc" "${flags[@]}" -module-name ConfigLoaderFuzz -I "$out/modules" \
          "$root/fuzz/targets/ConfigLoaderFuzz.swift" "$healcore_object" -o "$binary" 2>&1 | filter
      fi
      ;;
    log-line)
      build_shim
      build_healcore
      if stale "$binary" "$healcore_object" "$root/Sources/OpenClawKit" "$root/fuzz/targets/LogLineFuzz.swift"; then
        echo "fuzz: building $target"
        # shellcheck disable=SC2046
        "$swiftc" "${flags[@]}" -module-name OpenClawKit -I "$out/modules" -Xcc -fmodule-map-file="$shim_map" \
          $(sources "$root/Sources/OpenClawKit") "$root/fuzz/targets/LogLineFuzz.swift" \
          "$healcore_object" "$shim_object" -o "$binary" 2>&1 | filter
      fi
      ;;
    *)
      echo "fuzz: unknown target $target (http-parser, config-loader, log-line)" >&2
      exit 2
      ;;
  esac
  [ -x "$binary" ] || { echo "fuzz: $target did not build" >&2; exit 1; }
done
