#!/bin/sh
# Kernel trees under build/:
# (build/6.12/ for KVER=6.12, see common.sh)
#   linux/       git repository: tag "base" = Debian's linux-source-$KVER, and the
#                developers' branch "series", made from patches/ when the
#                repository is created (export it with scripts/export.sh)
#   linux-base/  worktree at "base": the unpatched kernel
#   linux-lab/   worktree, branch "lab" = base + git am of every posting
#                folder of patches/, in the order of series/$KVER/postings.txt
#   linux-am/    scratch worktree where the patches are applied
set -eu
# shellcheck source=scripts/lib/common.sh
. "$(dirname -- "$0")/lib/common.sh"

# git in tree $1, with an identity for the commits the lab itself makes.
git_in() {
	dir=$1
	shift
	git -C "$dir" -c user.name="MTE lab" -c user.email=lab@localhost "$@"
}
git_k() { git_in "$KSRC" "$@"; }

if ! git -C "$KSRC" rev-parse -q --verify base >/dev/null 2>&1; then
	tarball=$(src_tarball)
	if [ -n "$SRC_SUITE" ]; then
		pkg=$(dpkg-deb -f "$SUITE_DIR/$SRC_SUITE/deb/$SRC_PKG"_*.deb Version 2>/dev/null) || true
	else
		pkg=$(dpkg-query -W -f='${Version}' "$SRC_PKG" 2>/dev/null) || true
	fi
	[ -f "$tarball" ] || die "tree: $SRC_PKG is not installed (run KVER=$KVER scripts/deps.sh)"
	note "unpacking $tarball"
	rm -rf "$KSRC"
	mkdir -p "$BUILD"
	tar -C "$BUILD" -xf "$tarball"
	mv "$BUILD/$SRC_PKG" "$KSRC"
	v=$(make -s -C "$KSRC" kernelversion)
	git_k init -q -b series
	git_k config gc.auto 0
	git_k add -A -f
	# A fixed date makes the base commit the same on every machine.
	GIT_AUTHOR_DATE=2000-01-01T00:00:00Z GIT_COMMITTER_DATE=2000-01-01T00:00:00Z \
		git_k commit -q -m "Linux $v (Debian $SRC_PKG $pkg)"
	git_k tag base
	# The developers' branch starts as patches/.
	patches=$(stack_patches) || exit 1
	for p in $patches; do
		git_k am -q --keep-cr "$p" >"$BUILD/am.log" 2>&1 || {
			git_k am --abort >/dev/null 2>&1 || true
			die "tree: patch does not apply: ${p#"$PATCHES"/} (see $BUILD/am.log)"
		}
	done
fi

[ -d "$KBASE" ] || git_k worktree add -q --detach "$KBASE" base

[ -d "$KLAB" ] || git_k worktree add -q --detach "$KLAB" base
# The lab tree is made again only when the patches changed: its files keep
# their times, and the kernel build its objects.
patches=$(stack_patches) || exit 1
# shellcheck disable=SC2086
stamp=$(cat $patches /dev/null | sha256sum | cut -d' ' -f1)
if [ "$(cat "$BUILD/lab.stamp" 2>/dev/null)" = "$stamp" ] &&
	[ -z "$(git -C "$KLAB" status --porcelain --untracked-files=no)" ]; then
	note "lab tree: unchanged, $(git -C "$KLAB" rev-list --count base..lab) patches"
	exit 0
fi
rm -f "$BUILD/lab.stamp"
# Apply in a scratch worktree, then move the lab tree to the result: git
# checkout rewrites only the files that differ, so a change to changelogs
# alone rebuilds nothing.
KAM=$BUILD/linux-am
[ -d "$KAM" ] || git_k worktree add -q --detach "$KAM" base
git -C "$KAM" am --abort >/dev/null 2>&1 || true
git -C "$KAM" checkout -q -f --detach base
for p in $patches; do
	git_in "$KAM" am -q --keep-cr "$p" >"$BUILD/am.log" 2>&1 || {
		git -C "$KAM" am --abort >/dev/null 2>&1 || true
		die "tree: patch does not apply: ${p#"$PATCHES"/} (see $BUILD/am.log)"
	}
done
git -C "$KLAB" checkout -q -f -B lab "$(git -C "$KAM" rev-parse HEAD)"
git -C "$KLAB" clean -q -f -d -x
echo "$stamp" >"$BUILD/lab.stamp"
note "lab tree: $(git -C "$KLAB" rev-list --count base..lab) patches on $(git -C "$KSRC" log -1 --format=%s base)"
