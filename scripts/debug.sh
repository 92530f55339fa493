#!/bin/sh
# The slow second command: the patched kernel with lockdep, atomic-sleep
# checking and KASAN_HW_TAGS (kernel MTE), booted under QEMU to run the
# KUnit suite, the check_uaccess_fault matrix and the futex test.  Fails on
# a live-lock, a wrong result, a failed KUnit case, or a lockdep, KASAN,
# BUG or WARNING report on the console that the base kernel, built with
# the same options and running the same matrix, does not show.  A second
# boot runs the KUnit case that makes a tag check fault on kernel memory
# under pagefault_disable(): KASAN must report it, once, and the record
# must stay clear.  Results: build/run/debug/, build/run/debug-kasan/ and
# build/run/debug-base/.
set -eu
# shellcheck source=scripts/common.sh
. "$(dirname -- "$0")/common.sh"

DEBUG_CONFIG="CONFIG_PROVE_LOCKING=y CONFIG_DEBUG_ATOMIC_SLEEP=y CONFIG_KASAN=y CONFIG_KASAN_HW_TAGS=y"
# With btrfs' default 16 KiB nodes, both kernels' KASAN reports a tag check
# fault in csum_tree_block() at mount: it reads an extent buffer's pages
# as one.  A report turns kernel tag checking off on the CPU that takes it,
# so these boots use 4 KiB nodes, and print every report (kasan_multi_shot).
export BTRFS_MKFS_ARGS="-n 4096"

"$LAB/scripts/deps.sh"
"$LAB/scripts/tree.sh"
# shellcheck disable=SC2086
"$LAB/scripts/build-kernel.sh" "$BUILD/linux-lab" "$BUILD/out-debug" $DEBUG_CONFIG
# shellcheck disable=SC2086
"$LAB/scripts/build-kernel.sh" "$KBASE" "$BUILD/out-debug-base" $DEBUG_CONFIG
"$LAB/scripts/rootfs.sh"
BOOT_ARGS=kasan_multi_shot "$LAB/scripts/boot.sh" debug-base \
	"$BUILD/out-debug-base/arch/arm64/boot/Image" check_uaccess_fault 2400
BOOT_ARGS="kunit.filter_glob=uaccess_fault kasan_multi_shot" "$LAB/scripts/boot.sh" debug \
	"$BUILD/out-debug/arch/arm64/boot/Image" kunit,check_uaccess_fault,unpriv:check_futex_fault 2400
# The KASAN case alone: its report turns kernel tag checks off on one CPU.
BOOT_ARGS=kunit.filter_glob=uaccess_fault_kasan "$LAB/scripts/boot.sh" debug-kasan \
	"$BUILD/out-debug/arch/arm64/boot/Image" kunit 600
dir=$BUILD/run/debug
kdir=$BUILD/run/debug-kasan
"$LAB/scripts/table.sh" debug | tee "$dir/table.txt"
PROG=unpriv:check_futex_fault "$LAB/scripts/table.sh" debug | tee -a "$dir/table.txt"
sed -n '/^lab: begin kunit$/,/^lab: end kunit /p' "$dir/out.txt" >"$dir/kunit.txt"
ok=$(grep -cE '^ +ok [0-9]' "$dir/kunit.txt") || true
bad=$(grep -cE '^ +not ok [0-9]' "$dir/kunit.txt") || true
echo "KUnit uaccess_fault cases: $ok ok, $bad not ok" | tee -a "$dir/table.txt"

fail=0
awk '/^total/ { split($0, f, "|"); split(f[2], v, " "); if (v[1] + v[2]) bad = 1 }
     END { exit bad }' "$dir/table.txt" || { echo "debug: live-locks or wrong results" >&2; fail=1; }
if [ "$bad" != 0 ] || [ "$ok" = 0 ]; then
	echo "debug: KUnit cases failed" >&2
	fail=1
fi
# The title lines of the console's reports, without offsets and times.
reports() {
	grep -E 'BUG:|WARNING:|Oops|possible (recursive|circular)|inconsistent lock|sleeping function called|soft lockup|blocked for more than' \
		"$1" | sed -E 's/^\[[ 0-9.]*\] //; s/\+0x[0-9a-f]+\/0x[0-9a-f]+//g' | sort -u || true
}
reports "$BUILD/run/debug-base/console.log" >"$dir/reports-base.txt"
reports "$dir/console.log" >"$dir/reports.txt"
if [ -s "$dir/reports-base.txt" ]; then
	echo "reports on the base kernel too (not the series'):" | tee -a "$dir/table.txt"
	sed 's/^/    /' "$dir/reports-base.txt" | tee -a "$dir/table.txt"
fi
new=$(comm -23 "$dir/reports.txt" "$dir/reports-base.txt")
if [ -n "$new" ]; then
	echo "$new" >&2
	echo "debug: reports on the console that base does not show (see $dir/console.log)" >&2
	fail=1
fi
# A tag check fault on kernel memory: KASAN reports it, the record stays
# clear (the KUnit case), and nothing else is reported.
if ! grep -qE '^ +ok [0-9]+ kasan_tag_fault_not_recorded$' "$kdir/out.txt"; then
	echo "debug: KUnit kasan_tag_fault_not_recorded did not pass (see $kdir/out.txt)" >&2
	fail=1
fi
n=$(grep -cE 'BUG: KASAN: [a-z-]+ in uaccess_fault_kasan_access' "$kdir/console.log") || true
all=$(grep -cE 'BUG:|WARNING:|Oops' "$kdir/console.log") || true
echo "KASAN report of the KUnit case's access: $n, other reports: $((all - n))" | tee -a "$dir/table.txt"
if [ "$n" != 1 ] || [ "$all" != 1 ]; then
	echo "debug: expected exactly one KASAN report, of the KUnit case (see $kdir/console.log)" >&2
	fail=1
fi
[ "$fail" = 0 ] || die "debug: the debug kernel run failed"
note "debug kernel ($DEBUG_CONFIG): no live-lock, no wrong result, no report"
