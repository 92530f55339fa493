#!/bin/sh
# The benchmark, in instructions: boot the base kernel twice (the A/A
# control: the same Image, two boots), the patched kernel, and the
# record-free alternative (the stack without the record posting: the
# fixes and their selftests), each under QEMU's
# -icount shift=0,sleep=off on one vCPU, where guest time counts
# instructions; run guest/bench.c once a boot, with kunit.enable=0 so that
# its first phase runs with the record's static key off (the record's KUnit
# suite turns it on).  Writes build/bench/:
# raw.txt, table.md (instructions per call and ratios to base, with the
# A/A ratio beside them, and how far each figure is from the previous
# run's) and ratios.png.  With BENCH_TESTS=1 the
# record-free kernel also runs the main job's tests (build/run/recordfree).
set -eu
# shellcheck source=scripts/lib/common.sh
. "$(dirname -- "$0")/lib/common.sh"
lab_lock

out=$BUILD/bench
"$LAB/scripts/lib/kernels.sh"
command -v gnuplot >/dev/null || die "bench: gnuplot is missing (scripts/deps.sh installs it)"
# The record-free kernel: the fixes-only build.
"$LAB/scripts/lib/build-fixes-only.sh"
# The previous run's figures, to say how far this run is from them.
prev=$BUILD/bench.prev.raw.txt
rm -f "$prev"
[ ! -f "$out/raw.txt" ] || cp "$out/raw.txt" "$prev"
rm -rf "$out"
mkdir -p "$out"
image() {
	case $1 in
	recordfree) echo "$BUILD/out-fixes/arch/arm64/boot/Image" ;;
	*) echo "$BUILD/out-${1%2}/arch/arm64/boot/Image" ;;
	esac
}
for k in base base2 patched recordfree; do
	LAB_ICOUNT=1 BOOT_ARGS=kunit.enable=0 "$LAB/scripts/lib/boot.sh" "bench-$k" "$(image "$k")" bench 900
	n=$(grep -c '^bench: [a-z_0-9.]* [0-9.]* ' "$BUILD/run/bench-$k/out.txt") || true
	[ "$n" -gt 0 ] || die "bench: no figures from the $k kernel (see $BUILD/run/bench-$k/out.txt)"
	sed -n "s/^bench: \([^ ]*\) \([^ ]*\).*$/$k \1 \2/p" "$BUILD/run/bench-$k/out.txt" >>"$out/raw.txt"
done
if [ -n "${BENCH_TESTS:-}" ]; then
	"$LAB/scripts/lib/boot.sh" recordfree "$(image recordfree)" \
		check_uaccess_fault,unpriv:check_futex_fault,check_futex_fault
	"$LAB/scripts/lib/table.sh" base recordfree patched >"$out/recordfree-tests.txt"
	PROG=check_futex_fault "$LAB/scripts/lib/table.sh" base recordfree patched >>"$out/recordfree-tests.txt"
fi
"$LAB/scripts/lib/bench-table.sh" "$out/raw.txt" "$out/ratios.dat" >"$out/table.md"
gnuplot -e "datafile='$out/ratios.dat'; outfile='$out/ratios.png'; title='Linux $KVER'" \
	"$LAB/scripts/lib/bench.gp" || die "bench: gnuplot failed"
if [ -f "$prev" ]; then
	# Every figure against the same kernel's in the previous run.
	awk 'NR == FNR { p[$1, $2] = $3; next }
	     ($1, $2) in p && $3 ~ /^[0-9]+$/ && p[$1, $2] ~ /^[0-9]+$/ {
		d = ($3 - p[$1, $2]) / p[$1, $2]; if (d < 0) d = -d
		n++; if (d > max) { max = d; at = $1 " " $2 " " p[$1, $2] " -> " $3 } }
	     END { if (n) printf "\nAgainst the previous run: %d figures, the largest difference %.2f%%%s.\n",
			n, 100 * max, (max > 0 ? " (" at ")" : "") }' "$prev" "$out/raw.txt" >>"$out/table.md"
fi
cat "$out/table.md"
note "bench: $out/table.md, $out/ratios.png"
