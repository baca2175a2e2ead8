#!/bin/bash
# Builds the libFuzzer targets fuzz/*_fuzz.cc into fuzz/out/ with clang,
# ASan and UBSan, compiling the reader sources directly (no CMake).
# Usage: fuzz/build.sh            (from anywhere)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=fuzz/out
mkdir -p "$OUT/obj"
SAN="-fsanitize=address,undefined -fno-sanitize-recover=undefined"
CXXFLAGS="-std=c++20 -g -O1 -I. $(pkg-config --cflags absl_status absl_statusor absl_strings absl_str_format absl_time libzip pugixml)"
LIBS="$(pkg-config --libs absl_status absl_statusor absl_strings absl_str_format absl_time libzip pugixml)"
SRCS=(core/time/partial_time*.cc core/time/lenient_tokens.cc core/documents/media_type.cc migration/legacy_reader.cc
      migration/readers/*.cc migration/document_text.cc migration/document_paths.cc)
OBJS=()
for src in "${SRCS[@]}"; do
  obj="$OUT/obj/$(echo "$src" | tr / _).o"
  if [[ ! -f "$obj" || "$src" -nt "$obj" || -n "$(find core/time migration -name '*.h' -newer "$obj")" || -n "$(find core/documents -name '*.h' -newer "$obj")" ]]; then
    clang++ $CXXFLAGS $SAN -fsanitize=fuzzer-no-link -c "$src" -o "$obj"
  fi
  OBJS+=("$obj")
done
for target in fuzz/*_fuzz.cc; do
  name=$(basename "$target" .cc)
  clang++ $CXXFLAGS $SAN -fsanitize=fuzzer "$target" "${OBJS[@]}" $LIBS -o "$OUT/$name"
  echo "built $OUT/$name"
done
