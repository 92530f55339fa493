#!/bin/sh
# Why the GCS fix needs both of its patches: build base + the first GCS
# patch alone ("arm64/mm: refuse ordinary stores to a GCS page ..."), boot
# it in the GCS lane and require what the code says: the reads from tmpfs
# and btrfs return, while the gfs2 reads and the private futex operations,
# whose fault-in goes through fixup_user_fault(), still spin.
# Results: build/run/gcs-alone/.  Needs scripts/tree.sh to have run.
set -eu
# shellcheck source=scripts/lib/common.sh
. "$(dirname -- "$0")/lib/common.sh"

[ -n "$GCS_SUBTARGET" ] || die "gcs-alone: Linux $KVER has no GCS"
first=$(git -C "$KLAB" log --format=%H --grep='^arm64/mm: refuse ordinary stores to a GCS page' base..lab)
[ -n "$first" ] || die "gcs-alone: no patch 'arm64/mm: refuse ordinary stores to a GCS page' in $KLAB"
tree=$BUILD/linux-gcs-alone
[ -d "$tree" ] || git -C "$KSRC" worktree add -q --detach "$tree" "$first"
git -C "$tree" checkout -q -f --detach "$first"
"$LAB/scripts/lib/build-kernel.sh" "$tree" "$BUILD/out-gcs-alone"
LAB_QEMU_ROOT=$GCS_QEMU_ROOT "$LAB/scripts/lib/boot.sh" gcs-alone \
	"$BUILD/out-gcs-alone/arch/arm64/boot/Image" gcs-uaccess
"$LAB/scripts/lib/results.sh" gcs-alone | cut -f 2,3 >"$BUILD/run/gcs-alone/cases.txt"
cat "$BUILD/run/gcs-alone/cases.txt"
bad=0
while read -r case want; do
	grep -qx "$case	$want" "$BUILD/run/gcs-alone/cases.txt" ||
		{ echo "gcs-alone: $case is not $want" >&2; bad=1; }
done <<-EOF
	read.tmpfs.read	pass
	read.tmpfs.preadv	pass
	read.btrfs.pread	pass
	read.gfs2.read	livelock
	read.gfs2.preadv	livelock
	futex.private.lock_pi	livelock
	futex.private.wake_op	livelock
	futex.shared.lock_pi	pass
EOF
[ "$bad" = 0 ] || die "gcs-alone: the first GCS patch alone does not behave as its changelog says"
note "gcs-alone: patch 1 alone ends the reads that spun in the fault handler, not the fault-in loops"
