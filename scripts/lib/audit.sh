#!/bin/sh
# The audit posting's table is what its semantic patch reports: run the
# command that Documentation/core-api/fault-in-retry-loops.rst gives (its
# literal block after "The loops") with the lab tree's
# scripts/coccinelle/misc/fault_in_retry.cocci.  On the lab tree, where the
# document is, the table has one row for each call reported, and no
# other; on the release (the base tree), every row is reported too, and
# the calls reported there alone (loops that the series removes) are
# printed.  Also: the document is valid reStructuredText.  Output in
# build/audit/.  Needs scripts/tree.sh.
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

# A table row: "FILE:FUNCTION() CALLEE()".
awk '/^   \* - ``/ { loop = $0; sub(/^   \* - ``/, "", loop); sub(/``.*/, "", loop); next }
	loop && /^     - ``/ { f = $0; sub(/^     - ``/, "", f); sub(/``.*/, "", f); print loop " " f; loop = "" }' \
	"$doc" | sort >"$out/table"
for tree in base lab; do
	dir=$KBASE
	[ "$tree" = base ] || dir=$KLAB
	(cd "$dir" && sh "$out/command.sh") >"$out/report-$tree.txt" 2>"$out/spatch-$tree.err" ||
		die "audit: the document's command failed on the $tree tree (see $out/spatch-$tree.err)"
	[ -s "$out/report-$tree.txt" ] ||
		die "audit: the semantic patch reported nothing on the $tree tree (see $out/spatch-$tree.err)"
	sed -n 's/^\([^:]*\):[0-9]*:[0-9-]*: \([a-z0-9_]*()\) retries after \([a-z0-9_]*()\):.*/\1:\2 \3/p' \
		"$out/report-$tree.txt" | sort >"$out/reported-$tree"
	echo "$tree tree: $(wc -l <"$out/reported-$tree") calls reported, $(wc -l <"$out/table") table rows"
done
diff "$out/reported-lab" "$out/table" ||
	die "audit: on the lab tree, the table and the report differ (< reported, > table)"
comm -13 "$out/reported-base" "$out/table" >"$out/table-only-base"
[ ! -s "$out/table-only-base" ] ||
	die "audit: rows that the release does not report: $(tr '\n' ' ' <"$out/table-only-base")"
comm -23 "$out/reported-base" "$out/table" | sed 's/^/release only (the series removes the loop): /'
