#!/bin/sh
# Build a lab kernel out of tree:  build-kernel.sh SRC OUT [CONFIG...]
# SRC is a kernel tree, OUT the object directory; extra CONFIG_X=y|n lines
# (e.g. for debug kernels) replace or add to scripts/kernel.config, or, with
# ARCH=x86_64 in the environment, to scripts/kernel-x86_64.config (a build
# check only: the series must build where MTE does not exist).
set -eu
# shellcheck source=scripts/lib/common.sh
. "$(dirname -- "$0")/common.sh"

[ $# -ge 2 ] || die "usage: build-kernel.sh SRC OUT [CONFIG_X=y ...]"
src=$1 out=$2
shift 2
[ -f "$src/Makefile" ] || die "build: no kernel tree at $src"
mkdir -p "$out" "$CCACHE_DIR"
src=$(cd "$src" && pwd) out=$(cd "$out" && pwd)
arch=${ARCH:-arm64}
case $arch in
arm64) frag=$LAB/scripts/lib/kernel.config cross=$CROSS target=Image ;;
x86_64) frag=$LAB/scripts/lib/kernel-x86_64.config cross='' target=bzImage ;;
*) die "build: unknown ARCH $arch" ;;
esac
# An extra line replaces the fragment's line for the same symbol.
for c; do echo "$c"; done >"$out/extra.config"
sed 's/=.*/=/' "$out/extra.config" >"$out/extra.syms"
{
	grep -v -F -f "$out/extra.syms" "$frag" || true
	cat "$out/extra.config"
} >"$out/lab.config"

export CCACHE_BASEDIR="$BUILD" CCACHE_NOHASHDIR=1 CCACHE_SLOPPINESS=time_macros
kmake() {
	make -s -C "$src" O="$out" ARCH="$arch" CROSS_COMPILE="$cross" \
		CC="ccache ${cross}gcc" -j"$JOBS" "$@"
}
kmake KCONFIG_ALLCONFIG="$out/lab.config" allnoconfig >"$out/config.log" 2>&1 ||
	die "build: configuring $src failed (see $out/config.log)"
# Every line of the fragment must have survived Kconfig, except for symbols
# that this tree does not define (the series' own, on the base kernel).
while IFS= read -r line; do
	case $line in CONFIG_*)
		grep -qx "$line" "$out/.config" && continue
		sym=${line%%=*}
		[ "$line" = "$sym=n" ] && ! grep -q "^$sym=" "$out/.config" && continue
		grep -q "^# $sym is not set\$\|^$sym=" "$out/.config" ||
			grep -rqx "config ${sym#CONFIG_}" --include='Kconfig*' "$src" ||
			continue
		die "build: $line did not take in $out/.config" ;;
	esac
done <"$out/lab.config"
kmake "$target" >"$out/build.log" 2>&1 ||
	die "build: $arch kernel build of $(git -C "$src" log -1 --format=%s 2>/dev/null || echo "$src") failed (see $out/build.log)"
note "built $arch $target in $out"
