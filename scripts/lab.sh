#!/bin/sh
# The main job: install what is missing, apply patches/ to Linux 7.3-rc7
# (with KVER=6.12: patches-6.12/ to Linux 6.12), build the base and patched
# arm64 kernels, boot each under QEMU with MTE, run the tests and print the
# result table (build/run/table.txt).
set -eu
# shellcheck source=scripts/lib/common.sh
. "$(dirname -- "$0")/lib/common.sh"
lab_lock

# Guest programs run on both kernels: the KUnit results (where the stack
# has the record), the series' tests (the matrix as root and as nobody,
# the stress test, the direct I/O test as nobody and as root, the futex
# test as nobody and as root, whose traced cases need root) and the
# upstream arm64 MTE selftests.  On the base kernel the futex test leaves a CPU
# spinning where SIGKILL cannot stop it, and so, on 7.3, does the matrix's
# btrfs O_DIRECT write; the guest has a third CPU to finish on.  On 7.3
# the futex test goes first.  On 6.12 it goes last: there, a task spinning
# in the kernel holds up RCU Tasks, and with it the kprobe events of the
# traced cases.
DIO=${DIO_TEST#tools/testing/selftests/}/dio_unpinnable
PROGS=check_uaccess_fault,unpriv:check_uaccess_fault,check_uaccess_stress,unpriv:$DIO,$DIO
for t in $UPSTREAM_MTE_TESTS; do PROGS=$PROGS,$t; done
FUTEX=unpriv:check_futex_fault,check_futex_fault
case $KVER in
6.12) PROGS=$PROGS,$FUTEX ;;
*) PROGS=$FUTEX,$PROGS ;;
esac

# The GCS lane (kernels with GCS): the same two kernels under unstable's
# QEMU 11, which emulates GCS, running the GCS uaccess test as nobody and
# as root.  On the base kernel its calls spin in the kernel, most where
# SIGKILL cannot stop them; the test leaves those at SCHED_IDLE.
# On base, sysrq-l then shows where they spin.
GCS_PROGS=unpriv:gcs-uaccess,gcs-uaccess

# The store-only lane (kernels with MTE's store-only tag checking): QEMU
# 11 again, which accepts PR_MTE_STORE_ONLY, booting the base kernel, the
# fixes-only kernel (the stack without the record posting) and the
# patched kernel, running the store-only test as root (its traced cases
# set kprobe events).  Only the record ends these loops: the fixes' load
# probes do not see a store-only tag check fault.  The patched kernel also
# runs the KUnit suite, whose store-only case needs the emulator.
SO_PROG=check_uaccess_store_only
# Never worse with the record than without it: guest/stale.c, on the
# three kernels of that lane, in synchronous mode (where the fixes alone
# end every loop): calls after a fault that faulting in cannot fix give
# what they give alone, byte for byte.  On the base kernel the gfs2 reads
# that make the fault spin; the test command requires the fixes-only and
# the patched kernel to print the same.
STALE_PROG=stale

"$LAB/scripts/lib/kernels.sh"
! has_record || PROGS=kunit,$PROGS
rm -rf "$BUILD/run"
for k in base patched; do
	"$LAB/scripts/lib/boot.sh" "$k" "$BUILD/out-$k/arch/arm64/boot/Image" "$PROGS"
done
if [ -n "$GCS_SUBTARGET" ]; then
	LAB_QEMU_ROOT=$GCS_QEMU_ROOT "$LAB/scripts/lib/boot.sh" gcs-base \
		"$BUILD/out-base/arch/arm64/boot/Image" "$GCS_PROGS,sysrq-l"
	LAB_QEMU_ROOT=$GCS_QEMU_ROOT "$LAB/scripts/lib/boot.sh" gcs-patched \
		"$BUILD/out-patched/arch/arm64/boot/Image" "$GCS_PROGS"
fi
if [ -n "$STORE_ONLY" ]; then
	"$LAB/scripts/lib/build-fixes-only.sh"
	for k in base fixes patched; do
		p=$SO_PROG,$STALE_PROG
		[ "$k" != patched ] || ! has_record || p=kunit,$p
		LAB_QEMU_ROOT=$GCS_QEMU_ROOT "$LAB/scripts/lib/boot.sh" "so-$k" \
			"$BUILD/out-$k/arch/arm64/boot/Image" "$p"
	done
fi
{
	for p in check_uaccess_fault unpriv:check_uaccess_fault \
		unpriv:check_futex_fault check_futex_fault check_uaccess_stress \
		"unpriv:$DIO" "$DIO"; do
		case $p in unpriv:*) who=nobody ;; *) who=root ;; esac
		echo "${p#unpriv:} (QEMU 10), as $who:"
		PROG=$p "$LAB/scripts/lib/table.sh" base patched
		echo
	done
	if [ -n "$GCS_SUBTARGET" ]; then
		for p in unpriv:gcs-uaccess gcs-uaccess; do
			case $p in unpriv:*) who=nobody ;; *) who=root ;; esac
			echo "GCS lane (QEMU 11), as $who:"
			PROG=$p "$LAB/scripts/lib/table.sh" gcs-base gcs-patched
			echo
		done
	fi
	if [ -n "$STORE_ONLY" ]; then
		echo "store-only lane (QEMU 11, PR_MTE_STORE_ONLY, as root):"
		PROG=$SO_PROG "$LAB/scripts/lib/table.sh" so-base so-fixes so-patched
		echo
		echo "never worse (QEMU 11, synchronous MTE, as root):"
		PROG=$STALE_PROG "$LAB/scripts/lib/table.sh" so-base so-fixes so-patched
		echo
	fi
	! has_record || for k in $KUNIT_RUNS; do
		"$LAB/scripts/lib/kunit.sh" "$k" | awk -F '\t' -v k="$k" '{ n[$2]++ } END {
			printf "KUnit cases on %s:", k; for (s in n) printf " %d %s", n[s], s; printf "\n" }'
	done
} | tee "$BUILD/run/table.txt"
