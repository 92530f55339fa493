#!/bin/sh
# Every patch of the lab branch builds on its own for arm64 (a patch that
# changes only tools/ or Documentation/ is covered by the build before it),
# each posting that needs no other builds on the release alone, and the
# whole stack builds for x86_64, where there is no MTE, and for
# arm64 with CONFIG_ARM64_MTE off (no CONFIG_ARCH_HAS_SUBPAGE_FAULTS).
set -eu
# shellcheck source=scripts/lib/common.sh
. "$(dirname -- "$0")/lib/common.sh"

tree=$BUILD/linux-bisect
[ -d "$tree" ] || git -C "$KSRC" worktree add -q --detach "$tree" base
for c in $(git -C "$KLAB" rev-list --reverse base..lab); do
	subject=$(git -C "$KLAB" log -1 --format=%s "$c")
	if [ -z "$(git -C "$KLAB" diff --name-only "$c~1" "$c" -- . ':!tools' ':!Documentation')" ]; then
		note "no kernel change: $subject"
		continue
	fi
	git -C "$tree" checkout -q -f --detach "$c"
	"$LAB/scripts/lib/build-kernel.sh" "$tree" "$BUILD/out-bisect" ||
		die "bisect: arm64 build fails at: $subject"
done
# Each posting that needs no other builds on the release alone.
for dir in $(postings | awk -F '\t' '$3 == "-" { print $1 }'); do
	posting_tree "$tree" "$dir" || die "bisect: posting $dir does not apply alone"
	"$LAB/scripts/lib/build-kernel.sh" "$tree" "$BUILD/out-bisect" ||
		die "bisect: arm64 build fails with posting $dir alone"
done
ARCH=x86_64 "$LAB/scripts/lib/build-kernel.sh" "$KLAB" "$BUILD/out-x86_64" ||
	die "bisect: the stack does not build for x86_64"
"$LAB/scripts/lib/build-kernel.sh" "$KLAB" "$BUILD/out-nomte" \
	CONFIG_ARM64_MTE=n CONFIG_UACCESS_FAULT_KUNIT_TEST=n ||
	die "bisect: the stack does not build for arm64 without MTE"
