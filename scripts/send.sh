#!/bin/sh
# The series ready to send, for inspection in build/send/.  Nothing is sent.
# The From is this repository's git identity, the sender's.
#
# First the private report (security/): the series fixes an unprivileged
# kernel hang (FUTEX_LOCK_PI that no signal ends, read() that spins until
# SIGKILL, read() into a GCS page that nothing ends), so, as Documentation/process/security-bugs.rst asks, it goes to
# security@kernel.org, with the maintainers of the fixes, before anything
# public: report.txt, a mail that describes the bugs and carries the fixes
# (the patches with a Fixes: tag) inline, and its dry run.  The public
# posting follows once that list agrees.
#
# Then the public posting: the patches of patches/, each addressed To its
# maintainers and Cc its lists and reviewers as scripts/get_maintainer.pl
# finds them (the cover letter to all of them), and the output of
# "git send-email --dry-run" on them (dry-run.txt).
set -eu
# shellcheck source=scripts/lib/common.sh
. "$(dirname -- "$0")/lib/common.sh"

"$LAB/scripts/deps.sh"
"$LAB/scripts/tree.sh"
[ -x "$(git --exec-path)/git-send-email" ] ||
	die "send: git send-email is missing (scripts/deps.sh installs git-email)"
name=$(git -C "$LAB" config user.name) || name=
email=$(git -C "$LAB" config user.email) || email=
if [ -z "$name" ] || [ -z "$email" ]; then
	die "send: set user.name and user.email in git: they sign and send the series"
fi
out=$BUILD/send
rm -rf "$out"
mkdir -p "$out"
cp "$PATCHES"/*.patch "$out/"

# Addresses from get_maintainer.pl, one a line: maintainers (--nol) or the
# rest (--nom: lists and reviewers); never commit signers.
addresses() { # PATCH --nol|--nom
	(cd "$KLAB" && scripts/get_maintainer.pl --no-git --no-git-fallback \
		--norolestats "$2" "$1") | grep '@' || true
}
: >"$out/to.all"
: >"$out/cc.all"
for p in "$out"/0*.patch; do
	case $p in */0000-cover-letter.patch) continue ;; esac
	addresses "$p" --nol >"$p.to"
	addresses "$p" --nom | grep -vxFf "$p.to" >"$p.cc" || true
	[ -s "$p.to" ] || die "send: get_maintainer.pl finds no maintainer for $(basename "$p")"
	cat "$p.to" >>"$out/to.all"
	cat "$p.cc" >>"$out/cc.all"
done
cover=$out/0000-cover-letter.patch
sort -u "$out/to.all" >"$cover.to"
sort -u "$out/cc.all" | grep -vxFf "$cover.to" >"$cover.cc" || true
rm -f "$out/to.all" "$out/cc.all"

# To: and Cc: headers before the Subject: header (the From: header before
# it may be folded), one address a header.
for p in "$out"/0*.patch; do
	awk -v to="$p.to" -v cc="$p.cc" '
		!done && /^Subject: / {
			while ((getline a <to) > 0) print "To: " a
			while ((getline a <cc) > 0) print "Cc: " a
			done = 1
		}
		{ print }' "$p" >"$p.new"
	mv "$p.new" "$p"
done

# The private report: the cover letter's text, then the fixes inline.
sec=$out/security
mkdir -p "$sec"
fixes=$(grep -l '^Fixes: ' "$out"/0*.patch) || die "send: no patch has a Fixes: tag"
{
	echo "From: $name <$email>"
	echo "To: security@kernel.org"
	for f in $fixes; do cat "$f.to"; done | sort -u | sed 's/^/Cc: /'
	echo "Subject: [SECURITY] $(head -n 1 "$COVER")"
	echo
	echo "This is a private report, under Documentation/process/security-bugs.rst:"
	echo "unprivileged tasks can hang CPUs in the kernel on arm64 with MTE, and on"
	echo "arm64 with GCS through a page from map_shadow_stack(2), where SIGKILL"
	echo "does not end some of the spins.  The fixes follow; the whole series,"
	echo "with its tests, goes to the public lists once you agree on a date."
	echo
	sed -n '/^$/,/^-- *$/p' "$cover" | sed '1d'
	for f in $fixes; do
		echo "---8<--- $(basename "$f")"
		sed -n '/^Subject: /,$p' "$f" | grep -v '^\(To\|Cc\): '
	done
} >"$sec/report.txt"
rm -f "$out"/*.to "$out"/*.cc
git send-email --dry-run --confirm=never --from="$name <$email>" --suppress-cc=all \
	--8bit-encoding=UTF-8 --no-format-patch "$sec/report.txt" \
	</dev/null >"$sec/dry-run.txt" 2>&1 ||
	die "send: git send-email --dry-run of the private report failed (see $sec/dry-run.txt)"

git send-email --dry-run --confirm=never --from="$name <$email>" --suppress-cc=self \
	--8bit-encoding=UTF-8 --no-format-patch "$out"/0*.patch \
	</dev/null >"$out/dry-run.txt" 2>&1 ||
	die "send: git send-email --dry-run failed (see $out/dry-run.txt)"
note "send: $(grep -c '^Dry-OK\|^Dry-Sent' "$out/dry-run.txt") messages in $out/dry-run.txt"
