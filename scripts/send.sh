#!/bin/sh
# The postings ready to send, for inspection in build/send/.  Nothing is
# sent: every mail goes through "git send-email --dry-run".
#
# The patches are exported with a placeholder identity (common.sh).  The
# sender's git identity (user.name, user.email) takes its place in From:
# and Signed-off-by:, in copies under build/send/; the command refuses
# without an identity, with the placeholder's, or with an address under a
# reserved domain (RFC 2606), and while any placeholder remains.
#
# On the mainline stack, first the private report (security/): the fixes
# end unprivileged kernel hangs (FUTEX_LOCK_PI that no signal ends, read()
# that spins until SIGKILL, read() into a GCS page that nothing ends, an
# O_DIRECT read() from gfs2 into memfd_secret() memory), so,
# as Documentation/process/security-bugs.rst asks, they go to
# security@kernel.org, with the maintainers of the fixes, before anything
# public: report.txt, a mail that describes the bugs and carries the fixes
# (the patches with a Fixes: tag) inline, and its dry run.  The public
# postings follow once that list agrees.
#
# Then each posting of series/$KVER/postings.txt marked "yes", as its own
# thread: each patch addressed To its maintainers and Cc its lists and
# reviewers as scripts/get_maintainer.pl finds them, the cover letter to
# all of its posting's, and "git send-email --dry-run" of them
# (build/send/FOLDER/dry-run.txt).  Stable backports (6.12) go To
# stable@vger.kernel.org as well, and need no report of their own.
set -eu
# shellcheck source=scripts/lib/common.sh
. "$(dirname -- "$0")/lib/common.sh"

name=$(git -C "$LAB" config user.name) || name=
email=$(git -C "$LAB" config user.email) || email=
if [ -z "$name" ] || [ -z "$email" ]; then
	die "send: set user.name and user.email in git: the sender signs off and sends the postings"
fi
case "$name <$email>" in
*"$PLACEHOLDER_NAME"* | *"$PLACEHOLDER_EMAIL"*)
	die "send: git's identity is the export's placeholder; set your own user.name and user.email" ;;
esac
case ${email##*@} in
invalid | *.invalid | example | *.example | test | *.test | localhost | *.localhost | \
	example.com | example.net | example.org)
	die "send: $email is under a reserved domain (RFC 2606), not a sender's address" ;;
esac

"$LAB/scripts/deps.sh"
"$LAB/scripts/tree.sh"
[ -x "$(git --exec-path)/git-send-email" ] ||
	die "send: git send-email is missing (scripts/deps.sh installs git-email)"
out=$BUILD/send
rm -rf "$out"
mkdir -p "$out"

# sed replacement text for $1: / and & escaped.
sed_text() { printf '%s' "$1" | sed 's/[\/&]/\\&/g'; }
ph=$(sed_text "$PLACEHOLDER_NAME <$PLACEHOLDER_EMAIL>")
me=$(sed_text "$name <$email>")
# Addresses from get_maintainer.pl, one a line: maintainers (--nol) or the
# rest (--nom: lists and reviewers); never commit signers.
addresses() { # PATCH --nol|--nom
	(cd "$KLAB" && scripts/get_maintainer.pl --no-git --no-git-fallback \
		--norolestats "$2" "$1") | grep '@' || true
}
# To: and Cc: headers before the Subject: header (the From: header before
# it may be folded), one address a header, from PATCH.to and PATCH.cc.
address() { # PATCH
	awk -v to="$1.to" -v cc="$1.cc" '
		!done && /^Subject: / {
			while ((getline a <to) > 0) print "To: " a
			while ((getline a <cc) > 0) print "Cc: " a
			done = 1
		}
		{ print }' "$1" >"$1.new"
	mv "$1.new" "$1"
}

postings >"$out/postings"
while IFS='	' read -r dir _n _after send _prefix; do
	[ "$send" = yes ] || continue
	d=$out/$dir
	mkdir -p "$d"
	for p in "$PATCHES/$dir"/0*.patch; do
		sed -e "s/^From: $ph\$/From: $me/" -e "s/^Signed-off-by: $ph\$/Signed-off-by: $me/" \
			-e "s/^$(sed_text "$PLACEHOLDER_NAME") (\([0-9]*\)):\$/$(sed_text "$name") (\1):/" \
			"$p" >"$d/${p##*/}"
	done
	: >"$d/to.all"
	: >"$d/cc.all"
	for p in "$d"/0*.patch; do
		case $p in */0000-cover-letter.patch) continue ;; esac
		{ [ -z "$STABLE_LIST" ] || echo "$STABLE_LIST"; addresses "$p" --nol; } >"$p.to"
		addresses "$p" --nom | grep -vxFf "$p.to" >"$p.cc" || true
		[ -s "$p.to" ] || die "send: get_maintainer.pl finds no maintainer for $dir/${p##*/}"
		cat "$p.to" >>"$d/to.all"
		cat "$p.cc" >>"$d/cc.all"
	done
	cover=$d/0000-cover-letter.patch
	sort -u "$d/to.all" >"$cover.to"
	sort -u "$d/cc.all" | grep -vxFf "$cover.to" >"$cover.cc" || true
	rm -f "$d/to.all" "$d/cc.all"
	for p in "$d"/0*.patch; do address "$p"; done
