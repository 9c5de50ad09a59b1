#!/usr/bin/env bash
# Builds the libFuzzer targets into .build/fuzz/ (or $FUZZ_OUT):
#   http-parser          the RawHTTP request parser                 fuzz/targets/HTTPParserFuzz.swift
#   chunked-decoder      its chunked decoder, against a reference   fuzz/targets/ChunkedDecoderFuzz.swift
#   config-loader        the JSON5 config loader (HealCore)         fuzz/targets/ConfigLoaderFuzz.swift
#   log-line             the gateway log-line parser                fuzz/targets/LogLineFuzz.swift
#   redactor             the redactor, with a planted-secret oracle fuzz/targets/RedactorFuzz.swift
#   cli-<reader>         each reader of the openclaw CLI's output   fuzz/targets/CLIOutputFuzz.swift
#                        (channels, cron, gateway-status, models-probe, plugins, sessions,
#                        sessions-store, config-validate, infer-run): one binary, cli-output
#
# The package exports only an executable, so the module sources are compiled here directly with
# `swiftc -sanitize=fuzzer,address`: NetAddress, TextFormatting, RawHTTP, HealCore and OpenClawKit once each as modules with
# testing enabled (the targets reach internal types through `@testable import`), then each target
# alone against them. A module or target is rebuilt only when a source it depends on is newer.
#
# Usage: fuzz/build.sh [target ...]      (all of them when none is named)
# Exit status 3 means this toolchain cannot build libFuzzer targets (the caller may skip).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
out="${FUZZ_OUT:-$root/.build/fuzz}"
swiftc="${SWIFTC:-swiftc}"
clang="${CLANG:-$(dirname "$(command -v "$swiftc")")/clang}"
opt="${FUZZ_OPT:--O}"
# FUZZ_SANITIZE=fuzzer builds the depth build (no AddressSanitizer; Swift's own bounds and overflow
# checks still trap) into its own FUZZ_OUT; the default is the ASan build.
sanitize="${FUZZ_SANITIZE:-fuzzer,address}"
case "$sanitize" in fuzzer|fuzzer,address) ;; *) echo "fuzz: FUZZ_SANITIZE must be fuzzer or fuzzer,address" >&2; exit 2 ;; esac
flags=(-sanitize="$sanitize" -parse-as-library "$opt" -g -swift-version 6)
shim_sanitize=()
[ "$sanitize" = fuzzer,address ] && shim_sanitize=(-fsanitize=address)
cli_readers=(channels cron gateway-status models-probe plugins sessions sessions-store config-validate infer-run)
all_targets=(http-parser chunked-decoder config-loader log-line redactor)
for reader in "${cli_readers[@]}"; do all_targets+=("cli-$reader"); done
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${all_targets[@]}")

mkdir -p "$out/obj" "$out/modules" "$out/CSocketShim"

# Can this toolchain link a libFuzzer binary at all?
probe="$out/obj/probe"
if [ ! -x "$probe" ]; then
  printf '@_cdecl("LLVMFuzzerTestOneInput") public func f(_ d: UnsafePointer<UInt8>, _ n: Int) -> Int32 { 0 }\n' > "$out/obj/probe.swift"
  if ! "$swiftc" -sanitize="$sanitize" -parse-as-library "$out/obj/probe.swift" -o "$probe" >"$out/obj/probe.log" 2>&1; then
    echo "fuzz: $swiftc cannot build with -sanitize=$sanitize:" >&2
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
    "$clang" -c -O1 -g "${shim_sanitize[@]}" -I "$root/Sources/CSocketShim/include" \
      "$root/Sources/CSocketShim/CSocketShim.c" -o "$shim_object"
  fi
}

# build_leaf NAME: a module without Swift dependencies (NetAddress, TextFormatting), from Sources/NAME.
build_leaf() {
  local name="$1" object="$out/obj/$1.o"
  if stale "$object" "$root/Sources/$name"; then
    echo "fuzz: compiling $name"
    # shellcheck disable=SC2046
    "$swiftc" "${flags[@]}" -enable-testing -wmo -module-name "$name" \
      -emit-module -emit-module-path "$out/modules/$name.swiftmodule" \
      -c $(sources "$root/Sources/$name") -o "$object" 2>&1 | filter
    [ -s "$object" ] && touch "$object"
  fi
}

netaddress_object="$out/obj/NetAddress.o"
build_netaddress() { build_leaf NetAddress; }

textformatting_object="$out/obj/TextFormatting.o"
build_textformatting() { build_leaf TextFormatting; }

