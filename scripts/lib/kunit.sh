#!/bin/sh
# The KUnit results of one boot, parsed by the lab tree's kunit.py:
# kunit.sh NAME prints "SUITE.CASE<TAB>STATUS" (PASS, FAIL, SKIP,
# ...) for every case in the kernel log that guest/init's "kunit" program
# wrote to build/run/NAME/out.txt, and leaves kunit.py's summary in
# build/run/NAME/kunit.txt.
set -eu
# shellcheck source=scripts/lib/common.sh
. "$(dirname -- "$0")/common.sh"

[ $# = 1 ] || die "usage: kunit.sh NAME"
dir=$BUILD/run/$1
[ -f "$dir/out.txt" ] || die "kunit: no results for $1"
sed -n '/^lab: begin kunit$/,/^lab: end kunit /p' "$dir/out.txt" | sed '1d;$d' >"$dir/kunit.log"
[ -s "$dir/kunit.log" ] || die "kunit: no kernel log in the results of $1"
python3 "$KLAB/tools/testing/kunit/kunit.py" parse --json="$dir/kunit.json" \
	"$dir/kunit.log" >"$dir/kunit.txt" 2>&1 || true
[ -s "$dir/kunit.json" ] || die "kunit: kunit.py parse gave no results for $1 (see $dir/kunit.txt)"
python3 - "$dir/kunit.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
def walk(tests, prefix):
    for t in tests:
        name = prefix + t["name"]
        if t.get("sub_groups") or t.get("test_cases"):
            walk(t.get("sub_groups", []), name + ".")
            for c in t.get("test_cases", []):
                print(f"{name}.{c['name']}\t{c['status']}")
walk(doc.get("sub_groups", []), "")
for c in doc.get("test_cases", []):
    print(f"{c['name']}\t{c['status']}")
PY
