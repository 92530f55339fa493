#!/bin/sh
# The benchmark: boot the base and the patched kernel in turn, BENCH_ROUNDS
# times each (default 7), on the same QEMU settings, run guest/bench.c once
# a boot, and write the ratios patched/base to build/bench/: table.txt and
# ratios.png.  Rounds alternate which kernel boots first.
set -eu
# shellcheck source=scripts/common.sh
. "$(dirname -- "$0")/common.sh"

rounds=${BENCH_ROUNDS:-7}
out=$BUILD/bench
"$LAB/scripts/kernels.sh"
command -v gnuplot >/dev/null || die "bench: gnuplot is missing (scripts/deps.sh installs it)"
rm -rf "$out"
mkdir -p "$out"
r=1
while [ "$r" -le "$rounds" ]; do
	order="base patched"
	[ $((r % 2)) = 1 ] || order="patched base"
	for k in $order; do
		"$LAB/scripts/boot.sh" "bench-$k" "$BUILD/out-$k/arch/arm64/boot/Image" bench 600
		n=$(grep -c '^bench: [a-z_0-9.]* [0-9.]* ' "$BUILD/run/bench-$k/out.txt") || true
		[ "$n" -gt 0 ] || die "bench: no figures from the $k kernel (see $BUILD/run/bench-$k/out.txt)"
		sed -n "s/^bench: \([^ ]*\) \([^ ]*\)\(.*\)$/$r $k \1 \2\3/p" \
			"$BUILD/run/bench-$k/out.txt" >>"$out/raw.txt"
	done
	note "bench: round $r of $rounds done"
	r=$((r + 1))
done
"$LAB/scripts/bench-table.sh" "$out/raw.txt" "$out/ratios.dat" >"$out/table.txt"
gnuplot -e "datafile='$out/ratios.dat'; outfile='$out/ratios.png'" "$LAB/scripts/bench.gp" ||
	die "bench: gnuplot failed"
cat "$out/table.txt"
note "bench: $out/table.txt, $out/ratios.png"
