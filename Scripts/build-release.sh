#!/usr/bin/env bash
# Builds the kenshu binary to hand out: release mode, with Swift's own libraries (the standard library,
# Foundation, Dispatch) linked in, so the PC that runs it needs no Swift, only Debian's usual libraries
# (libcmark, libcurl, libxml2, zlib). Needs libcmark-dev, libcurl4-openssl-dev and libxml2-dev to build.
#   Scripts/build-release.sh [SCRATCH]     → SCRATCH/release/kenshu (default .build-static)
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=${1:-.build-static}
# Foundation's networking part calls libcurl and its XML part libxml2; linked statically, it names them here.
swift build -c release --product kenshu --static-swift-stdlib --scratch-path "$scratch" \
  -Xlinker -lcurl -Xlinker -lxml2 2>&1 | grep -vE "use of .mktemp. is dangerous|unhandled; explicitly declare" | tail -3
echo "$scratch/release/kenshu"
