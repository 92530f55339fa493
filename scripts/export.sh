#!/bin/sh
# Write the developers' branch "series" of build/linux back into patches/
# (with KVER=6.12: of build/6.12/linux into patches-6.12/): the only way
# they change.  The branch is cut into the postings of
# series/$KVER/postings.txt, in order: each takes the number of commits
# that file gives it and becomes one folder of "git format-patch" output,
# with its subject prefix and its own cover letter, whose subject and
# text come from series/$KVER/FOLDER.txt.  Notes for reviewers that do
# not belong in a changelog (lab measurements, checkpatch remarks) come
# from series/$KVER/notes.txt: a line "== SUBJECT" starts the note of the
# patch with that subject, which goes below its "---".
# Every commit must be by the placeholder identity and signed off by it
# (see common.sh); scripts/send.sh puts the sender's in its place.
# No base-commit: the lab's base commit exists only in the lab; each cover
# letter names the release its posting applies to.
set -eu
# shellcheck source=scripts/lib/common.sh
. "$(dirname -- "$0")/lib/common.sh"

git -C "$KSRC" rev-parse -q --verify series >/dev/null ||
	die "export: no branch 'series' in $KSRC (run scripts/tree.sh)"
[ -z "$(git -C "$KSRC" status --porcelain --untracked-files=no)" ] ||
	die "export: $KSRC has uncommitted changes; commit them first"
[ -f "$SERIES/notes.txt" ] || die "export: no $SERIES/notes.txt"
who="$PLACEHOLDER_NAME <$PLACEHOLDER_EMAIL>"
for c in $(git -C "$KSRC" rev-list --reverse base..series); do
	[ "$(git -C "$KSRC" log -1 --format='%an <%ae>' "$c")" = "$who" ] ||
		die "export: $(git -C "$KSRC" log -1 --format='%h %s' "$c") is not authored by $who"
	git -C "$KSRC" log -1 --format=%B "$c" | grep -qxF "Signed-off-by: $who" ||
		die "export: $(git -C "$KSRC" log -1 --format='%h %s' "$c") is not signed off by $who"
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
total=$(git -C "$KSRC" rev-list --count base..series)
done_=0
postings >"$tmp/postings"
while IFS='	' read -r dir n _after _send prefix; do
	[ -f "$SERIES/$dir.txt" ] || die "export: no cover letter $SERIES/$dir.txt"
	[ $((done_ + n)) -le "$total" ] ||
		die "export: postings.txt wants more commits than the $total of branch series"
	from=$(git -C "$KSRC" rev-list --reverse base..series | sed -n "$((done_ + 1))p")
	to=$(git -C "$KSRC" rev-list --reverse base..series | sed -n "$((done_ + n))p")
	git -C "$KSRC" -c user.name="$PLACEHOLDER_NAME" -c user.email="$PLACEHOLDER_EMAIL" \
		format-patch -q --cover-letter --zero-commit --subject-prefix="$prefix" \
		--no-signature -o "$tmp/out/$dir" "$from~1..$to"
	done_=$((done_ + n))
done <"$tmp/postings"
[ "$done_" = "$total" ] ||
	die "export: postings.txt takes $done_ commits, branch series has $total"
python3 - "$SERIES" "$tmp/out" <<'PY'
import glob, os, re, sys
series, out = sys.argv[1:3]
notes, cur = {}, None
for line in open(series + "/notes.txt", encoding="utf-8").read().splitlines():
    if line.startswith("== "):
        cur = line[3:].strip()
        notes[cur] = []
    elif cur is not None:
        notes[cur].append(line)
used = set()
for d in sorted(os.listdir(out)):
    subject, _, blurb = open(f"{series}/{d}.txt", encoding="utf-8").read().partition("\n")
    cover = f"{out}/{d}/0000-cover-letter.patch"
    text = open(cover, encoding="utf-8").read()
    text = text.replace("*** SUBJECT HERE ***", subject.strip(), 1)
    text = text.replace("*** BLURB HERE ***", blurb.strip("\n"), 1)
    open(cover, "w", encoding="utf-8").write(text)
    for p in sorted(glob.glob(f"{out}/{d}/0*.patch"))[1:]:
        text = open(p, encoding="utf-8").read()
        head = text.split("\n\n", 1)[0]
        m = re.search(r"^Subject: \[[^]]*\] (.*(?:\n[ \t].*)*)", head, re.M)
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
rm -rf "$PATCHES"
mkdir -p "$PATCHES"
mv "$tmp/out"/* "$PATCHES/"
note "exported $total patches in $(wc -l <"$tmp/postings") postings to $PATCHES"
