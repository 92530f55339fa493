# shellcheck shell=sh disable=SC2034
# The lab's lanes: what each boot of a kernel runs, for scripts/lab.sh and
# scripts/mutants.sh.  Sourced after common.sh, never run.
#
# The MTE lane (QEMU 10): the KUnit results (where the stack has the
# record), the series' tests (the matrix as root and as nobody, the
# stress test, the direct I/O test as nobody and as root, the futex test
# as nobody and as root, whose traced cases need root) and the upstream
# arm64 MTE selftests.  On the base kernel the futex test leaves tasks
# spinning where SIGKILL cannot stop them (8 on 7.3), and so, on 7.3, do
# the matrix's btrfs O_DIRECT writes (7).  Each case that spun is run
# once a boot, and the tests run them at SCHED_IDLE: the guest's three
# CPUs finish the rest.
# On 7.3 the futex test goes first.  On 6.12 it goes last: there, a task
# spinning in the kernel holds up RCU Tasks, and with it the kprobe
# events of the traced cases.
DIO=${DIO_TEST#tools/testing/selftests/}/dio_unpinnable
PROGS=check_uaccess_fault,unpriv:check_uaccess_fault,check_uaccess_stress,unpriv:$DIO,$DIO
for t in $UPSTREAM_MTE_TESTS; do PROGS=$PROGS,$t; done
FUTEX=unpriv:check_futex_fault,check_futex_fault
case $KVER in
6.12) PROGS=$PROGS,$FUTEX ;;
*) PROGS=$FUTEX,$PROGS ;;
esac
! has_record || PROGS=kunit,$PROGS

# The GCS lane (kernels with GCS): unstable's QEMU 11, which emulates
# GCS, running the GCS uaccess test as nobody and as root.  On the base
# kernel its calls spin in the kernel, most where SIGKILL cannot stop
# them; the test leaves those at SCHED_IDLE, and sysrq-l then shows where
# they spin.
GCS_PROGS=unpriv:gcs-uaccess,gcs-uaccess

# The store-only lane (kernels with MTE's store-only tag checking): QEMU
# 11 again, which accepts PR_MTE_STORE_ONLY, running the store-only test
# as root (its traced cases set kprobe events).  Only the record ends
# these loops: the fixes' load probes do not see a store-only tag check
# fault.  Kernels with the record also run the KUnit suite there, whose
# store-only case needs the emulator.
SO_PROG=check_uaccess_store_only
# Never worse with the record than without it: guest/stale.c, in the
# store-only lane's boots, in synchronous mode (where the fixes alone end
# every loop): calls after a fault that faulting in cannot fix give what
# they give alone, byte for byte.  On the base kernel the gfs2 reads
# that make the fault spin.
STALE_PROG=stale

# lane_run LANE KERNEL: the name of KERNEL's run in LANE, its folder under
# build/run/: KERNEL in the MTE lane, gcs-KERNEL and so-KERNEL in the others.
lane_run() {
	case $1 in mte) echo "$2" ;; *) echo "$1-$2" ;; esac
}
# boot_lane LANE KERNEL IMAGE: boot IMAGE in LANE (mte, gcs or so) as
# KERNEL's run in that lane (lane_run).
# KERNEL "base" is the unpatched kernel, "fixes" the fixes-only one, and
# names starting with "f" are kernels without the record (scripts/mutants.sh's);
# any other has the stack's record, if the stack has one.  The run's program
# list is left in $lane_progs.
boot_lane() {
	case $1 in
	mte) lane_progs=$PROGS ;;
	gcs)
		lane_progs=$GCS_PROGS
		[ "$2" != base ] || lane_progs=$lane_progs,sysrq-l ;;
	so)
		lane_progs=$SO_PROG,$STALE_PROG
		case $2 in base | f*) ;; *) ! has_record || lane_progs=kunit,$lane_progs ;; esac ;;
	*) die "boot_lane: no lane $1" ;;
	esac
	case $1 in
	mte) "$LAB/scripts/lib/boot.sh" "$(lane_run "$1" "$2")" "$3" "$lane_progs" ;;
	*) LAB_QEMU_ROOT=$GCS_QEMU_ROOT "$LAB/scripts/lib/boot.sh" "$(lane_run "$1" "$2")" "$3" "$lane_progs" ;;
	esac
}
# The lanes this version has, in the order lab.sh boots them.
LANES="mte${GCS_SUBTARGET:+ gcs}${STORE_ONLY:+ so}"
