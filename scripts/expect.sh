#!/bin/sh
# What the main job's boots gave, in the form of expected/$KVER.txt: per
# boot ($RUNS: base, patched, and on 7.3 the GCS and store-only lanes),
# every test case that did not pass with its result (livelock, wrong,
# skip), every case that logged what its call returned with that return
# (and every live-lock with "killable" or "unkillable", as SIGKILL found it),
# the number of cases of each guest program, and every KUnit case of the
# patched kernels ($KUNIT_RUNS) with its status.
#   scripts/expect.sh             print it
#   scripts/expect.sh --check     compare it with expected/$KVER.txt, exactly
#   scripts/expect.sh --update    write it to expected/$KVER.txt
set -eu
# shellcheck source=scripts/lib/common.sh
. "$(dirname -- "$0")/lib/common.sh"

want=$LAB/expected/$KVER.txt
summary() {
	for k in $RUNS; do
		"$LAB/scripts/lib/results.sh" "$k" | awk -F '\t' -v k="$k" '
			{ n[$1]++ }
			$3 != "pass" || $4 != "" {
				printf "%s\t%s\t%s\t%s%s\n", k, $1, $2, $3, $4 == "" ? "" : "\t" $4 }
			END { for (p in n) printf "%s\t%s\t(cases)\t%d\n", k, p, n[p] }'
	done
	! has_record || for k in $KUNIT_RUNS; do
		"$LAB/scripts/lib/kunit.sh" "$k" | sed "s/^/$k\tkunit\t/"
	done
}
case ${1:-} in
"") summary | LC_ALL=C sort ;;
--update) summary | LC_ALL=C sort >"$want" && note "wrote $want" ;;
--check)
	[ -f "$want" ] || die "expect: no $want (scripts/expect.sh --update writes it)"
	summary | LC_ALL=C sort >"$BUILD/run/expect.txt"
	if ! diff -u "$want" "$BUILD/run/expect.txt"; then
		die "expect: the results differ from $want (- expected, + this run)"
	fi
	echo "$(wc -l <"$want") lines of $want, as expected" ;;
*) die "usage: expect.sh [--check|--update]" ;;
esac
