#!/bin/sh
# Build an arm64 lab kernel out of tree:  build-kernel.sh SRC OUT [CONFIG...]
# SRC is a kernel tree, OUT the object directory; extra CONFIG_X=y lines
# (e.g. for debug kernels) are appended to scripts/kernel.config.
set -eu
# shellcheck source=scripts/common.sh
. "$(dirname -- "$0")/common.sh"

[ $# -ge 2 ] || die "usage: build-kernel.sh SRC OUT [CONFIG_X=y ...]"
src=$1 out=$2
shift 2
[ -f "$src/Makefile" ] || die "build: no kernel tree at $src"
mkdir -p "$out" "$CCACHE_DIR"
src=$(cd "$src" && pwd) out=$(cd "$out" && pwd)
{
	cat "$LAB/scripts/kernel.config"
	for c; do echo "$c"; done
} >"$out/lab.config"

export CCACHE_BASEDIR="$BUILD" CCACHE_NOHASHDIR=1 CCACHE_SLOPPINESS=time_macros
kmake() {
	make -s -C "$src" O="$out" ARCH=arm64 CROSS_COMPILE="$CROSS" \
		CC="ccache ${CROSS}gcc" -j"$JOBS" "$@"
}
kmake KCONFIG_ALLCONFIG="$out/lab.config" allnoconfig >"$out/config.log" 2>&1 ||
	die "build: configuring $src failed (see $out/config.log)"
# Every line of the fragment must have survived Kconfig.
while IFS= read -r line; do
	case $line in CONFIG_*) grep -qx "$line" "$out/.config" ||
		die "build: $line did not take in $out/.config" ;; esac
done <"$out/lab.config"
kmake Image >"$out/build.log" 2>&1 || die "build: kernel build of $src failed (see $out/build.log)"
note "built $out/arch/arm64/boot/Image"
