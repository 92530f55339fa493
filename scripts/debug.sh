#!/bin/sh
# The slow second command: the patched kernel with lockdep, atomic-sleep
# checking and KASAN_HW_TAGS (kernel MTE), booted under QEMU to run the
# KUnit suite, the check_uaccess_fault matrix and the futex test.  Fails on
# a live-lock, a wrong result, a failed KUnit case, or a lockdep, KASAN,
# BUG or WARNING report on the console that the base kernel, built with
# the same options and running the same matrix, does not show.  Last, the
# debug boot triggers a real WARN_ON (LKDTM's WARNING), which the console
# check must report: the check that fails the test command on a warning
# sees one.  Results: build/run/debug/ and build/run/debug-base/.
set -eu
# shellcheck source=scripts/lib/common.sh
. "$(dirname -- "$0")/lib/common.sh"

DEBUG_CONFIG="CONFIG_PROVE_LOCKING=y CONFIG_DEBUG_ATOMIC_SLEEP=y CONFIG_KASAN=y CONFIG_KASAN_HW_TAGS=y CONFIG_DEBUG_FS=y CONFIG_LKDTM=y"
# With btrfs' default 16 KiB nodes, both kernels' KASAN reports a tag check
# fault in csum_tree_block() at mount: it reads an extent buffer's pages
# as one.  A report turns kernel tag checking off on the CPU that takes it,
# so these boots use 4 KiB nodes, and print every report (kasan_multi_shot).
export BTRFS_MKFS_ARGS="-n 4096"

"$LAB/scripts/deps.sh"
"$LAB/scripts/tree.sh"
# shellcheck disable=SC2086
"$LAB/scripts/lib/build-kernel.sh" "$KLAB" "$BUILD/out-debug" $DEBUG_CONFIG
# shellcheck disable=SC2086
"$LAB/scripts/lib/build-kernel.sh" "$KBASE" "$BUILD/out-debug-base" $DEBUG_CONFIG
"$LAB/scripts/lib/rootfs.sh"
BOOT_ARGS=kasan_multi_shot "$LAB/scripts/lib/boot.sh" debug-base \
	"$BUILD/out-debug-base/arch/arm64/boot/Image" check_uaccess_fault 2400
progs=check_uaccess_fault,unpriv:check_futex_fault,warn
! has_record || progs=kunit,$progs
BOOT_ARGS="kunit.filter_glob=uaccess_fault kasan_multi_shot" "$LAB/scripts/lib/boot.sh" debug \
	"$BUILD/out-debug/arch/arm64/boot/Image" "$progs" 2400
dir=$BUILD/run/debug
"$LAB/scripts/lib/table.sh" debug | tee "$dir/table.txt"
PROG=unpriv:check_futex_fault "$LAB/scripts/lib/table.sh" debug | tee -a "$dir/table.txt"
# A skip is not a failure: the store-only case skips under QEMU 10, and
# runs in the main job's store-only lane.
ok=none bad=0
if has_record; then
	"$LAB/scripts/lib/kunit.sh" debug >"$dir/kunit.cases"
	ok=$(grep -c '	PASS$' "$dir/kunit.cases") || true
	skipped=$(grep -c '	SKIP$' "$dir/kunit.cases") || true
	bad=$(grep -vc -e '	PASS$' -e '	SKIP$' "$dir/kunit.cases") || true
	echo "KUnit uaccess_fault cases: $ok ok, $skipped skipped, $bad failed" | tee -a "$dir/table.txt"
fi

fail=0
awk '/^total/ { split($0, f, "|"); split(f[2], v, " "); if (v[1] + v[2]) bad = 1 }
     END { exit bad }' "$dir/table.txt" || { echo "debug: live-locks or wrong results" >&2; fail=1; }
if [ "$bad" != 0 ] || [ "$ok" = 0 ]; then
	echo "debug: KUnit cases failed" >&2
	fail=1
fi
"$LAB/scripts/lib/console.sh" debug-base | sort -u >"$dir/reports-base.txt"
"$LAB/scripts/lib/console.sh" debug | sort -u >"$dir/reports.txt"
if [ -s "$dir/reports-base.txt" ]; then
	echo "reports on the base kernel too (not the series'):" | tee -a "$dir/table.txt"
	sed 's/^/    /' "$dir/reports-base.txt" | tee -a "$dir/table.txt"
fi
# The injected WARN_ON, and only it, is left out of the comparison.
injected=$(grep -c '^WARNING: .*lkdtm_WARNING' "$dir/reports.txt") || true
if [ "$injected" != 1 ]; then
	echo "debug: the console check found $injected reports of the injected WARN_ON, not 1" >&2
	fail=1
fi
new=$(comm -23 "$dir/reports.txt" "$dir/reports-base.txt" | grep -v '^WARNING: .*lkdtm_WARNING') || true
if [ -n "$new" ]; then
	echo "$new" >&2
	echo "debug: reports on the console that base does not show (see $dir/console.log)" >&2
	fail=1
fi
[ "$fail" = 0 ] || die "debug: the debug kernel run failed"
note "debug kernel ($DEBUG_CONFIG): no live-lock, no wrong result, no report but the injected WARN_ON's"
