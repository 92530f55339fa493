#!/bin/sh
# Write the developers' branch "series" of build/linux back into patches/
# (with KVER=7.2: of build/7.2/linux into patches-7.2/): the only way they
# change.  The cover letter's subject and text come from
# series/cover-letter.txt (cover-letter-7.2.txt); its base-commit is the lab's base commit
# (scripts/tree.sh makes it the same on every machine).
set -eu
# shellcheck source=scripts/common.sh
. "$(dirname -- "$0")/common.sh"

git -C "$KSRC" rev-parse -q --verify series >/dev/null ||
	die "export: no branch 'series' in $KSRC (run scripts/tree.sh)"
[ -z "$(git -C "$KSRC" status --porcelain --untracked-files=no)" ] ||
	die "export: $KSRC has uncommitted changes; commit them first"
n=$(git -C "$KSRC" rev-list --count base..series)
[ "$n" -gt 0 ] || die "export: branch 'series' has no commits on top of base"

cover=$COVER    # line 1: subject; then the blurb
[ -f "$cover" ] || die "export: no $cover"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git -C "$KSRC" format-patch -q --cover-letter --zero-commit --base=base \
	--no-signature -o "$tmp" base..series
python3 - "$cover" "$tmp/0000-cover-letter.patch" <<'PY'
import sys
src, out = sys.argv[1:3]
subject, _, blurb = open(src, encoding="utf-8").read().partition("\n")
text = open(out, encoding="utf-8").read()
text = text.replace("*** SUBJECT HERE ***", subject.strip(), 1)
text = text.replace("*** BLURB HERE ***", blurb.strip("\n"), 1)
open(out, "w", encoding="utf-8").write(text)
PY
rm -f "$PATCHES"/*.patch
mkdir -p "$PATCHES"
mv "$tmp"/*.patch "$PATCHES/"
note "exported $n patches and the cover letter to $PATCHES"
