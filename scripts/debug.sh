#!/bin/sh
# The slow second command: the patched kernel with lockdep, atomic-sleep
# checking and KASAN_HW_TAGS (kernel MTE), booted under QEMU to run the
# KUnit suite, the check_uaccess_fault matrix and the futex test.  Fails on
# a live-lock, a wrong result, a failed KUnit case, or any lockdep, KASAN,
# BUG or WARNING report on the console.  Results: build/run/debug/.
set -eu
# shellcheck source=scripts/common.sh
. "$(dirname -- "$0")/common.sh"

DEBUG_CONFIG="CONFIG_PROVE_LOCKING=y CONFIG_DEBUG_ATOMIC_SLEEP=y CONFIG_KASAN=y CONFIG_KASAN_HW_TAGS=y"

"$LAB/scripts/deps.sh"
"$LAB/scripts/tree.sh"
# shellcheck disable=SC2086
"$LAB/scripts/build-kernel.sh" "$BUILD/linux-lab" "$BUILD/out-debug" $DEBUG_CONFIG
"$LAB/scripts/rootfs.sh"
"$LAB/scripts/boot.sh" debug "$BUILD/out-debug/arch/arm64/boot/Image" \
	kunit,check_uaccess_fault,unpriv:check_futex_fault 2400
dir=$BUILD/run/debug
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
if grep -nE 'BUG:|WARNING:|Oops|possible (recursive|circular)|inconsistent lock|sleeping function called|soft lockup|blocked for more than' \
	"$dir/console.log"; then
	echo "debug: reports on the console (see $dir/console.log)" >&2
	fail=1
fi
[ "$fail" = 0 ] || die "debug: the debug kernel run failed"
note "debug kernel ($DEBUG_CONFIG): no live-lock, no wrong result, no report"
