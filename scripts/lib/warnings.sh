#!/bin/sh
# W=1 and sparse (C=2) on the C files the series touches, in the base and
# the patched arm64 builds: the series may not add a warning.  Warnings
# are compared without line numbers; the ones only the patched tree has are
# printed.  Needs the kernels of scripts/lab.sh.
set -eu
# shellcheck source=scripts/lib/common.sh
. "$(dirname -- "$0")/common.sh"

files=$(git -C "$KLAB" diff --name-only base..lab -- '*.c' ':!tools' ':!scripts')
[ -n "$files" ] || die "warnings: the series touches no C file"
# Only the files the lab's configuration builds (the patched build made
# their objects): perf and BPF, say, are configured out.
built=
for f in $files; do
	[ ! -f "$BUILD/out-patched/${f%.c}.o" ] || built="$built $f"
done
[ -n "$built" ] || die "warnings: the lab's build compiles none of the C files the series touches"
export CCACHE_BASEDIR="$BUILD" CCACHE_NOHASHDIR=1
checker=sparse
[ -z "$NEW_SPARSE" ] || checker=$LAB/scripts/lib/sparse.sh
for k in base patched; do
	tree=$KLAB
	[ "$k" = base ] && tree=$KBASE
	[ -f "$BUILD/out-$k/.config" ] || die "warnings: no $k build (run scripts/lab.sh)"
	objs=
	for f in $built; do
		[ -f "$tree/$f" ] && objs="$objs ${f%.c}.o"
	done
	# Remove the objects, so that make compiles and checks each one again.
	for o in $objs; do rm -f "$BUILD/out-$k/$o"; done
	# shellcheck disable=SC2086
	make -s -C "$tree" O="$BUILD/out-$k" ARCH=arm64 CROSS_COMPILE="$CROSS" \
		CC="ccache ${CROSS}gcc" W=1 C=2 CHECK="$checker" -j"$JOBS" $objs >"$BUILD/warnings-$k.log" 2>&1 ||
		die "warnings: W=1 C=2 build of the $k tree failed (see $BUILD/warnings-$k.log)"
	# The kernel turns C=2 off, with a warning only, when it finds the
	# checker too old.
	! grep -q 'C=2 specified, but .* is not available or not up to date' "$BUILD/warnings-$k.log" ||
		die "warnings: the $k kernel refused $checker as too old: sparse did not run"
	grep -E ': (warning|error):' "$BUILD/warnings-$k.log" |
		sed -E "s#^($BUILD/)?(\.\./)?linux-(base|lab)/##; s/:[0-9]+(:[0-9]+)?: /: /" |
		sort -u >"$BUILD/warnings-$k.txt"
done
echo "touched files: $(echo "$files" | wc -l), built here: $(echo "$built" | wc -w); W=1/sparse warnings: base $(wc -l <"$BUILD/warnings-base.txt"), patched $(wc -l <"$BUILD/warnings-patched.txt")"
new=$(comm -13 "$BUILD/warnings-base.txt" "$BUILD/warnings-patched.txt")
[ -z "$new" ] || { echo "$new"; die "warnings: the series adds W=1 or sparse warnings"; }
