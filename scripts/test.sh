#!/bin/sh
# The whole test suite, for Linux 7.3-rc7 (patches/) and Linux 6.12
# (patches-6.12/): per version, the cheap checks of the series first, then
# the main job, then the checks of its results against expected/$KVER.txt.
# Ends with "N passed, N failed"; exits non-zero on any failure.  The
# checks that need more kernel builds are scripts/slow.sh's.
set -eu
# shellcheck source=scripts/lib/common.sh
. "$(dirname -- "$0")/lib/common.sh"

# checkpatch --strict, run from the lab tree: no ERROR, no WARNING, and
# every CHECK explained below the patch's "---".  UNKNOWN_COMMIT_ID is
# ignored: the lab's tree has no upstream history to look Fixes: up in.
checkpatch() {
	bad=0
	for p in "$PATCHES"/0*.patch; do
		case $p in */0000-cover-letter.patch) continue ;; esac
		# Debian's python3 first: spdxcheck.py needs its python3-ply.
		out=$(cd "$KLAB" && PATH=/usr/bin:$PATH scripts/checkpatch.pl --strict \
			--show-types --ignore UNKNOWN_COMMIT_ID "$p" 2>&1) || true
		echo "$out" | grep -q '^total: [0-9]* errors' ||
			{ echo "$(basename "$p"): checkpatch did not run: $out" | head -n 5; bad=1; continue; }
		if echo "$out" | grep -E '^(ERROR|WARNING):'; then
			bad=1
		fi
		notes=$(sed -n '/^---$/,/^ [^ ].* | /p' "$p")
		for t in $(echo "$out" | sed -n 's/^CHECK:\([A-Z_]*\):.*/\1/p' | sort -u); do
			echo "$notes" | grep -q "$t" ||
				{ echo "$(basename "$p"): CHECK:$t not explained below ---"; bad=1; }
		done
	done
	[ "$bad" = 0 ]
}
# Every patch carries a Signed-off-by from its author.
signed_off() {
	for p in "$PATCHES"/0*.patch; do
		case $p in */0000-cover-letter.patch) continue ;; esac
		from=$(sed -n '/^From: /{N;s/\n//;s/^From: *//;p;q}' "$p" | sed 's/  */ /g')
		grep -qxF "Signed-off-by: $from" "$p" ||
			{ echo "$(basename "$p"): no Signed-off-by: $from"; return 1; }
	done
}
# The cover letter lists exactly the patches of the series, in order.
cover_matches() {
	cover=$PATCHES/0000-cover-letter.patch
	! grep -q '\*\*\* \(SUBJECT\|BLURB\) HERE' "$cover" || { echo "template text left"; return 1; }
	n=$(find "$PATCHES" -name '0*.patch' ! -name 0000-cover-letter.patch | wc -l)
	grep -q "^Subject: \[$PREFIX 0*0/$n\]" "$cover" || { echo "cover letter is not [$PREFIX 0/$n]"; return 1; }
	for p in "$PATCHES"/0*.patch; do
		case $p in */0000-cover-letter.patch) continue ;; esac
		subj=$(sed -n '/^Subject: /{N;s/\n//;s/^Subject: \[PATCH[^]]*\] //;p;q}' "$p" |
			sed 's/  */ /g')
		tr '\n' ' ' <"$cover" | sed 's/  */ /g' | grep -qF "$subj" ||
			{ echo "cover letter does not list: $subj"; return 1; }
	done
}
# The series as it would be sent: every message of the dry run has a To.
send_dry_run() {
	rm -rf "$BUILD/send"
	"$LAB/scripts/send.sh" || return 1
	f=$BUILD/send/dry-run.txt
	n=$(find "$PATCHES" -name '0*.patch' | wc -l)
	ok=$(grep -c '^Result: OK$' "$f") || true
	to=$(grep -c '^To: .*@' "$f") || true
	cc=$(grep -c '^Cc: .*@' "$f") || true
	echo "$n patches: $ok messages OK, $to with To:, $cc with Cc: (see $f)"
	[ "$ok" = "$n" ] && [ "$to" = "$n" ] && [ "$cc" = "$n" ]
}
# The patched kernel's console shows no report (scripts/console.sh), in
# any of its boots.
console_clean() {
	bad=0
	for k in $RUNS; do
		"$LAB/scripts/lib/console.sh" "$k" >"$BUILD/run/$k/reports.txt" || return 1
		echo "$k: $(wc -l <"$BUILD/run/$k/reports.txt") reports"
		sed 's/^/    /' "$BUILD/run/$k/reports.txt"
		case $k in *patched) [ ! -s "$BUILD/run/$k/reports.txt" ] || bad=1 ;; esac
	done
	[ "$bad" = 0 ]
}
# Every boot mounted both disks.
mounts() {
	for k in $RUNS; do
		for fs in gfs2 btrfs; do
			grep -q "^lab: /dev/vd. is $fs\$" "$BUILD/run/$k/out.txt" ||
				{ echo "$k: no $fs mount"; return 1; }
		done
	done
}
powered_off() {
	for k in $RUNS; do
		case $k in *patched) ;; *) continue ;; esac
		[ ! -f "$BUILD/run/$k/stopped" ] || { echo "$k: $(cat "$BUILD/run/$k/stopped")"; return 1; }
	done
}
# The upstream MTE selftests: the same result, case by case, on both.
upstream_same() {
	for t in $UPSTREAM_MTE_TESTS; do
		"$LAB/scripts/lib/results.sh" base | grep "^$t	" >"$BUILD/run/upstream.base"
		"$LAB/scripts/lib/results.sh" patched | grep "^$t	" >"$BUILD/run/upstream.patched"
		[ -s "$BUILD/run/upstream.base" ] || { echo "$t did not run on base"; return 1; }
		echo "$t: $(grep -c '	pass$' "$BUILD/run/upstream.base") of $(wc -l <"$BUILD/run/upstream.base") pass on base"
		diff "$BUILD/run/upstream.base" "$BUILD/run/upstream.patched" || return 1
	done
}
failed_with() { # LOG: a step that already failed, with its log
	cat "$1"
	return 1
}
# docs/results.md: what this run measured, written at its end.
results_md() {
	echo "# Results of the last test command run"
	echo
	echo "\`scripts/test.sh\`, finished $(date -u '+%Y-%m-%d %H:%M UTC') after" \
		"$((($(date +%s) - start) / 60)) min on $(nproc) cores:" \
		"$pass passed, $fail failed, $skipped skipped."
	for v in $KVERS; do
		lab_paths "$v"
		echo
		echo "## Linux $KVER"
		echo
		if [ -f "$BUILD/run/table.txt" ]; then
			echo "The main job's table (\`KVER=$KVER scripts/lab.sh\`):"
			echo
			sed 's/^/    /' "$BUILD/run/table.txt"
			echo
			echo "task_struct object size (/sys/kernel/slab/task_struct/object_size):" \
				"base $(sed -n 's/^lab: task_struct object_size //p' "$BUILD/run/base/out.txt")," \
				"patched $(sed -n 's/^lab: task_struct object_size //p' "$BUILD/run/patched/out.txt") bytes."
		else
			echo "No results: the main job did not run."
		fi
		echo
		if [ -f "$BUILD/bench/table.md" ]; then
			echo "The benchmark (\`KVER=$KVER scripts/bench.sh\`, run before this" \
				"test command; its plot is build/bench/ratios.png):"
			echo
			cat "$BUILD/bench/table.md"
		else
			echo "The benchmark (\`scripts/bench.sh\`) has not been run here."
		fi
	done
}
lab_shellcheck() {
	(cd "$LAB" && shellcheck -x -s sh scripts/*.sh scripts/lib/*.sh guest/init .ci/run)
}

# The checks of the main job's results, as they are in build/run/.
results_checks() {
	check "$KVER: results exactly as in expected/$KVER.txt" "$LAB/scripts/expect.sh" --check
	check "$KVER: no report on the patched kernel's console" console_clean
	check "$KVER: every boot mounted gfs2 and btrfs" mounts
	check "$KVER: the patched guest powered off by itself" powered_off
	check "$KVER: upstream MTE selftests: same results on base and patched" upstream_same
}

# The checks of the series itself.
series_checks() {
	check "$KVER: the patches apply (scripts/tree.sh)" "$LAB/scripts/tree.sh"
	check "$KVER: checkpatch --strict on every patch" checkpatch
	check "$KVER: every patch is signed off by its author" signed_off
	check "$KVER: the cover letter lists the series" cover_matches
	check "$KVER: send.sh: the private report, then a dry run addressing every message" send_dry_run
	if [ -n "$SRC_SUITE" ]; then
		rc=0
		"$LAB/scripts/lib/upstream-apply.sh" >"$BUILD/upstream.log" 2>&1 || rc=$?
		case $rc in
		0) check "$KVER: the series applies to the upstream tarball" cat "$BUILD/upstream.log" ;;
		3) skip "$KVER: upstream tarball: $(tail -n 1 "$BUILD/upstream.log")" ;;
		*) check "$KVER: the series applies to the upstream tarball" failed_with "$BUILD/upstream.log" ;;
		esac
	fi
}

# One kernel version: the series' checks, its main job, the checks of the
# main job's results.
version() {
	echo "== Linux $KVER: the series"
	series_checks
	echo "== Linux $KVER: main job"
	if check "$KVER: main job (apply, build, boot base and patched with MTE, run tests)" "$LAB/scripts/lab.sh"; then
		cat "$BUILD/run/table.txt"
		echo "== Linux $KVER: results"
		results_checks
		check "$KVER: W=1 and sparse: no new warning in the files the series touches" "$LAB/scripts/lib/warnings.sh"
	else
		not_run "$KVER: the checks of the main job's results"
	fi
}

# scripts/test.sh --results: only the checks of the last main job's
# results, for KVER (to see what they catch, without booting again);
# --series: only the checks of the series, for KVER.
case ${1:-} in
--results | --series)
	lab_lock
	"${1#--}_checks"
	summary
	exit
	;;
esac

lab_lock
mkdir -p "$LAB/build"
start=$(date +%s)
check "shellcheck on the lab scripts" lab_shellcheck
for v in $KVERS; do
	lab_paths "$v"
	lab_lock
	rc=0
	"$LAB/scripts/deps.sh" >"$BUILD/deps.log" 2>&1 || rc=$?
	case $rc in
	0) version ;;
	3) skip "Linux $KVER: $(tail -n 1 "$BUILD/deps.log")" ;;
	*) check "$KVER: scripts/deps.sh (see $BUILD/deps.log)" false ;;
	esac
done
results_md >"$LAB/docs/results.md"
summary