healcore_object="$out/obj/HealCore.o"
build_healcore() {
  build_netaddress
  build_textformatting
  if stale "$healcore_object" "$root/Sources/HealCore" "$netaddress_object" "$textformatting_object"; then
    echo "fuzz: compiling HealCore"
    # shellcheck disable=SC2046
    "$swiftc" "${flags[@]}" -enable-testing -wmo -module-name HealCore -I "$out/modules" \
      -emit-module -emit-module-path "$out/modules/HealCore.swiftmodule" \
      -c $(sources "$root/Sources/HealCore") -o "$healcore_object" 2>&1 | filter
    [ -s "$healcore_object" ] && touch "$healcore_object"  # swiftc leaves an unchanged object as it was
  fi
}

rawhttp_object="$out/obj/RawHTTP.o"
build_rawhttp() {
  build_shim
  build_netaddress
  build_textformatting
  if stale "$rawhttp_object" "$root/Sources/RawHTTP" "$netaddress_object" "$textformatting_object"; then
    echo "fuzz: compiling RawHTTP"
    # shellcheck disable=SC2046
    "$swiftc" "${flags[@]}" -enable-testing -wmo -module-name RawHTTP -I "$out/modules" -Xcc -fmodule-map-file="$shim_map" \
      -emit-module -emit-module-path "$out/modules/RawHTTP.swiftmodule" \
      -c $(sources "$root/Sources/RawHTTP") -o "$rawhttp_object" 2>&1 | filter
    [ -s "$rawhttp_object" ] && touch "$rawhttp_object"
  fi
}

openclawkit_object="$out/obj/OpenClawKit.o"
build_openclawkit() {
  build_shim
  build_healcore
  build_rawhttp
  if stale "$openclawkit_object" "$root/Sources/OpenClawKit" "$healcore_object" "$rawhttp_object"; then
    echo "fuzz: compiling OpenClawKit"
    # shellcheck disable=SC2046
    "$swiftc" "${flags[@]}" -enable-testing -wmo -module-name OpenClawKit -I "$out/modules" -Xcc -fmodule-map-file="$shim_map" \
      -emit-module -emit-module-path "$out/modules/OpenClawKit.swiftmodule" \
      -c $(sources "$root/Sources/OpenClawKit") -o "$openclawkit_object" 2>&1 | filter
    [ -s "$openclawkit_object" ] && touch "$openclawkit_object"
  fi
}

# link TARGET SOURCE OBJECTS... [-- EXTRA FLAGS...]: one target file against prebuilt modules.
link() {
  local binary="$out/$1" source="$2"; shift 2
  local objects=() extra=()
  while [ $# -gt 0 ] && [ "$1" != -- ]; do objects+=("$1"); shift; done
  [ $# -gt 0 ] && shift && extra=("$@")
  if stale "$binary" "$source" "${objects[@]}"; then
    echo "fuzz: building $(basename "$binary")"
    "$swiftc" "${flags[@]}" "${extra[@]}" -module-name "$(basename "$source" .swift)" -I "$out/modules" \
      -Xcc -fmodule-map-file="$shim_map" "$source" "${objects[@]}" -o "$binary" 2>&1 | filter
  fi
}

for target in "${targets[@]}"; do
  binary="$out/$target"
  case "$target" in
    http-parser)
      build_rawhttp
      link "$target" "$root/fuzz/targets/HTTPParserFuzz.swift" "$rawhttp_object" "$netaddress_object" "$textformatting_object" "$shim_object"
      ;;
    chunked-decoder)
      build_rawhttp
      link "$target" "$root/fuzz/targets/ChunkedDecoderFuzz.swift" "$rawhttp_object" "$netaddress_object" "$textformatting_object" "$shim_object"
      ;;
    config-loader)
      build_shim
      build_healcore
      link "$target" "$root/fuzz/targets/ConfigLoaderFuzz.swift" "$healcore_object" "$netaddress_object" "$textformatting_object"
      ;;
    redactor)
      build_shim
      build_healcore
      link "$target" "$root/fuzz/targets/RedactorFuzz.swift" "$healcore_object" "$netaddress_object" "$textformatting_object"
      ;;
    log-line)
      build_openclawkit
      link "$target" "$root/fuzz/targets/LogLineFuzz.swift" "$openclawkit_object" "$healcore_object" "$rawhttp_object" "$netaddress_object" "$textformatting_object" "$shim_object"
      ;;
    cli-*)
      # One binary for every reader; fuzz/run.sh picks the reader (FUZZ_CLI_READER).
      reader="${target#cli-}"
      case " ${cli_readers[*]} " in *" $reader "*) ;; *) echo "fuzz: unknown CLI reader $reader (${cli_readers[*]})" >&2; exit 2 ;; esac
      build_openclawkit
      link cli-output "$root/fuzz/targets/CLIOutputFuzz.swift" "$openclawkit_object" "$healcore_object" "$rawhttp_object" "$netaddress_object" "$textformatting_object" "$shim_object"
      binary="$out/cli-output"
      ;;
    *)
      echo "fuzz: unknown target $target (${all_targets[*]})" >&2
      exit 2
      ;;
  esac
  [ -x "$binary" ] || { echo "fuzz: $target did not build" >&2; exit 1; }
done