done <"$out/postings"
left=$(grep -rlF -e "$PLACEHOLDER_NAME" -e "$PLACEHOLDER_EMAIL" "$out" --include='0*.patch') || true
[ -z "$left" ] || die "send: the placeholder identity remains in: $(echo "$left" | sed "s|$out/||" | paste -sd' ')"

# The private report: what the fixes end, then the fixes inline (mainline
# only: stable backports follow the mainline fixes' report).
if [ -z "$STABLE_LIST" ]; then
	sec=$out/security
	mkdir -p "$sec"
	fixes=$(grep -l '^Fixes: ' "$out"/*/0*.patch) || die "send: no patch has a Fixes: tag"
	{
		echo "From: $name <$email>"
		echo "To: security@kernel.org"
		for f in $fixes; do sed -n 's/^To: //p' "$f"; done | sort -u | sed 's/^/Cc: /'
		echo "Subject: [SECURITY] arm64: unprivileged spins in fault-in retry loops (MTE, GCS)"
		echo
		echo "This is a private report, under Documentation/process/security-bugs.rst:"
		echo "unprivileged tasks can hang CPUs in the kernel on arm64 with MTE, and on"
		echo "arm64 with GCS through a page from map_shadow_stack(2), where SIGKILL"
		echo "does not end some of the spins; by code reading, FUTEX_LOCK_PI on a word"
		echo "whose arm64 protection key (POE) allows writes but not reads spins the"
		echo "same way; and on any architecture, an O_DIRECT read() from gfs2 into"
		echo "memfd_secret() memory spins until SIGKILL.  The fixes follow, one"
		echo "posting per tree;"
		echo "the postings, with their tests, go to the public lists once you agree on"
		echo "a date."
		echo
		echo "Two more, not ended by these fixes:"
		echo "- with MTE's store-only tag checking (PR_MTE_STORE_ONLY), gfs2 read(),"
		echo "  readv() and FIEMAP into a buffer with a mismatching granule still spin"
		echo "  (killable) with every fix applied, as measured under QEMU 11.1; the RFC"
		echo "  posting 7-record (a per-task record of such faults) ends them;"
		echo "- by code reading only (the lab's toolchain cannot build them): with"
		echo "  FEAT_LSUI futex atomics and store-only tag checking, FUTEX_LOCK_PI on a"
		echo "  word whose granule mismatches retries for ever (not killable); the"
		echo "  7-record posting's futex patch ends it."
		echo
		echo "What each fix fixes, from its cover letter:"
		# shellcheck disable=SC2086
		for c in $(dirname $fixes | sort -u); do
			echo
			sed -n 's/^Subject: \[[^]]*\] /== /p' "$c/0000-cover-letter.patch"
			sed -n '/^$/,/^-- *$/p' "$c/0000-cover-letter.patch" | sed '1d'
		done
		for f in $fixes; do
			echo "---8<--- ${f#"$out"/}"
			sed -n '/^Subject: /,$p' "$f"
		done
	} >"$sec/report.txt"
	git send-email --dry-run --confirm=never --from="$name <$email>" --suppress-cc=all \
		--8bit-encoding=UTF-8 --no-format-patch "$sec/report.txt" \
		</dev/null >"$sec/dry-run.txt" 2>&1 ||
		die "send: git send-email --dry-run of the private report failed (see $sec/dry-run.txt)"
fi
rm -f "$out"/*/*.to "$out"/*/*.cc
! grep -lq '^\[ Upstream commit: none yet' "$out"/*/0*.patch ||
	note "send: these backports wait for their mainline commits (their \"[ Upstream commit: none yet\" lines)"

while IFS='	' read -r dir _n _after send _prefix; do
	[ "$send" = yes ] || continue
	git send-email --dry-run --confirm=never --from="$name <$email>" --suppress-cc=self \
		--8bit-encoding=UTF-8 --no-format-patch "$out/$dir"/0*.patch \
		</dev/null >"$out/$dir/dry-run.txt" 2>&1 ||
		die "send: git send-email --dry-run of $dir failed (see $out/$dir/dry-run.txt)"
	note "send: $dir: $(grep -c '^Result: OK' "$out/$dir/dry-run.txt") messages in $out/$dir/dry-run.txt"
done <"$out/postings"
