#!/bin/sh
# Write the developers' branch "series" of build/linux back into patches/
# (with KVER=6.12: of build/6.12/linux into patches-6.12/): the only way
# they change.  The cover letter's subject and text come from
# series/cover-letter.txt (cover-letter-6.12.txt).  Notes for reviewers
# that do not belong in a changelog (lab measurements, checkpatch remarks)
# come from series/notes.txt (notes-6.12.txt): a line "== SUBJECT" starts
# the note of the patch with that subject, which goes below its "---".
# No base-commit: the lab's base commit exists only in the lab; the cover
# letter names the release the series applies to.
set -eu
# shellcheck source=scripts/lib/common.sh
. "$(dirname -- "$0")/lib/common.sh"

git -C "$KSRC" rev-parse -q --verify series >/dev/null ||
	die "export: no branch 'series' in $KSRC (run scripts/tree.sh)"
[ -z "$(git -C "$KSRC" status --porcelain --untracked-files=no)" ] ||
	die "export: $KSRC has uncommitted changes; commit them first"
n=$(git -C "$KSRC" rev-list --count base..series)
[ "$n" -gt 0 ] || die "export: branch 'series' has no commits on top of base"

cover=$COVER    # line 1: subject; then the blurb
[ -f "$cover" ] || die "export: no $cover"
[ -f "$NOTES" ] || die "export: no $NOTES"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git -C "$KSRC" format-patch -q --cover-letter --zero-commit --subject-prefix="$PREFIX" \
	--no-signature -o "$tmp" base..series
python3 - "$cover" "$NOTES" "$tmp" <<'PY'
import glob, re, sys
src, notes_file, tmp = sys.argv[1:4]
subject, _, blurb = open(src, encoding="utf-8").read().partition("\n")
out = tmp + "/0000-cover-letter.patch"
text = open(out, encoding="utf-8").read()
text = text.replace("*** SUBJECT HERE ***", subject.strip(), 1)
text = text.replace("*** BLURB HERE ***", blurb.strip("\n"), 1)
open(out, "w", encoding="utf-8").write(text)
notes, cur = {}, None
for line in open(notes_file, encoding="utf-8").read().splitlines():
    if line.startswith("== "):
        cur = line[3:].strip()
        notes[cur] = []
    elif cur is not None:
        notes[cur].append(line)
used = set()
for p in sorted(glob.glob(tmp + "/0*.patch"))[1:]:
    text = open(p, encoding="utf-8").read()
    head = text.split("\n\n", 1)[0]
    m = re.search(r"^Subject: \[PATCH[^]]*\] (.*(?:\n[ \t].*)*)", head, re.M)
    subj = re.sub(r"\s+", " ", m.group(1)).strip()
    if subj in notes:
        body = "\n".join(notes[subj]).strip("\n")
        text = text.replace("\n---\n", "\n---\n" + body + "\n\n", 1)
        open(p, "w", encoding="utf-8").write(text)
        used.add(subj)
unused = set(notes) - used
if unused:
    sys.exit("export: notes for no patch: " + "; ".join(sorted(unused)))
PY
rm -f "$PATCHES"/*.patch
mkdir -p "$PATCHES"
mv "$tmp"/*.patch "$PATCHES/"
note "exported $n patches and the cover letter to $PATCHES"
