#!/bin/sh
# /proc/kcore's vmalloc read, which the lab's kernels leave out: build the
# commit before the kcore fix (KCORE_FIX in scripts/lib/common.sh) and the
# fix, both with CONFIG_PROC_KCORE=y, boot each and run guest/kcore.c, and
# require what the changelog says (expected/kcore.txt): a read into a
# buffer with a bad MTE granule spins until SIGKILL before the fix and
# fails with -EFAULT with it; a read into a buffer whose pages are not
# there gives the same 4 KiB on both.
# Results: build/run/kcore-before/, build/run/kcore-fix/.  Needs
# scripts/tree.sh to have run.
set -eu
# shellcheck source=scripts/lib/common.sh
. "$(dirname -- "$0")/lib/common.sh"

lab_lock
fix=$(git -C "$KLAB" log --format=%H --fixed-strings --grep="$KCORE_FIX" base..lab)
[ -n "$fix" ] || die "kcore: no patch '$KCORE_FIX' in $KLAB"
cpio -it --quiet <"$BUILD/guest/initramfs.cpio" 2>/dev/null | grep -qx bin/kcore ||
	"$LAB/scripts/lib/rootfs.sh"
bad=0
for k in before fix; do
	rev=$fix
	[ "$k" = fix ] || rev=$fix~1
	tree=$BUILD/linux-kcore-$k
	[ -d "$tree" ] || git -C "$KSRC" worktree add -q --detach "$tree" "$rev"
	git -C "$tree" checkout -q -f --detach "$rev"
	"$LAB/scripts/lib/build-kernel.sh" "$tree" "$BUILD/out-kcore-$k" CONFIG_PROC_KCORE=y
	"$LAB/scripts/lib/boot.sh" "kcore-$k" "$BUILD/out-kcore-$k/arch/arm64/boot/Image" kcore
	grep '^kcore: ' "$BUILD/run/kcore-$k/out.txt" >"$BUILD/run/kcore-$k/cases.txt" || true
	sed "s/^/$k: /" "$BUILD/run/kcore-$k/cases.txt"
	[ "$(cat "$BUILD/run/kcore-$k/cases.txt")" = "$(kcore_expected "$k")" ] ||
		{ echo "kcore: $k: not what the fix's changelog says" >&2; bad=1; }
done
[ "$bad" = 0 ] || die "kcore: the results differ from the fix's changelog"
note "kcore: before the fix the read spins until SIGKILL, with it -EFAULT; fresh buffers read the same"
