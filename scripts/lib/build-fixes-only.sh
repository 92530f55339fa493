#!/bin/sh
# Build the fixes-only kernel: the stack without its RFC postings (the
# record, and the audit that cites it: the last ones of
# series/$KVER/postings.txt), that is the fixes and their selftests, in
# the worktree build/linux-fixes, into build/out-fixes.
# Where the stack has no record (6.12), out-fixes is the patched kernel.
set -eu
# shellcheck source=scripts/lib/common.sh
. "$(dirname -- "$0")/common.sh"

if ! has_record; then
	rm -rf "$BUILD/out-fixes"
	ln -s out-patched "$BUILD/out-fixes"
	exit 0
fi
n=$(rfc_commits)
[ "$n" -gt 0 ] || die "fixes-only: no RFC posting ends series/$KVER/postings.txt"
wt=$BUILD/linux-fixes
[ -d "$wt" ] || git -C "$KSRC" worktree add -q --detach "$wt" "lab~$n"
git -C "$wt" checkout -q -f --detach "$(git -C "$KLAB" rev-parse "lab~$n")"
[ ! -L "$BUILD/out-fixes" ] || rm -f "$BUILD/out-fixes"
"$LAB/scripts/lib/build-kernel.sh" "$wt" "$BUILD/out-fixes"
