#!/bin/sh
# The audit posting's table is what its semantic patch reports: run the
# command that Documentation/core-api/fault-in-retry-loops.rst gives (its
# literal block after "The loops") on the release, the base tree, with
# the lab tree's scripts/coccinelle/misc/fault_in_retry.cocci, and require
# one table row for each call reported, and no other.  Also: the document
# is valid reStructuredText.  Output in build/audit/.  Needs
# scripts/tree.sh.
set -eu
# shellcheck source=scripts/lib/common.sh
. "$(dirname -- "$0")/common.sh"

rel=scripts/coccinelle/misc/fault_in_retry.cocci
doc=$KLAB/Documentation/core-api/fault-in-retry-loops.rst
for f in "$doc" "$KLAB/$rel"; do
	[ -f "$f" ] || die "audit: the lab tree has no ${f#"$KLAB"/}"
done
command -v spatch >/dev/null || die "audit: spatch is not installed (run scripts/deps.sh)"
out=$BUILD/audit
rm -rf "$out"
mkdir -p "$out"

# Debian's python3 first: its python3-docutils (scripts/deps.sh).
PATH=/usr/bin:$PATH python3 -c 'import docutils.core, sys
docutils.core.publish_string(open(sys.argv[1]).read(), writer_name="null",
	settings_overrides={"report_level": 2, "halt_level": 2})' "$doc" ||
	die "audit: ${doc#"$KLAB"/} is not valid reStructuredText"

# The indented block after the first "::" line of the document.
awk '/::$/ && !seen { seen = 1; getline; next } seen && /^$/ { exit } seen' "$doc" |
	sed "s|$rel|$KLAB/$rel|" >"$out/command.sh"
grep -q spatch "$out/command.sh" || die "audit: no spatch command in ${doc#"$KLAB"/}"
(cd "$KBASE" && sh "$out/command.sh") >"$out/report.txt" 2>"$out/spatch.err" ||
	die "audit: the document's command failed (see $out/spatch.err)"
[ -s "$out/report.txt" ] || die "audit: the semantic patch reported nothing (see $out/spatch.err)"

# "FILE:FUNCTION() CALLEE()", one a reported call and one a table row.
sed -n 's/^\([^:]*\):[0-9]*:[0-9-]*: \([a-z0-9_]*()\) retries after \([a-z0-9_]*()\):.*/\1:\2 \3/p' \
	"$out/report.txt" | sort >"$out/reported"
awk '/^   \* - ``/ { loop = $0; sub(/^   \* - ``/, "", loop); sub(/``.*/, "", loop); next }
	loop && /^     - ``/ { f = $0; sub(/^     - ``/, "", f); sub(/``.*/, "", f); print loop " " f; loop = "" }' \
	"$doc" | sort >"$out/table"
echo "$(wc -l <"$out/reported") calls reported, $(wc -l <"$out/table") table rows"
diff "$out/reported" "$out/table" || die "audit: the table and the report differ (< reported, > table)"
