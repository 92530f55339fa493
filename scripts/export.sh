#!/bin/sh
# Write the developers' branch "series" of build/linux back into patches/:
# the only way patches/ changes.  File names are stable (numbered by
# subject), there is no per-export date churn in the cover letter body.
set -eu
# shellcheck source=scripts/common.sh
. "$(dirname -- "$0")/common.sh"

git -C "$KSRC" rev-parse -q --verify series >/dev/null ||
	die "export: no branch 'series' in $KSRC (run scripts/tree.sh)"
[ -z "$(git -C "$KSRC" status --porcelain --untracked-files=no)" ] ||
	die "export: $KSRC has uncommitted changes; commit them first"
n=$(git -C "$KSRC" rev-list --count base..series)
[ "$n" -gt 0 ] || die "export: branch 'series' has no commits on top of base"

# Keep the cover letter's text (everything after the subject line).
cover=$PATCHES/0000-cover-letter.patch
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git -C "$KSRC" format-patch -q --cover-letter --base=base --zero-commit \
	--no-signature -o "$tmp" base..series
if [ -f "$cover" ]; then
	# Subject and body of the existing cover letter replace the template's.
	python3 "$LAB/scripts/cover.py" "$cover" "$tmp/0000-cover-letter.patch"
fi
rm -f "$PATCHES"/*.patch
mkdir -p "$PATCHES"
mv "$tmp"/*.patch "$PATCHES/"
note "exported $n patches and the cover letter to $PATCHES"
