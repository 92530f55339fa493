#!/bin/sh
# The slow second command: the checks that need more kernel builds than
# the test command can afford on a fresh machine.  Ends with "N passed,
# N failed"; exits non-zero on any failure.
#  - every patch builds on its own for arm64; the series builds for x86_64
#    and for arm64 without MTE (scripts/bisect-build.sh);
#  - the KUnit suite fails on a kernel whose uaccess_fault_restore() does
#    not restore the record (scripts/mutant.sh);
#  - the mutant table: each kernel patch reverted in turn (a fix from the
#    fixes-only stack, an RFC patch from the whole stack), booted in every
#    lane, and the cases that catch it; every fix must be caught
#    (scripts/mutants.sh, after the main job: docs/mutants-$KVER.md);
#  - the patched kernel with lockdep, atomic-sleep checks and KASAN_HW_TAGS,
#    and a real WARN_ON that the console check must report (scripts/debug.sh);
#  - the patched kernel without FEAT_MOPS copies: no live-lock in the
#    matrix, the same returns as with it (scripts/nomops.sh);
#  - on 7.3, the first GCS patch alone ends the reads that spun in the
#    fault handler but not the fault-in loops (scripts/gcs-alone.sh);
#  - /proc/kcore, which the main job's kernels leave out: a read into a
#    buffer with a bad MTE granule spins before the kcore fix and fails
#    with -EFAULT with it (scripts/kcore.sh).
set -eu
# shellcheck source=scripts/lib/common.sh
. "$(dirname -- "$0")/lib/common.sh"

mkdir -p "$BUILD"
check "main job's kernels" "$LAB/scripts/lib/kernels.sh"
check "every patch builds alone for arm64; the series builds for x86_64 and without MTE" \
	"$LAB/scripts/bisect-build.sh"
if has_record; then
	check "KUnit fails on a mutant whose uaccess_fault_restore() does not restore" "$LAB/scripts/mutant.sh"
else
	skip "mutant: Linux $KVER's stack has no record"
fi
check "main job, for the mutants' comparison" "$LAB/scripts/lab.sh"
check "mutants: every fix is caught by a runtime case" "$LAB/scripts/mutants.sh"
check "debug kernel: lockdep, DEBUG_ATOMIC_SLEEP, KASAN_HW_TAGS; the injected WARN_ON seen" "$LAB/scripts/debug.sh"
check "the patched kernel without FEAT_MOPS (arm64.nomops): no live-lock, the same returns" "$LAB/scripts/nomops.sh"
[ -z "$GCS_SUBTARGET" ] ||
	check "GCS: the fault handler fix alone leaves the fault-in loops spinning" "$LAB/scripts/gcs-alone.sh"
check "/proc/kcore: spins before the kcore fix, -EFAULT with it" "$LAB/scripts/kcore.sh"
summary
