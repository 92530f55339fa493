#!/bin/sh
# The results of one boot, one line a test case: results.sh NAME prints
# "PROG<TAB>CASE<TAB>RESULT<TAB>RETURN" for every KTAP result line of every
# guest program in build/run/NAME/out.txt, RESULT being pass, skip,
# livelock (the case reported a live-lock) or wrong (it failed otherwise),
# RETURN what the call under test returned, as the case logged it
# ("returned 2048 (bytes)", "returned -1 (Bad address)"; without the time
# it took), for a live-lock whether SIGKILL ended it ("killable",
# "unkillable"), or empty.  The KUnit cases come from scripts/kunit.sh.  The
# one parser of the guest's output.
set -eu
# shellcheck source=scripts/lib/common.sh
. "$(dirname -- "$0")/common.sh"

[ $# = 1 ] || die "usage: results.sh NAME"
out=$BUILD/run/$1/out.txt
[ -f "$out" ] || die "results: no results for $1 ($out)"
awk '
	/^lab: begin / { prog = $3; on = (prog != "kunit"); ll = 0; next }
	/^lab: end / { on = 0; next }
	!on { next }
	/^# +RUN / { ll = 0; ret = ""; next }
	/live-lock:/ {
		ll = 1
		ret = /NOT killable|SIGKILL did not end it/ ? "unkillable" : \
			/killed by SIGKILL|SIGKILL ended it/ ? "killable" : ""
	}
	/:returned -?[0-9]+ \(/ {
		ret = $0
		sub(/^.*:returned /, "returned ", ret)
		sub(/ after [0-9.]+ s/, "", ret)
	}
	/^(not )?ok [0-9]+ / {
		line = $0
		res = (line ~ /^ok/) ? "pass" : ll ? "livelock" : "wrong"
		if (line ~ /# SKIP/) res = "skip"
		sub(/^(not )?ok [0-9]+ /, "", line)
		sub(/ *# (SKIP|exit=).*$/, "", line)
		# run_kselftest.sh reports the program itself last.
		if (line ~ /^selftests: [^ ]*: /) line = "(program)"
		printf "%s\t%s\t%s\t%s\n", prog, line, res, ret
		ret = ""
	}' "$out"
