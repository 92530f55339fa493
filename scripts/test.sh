#!/bin/sh
# The whole test suite: the main job, then checks on its results and on the
# series.  Ends with "N passed, N failed"; exits non-zero on any failure.
# Runs for Linux 6.12 (patches/) and Linux 7.2 (patches-7.2/).  The checks
# that need more kernel builds are scripts/slow.sh's.
set -eu
# shellcheck source=scripts/common.sh
. "$(dirname -- "$0")/common.sh"

mkdir -p "$BUILD"

# Counts of one kernel's check_uaccess_fault results.
count() { # KERNEL livelock|wrong|pass [PROG]
	PROG=${3:-check_uaccess_fault} "$LAB/scripts/table.sh" "$1" | awk -v col="$2" '
		/^total/ { split($0, f, "|"); split(f[2], v, " ")
			   print (col == "livelock") ? v[1] : (col == "wrong") ? v[2] : v[3] }'
}

base_livelocks() { n=$(count base livelock "${1:-}"); echo "base live-locks: $n"; [ "$n" -gt 0 ]; }
base_gfs2_read() {
	for w in first mid last next; do
		grep -q "^not ok [0-9]* uaccess.gfs2_sync_$w.read\$" "$BUILD/run/base/out.txt" ||
			{ echo "gfs2_sync_$w.read did not fail on base"; return 1; }
	done
}
base_direct_small() {
	for t in inline_file hole; do
		grep -q "^not ok [0-9]* direct_small.gfs2.$t\$" "$BUILD/run/base/out.txt" ||
			{ echo "direct_small.gfs2.$t did not fail on base"; return 1; }
	done
}
patched_clean() { # [PROG]
	prog=${1:-check_uaccess_fault}
	l=$(count patched livelock "$prog") w=$(count patched wrong "$prog") p=$(count patched pass "$prog")
	rc=$(sed -n "s/^lab: end $prog rc=//p" "$BUILD/run/patched/out.txt")
	echo "patched: $l live-locks, $w wrong results, $p passed, exit status ${rc:-missing}"
	[ "$l" = 0 ] && [ "$w" = 0 ] && [ "$p" -gt 0 ] && [ "$rc" = 0 ]
}
# The KTAP result lines of one guest program on one kernel.
results() {
	sed -n "/^lab: begin $1\$/,/^lab: end $1 /p" "$BUILD/run/$2/out.txt" |
		grep -E '^(not )?ok [0-9]|^lab: end'
}
# An upstream MTE selftest gives the same results, case by case, on both.
same_result() {
	results "$1" base >"$BUILD/results.base"
	results "$1" patched >"$BUILD/results.patched"
	grep -q '^lab: end' "$BUILD/results.base" || { echo "$1 did not run on base"; return 1; }
	echo "$1: $(grep -c '^ok' "$BUILD/results.base") of $(grep -c 'ok [0-9]' "$BUILD/results.base") ok on base"
	diff "$BUILD/results.base" "$BUILD/results.patched"
}
# checkpatch --strict, run from the kernel tree.  Two findings are known
# false positives, allowed if the patch's own changelog explains them:
# FILE_PATH_CHANGES (new files under tools/testing/selftests/arm64/ and
# scripts/coccinelle/, which ARM64 PORT and COCCINELLE cover), and SPACING
# on the '*' of kselftest_harness.h types (FIXTURE_VARIANT(x) *v).
checkpatch() {
	bad=0
	for p in "$PATCHES"/0*.patch; do
		case $p in */0000-cover-letter.patch) continue ;; esac
		out=$(cd "$KSRC" && scripts/checkpatch.pl --strict --quiet --show-types "$p" 2>&1 |
			grep -E '^(ERROR|WARNING|CHECK):') || true
		known=$(echo "$out" | grep -E "^WARNING:FILE_PATH_CHANGES:|^CHECK:SPACING: spaces preferred around that '\*' \(ctx:WxV\)") || true
		out=$(echo "$out" | grep -vxF "$known") || true
		if [ -n "$out" ]; then
			echo "$(basename "$p"): $out"
			bad=1
		fi
		log=$(sed '/^---$/q' "$p" | tr '\n' ' ')
		for t in FILE_PATH_CHANGES:MAINTAINERS SPACING:SPACING; do
			if echo "$known" | grep -q ":${t%%:*}:" && ! echo "$log" | grep -q "checkpatch.*${t#*:}"; then
				echo "$(basename "$p"): ${t%%:*} not explained in its changelog"
				bad=1
			fi
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
	grep -q "^Subject: \[PATCH 0*0/$n\]" "$cover" || { echo "cover letter is not 0/$n"; return 1; }
	for p in "$PATCHES"/0*.patch; do
		case $p in */0000-cover-letter.patch) continue ;; esac
		subj=$(sed -n '/^Subject: /{N;s/\n//;s/^Subject: \[PATCH [0-9]*\/[0-9]*\] //;p;q}' "$p" |
			sed 's/  */ /g')
		tr '\n' ' ' <"$cover" | sed 's/  */ /g' | grep -qF "$subj" ||
			{ echo "cover letter does not list: $subj"; return 1; }
	done
}
# The stress test: on base, recoverable faults complete (the test does not
# fail for nothing) and the mixed run live-locks on gfs2.
stress_base() {
	results check_uaccess_stress base >"$BUILD/results.base"
	cat "$BUILD/results.base"
	for fs in tmpfs gfs2 btrfs; do
		grep -q "^ok [0-9]* stress.$fs.recoverable\$" "$BUILD/results.base" ||
			{ echo "stress.$fs.recoverable failed on base"; return 1; }
	done
	grep -q '^not ok [0-9]* stress.gfs2.mixed$' "$BUILD/results.base" &&
		sed -n '/^# *RUN *stress.gfs2.mixed/,/^not ok/p' "$BUILD/run/base/out.txt" | grep -q 'live-lock'
}
# The series as it would be sent: every message of the dry run has a To.
send_dry_run() {
	"$LAB/scripts/send.sh"
	f=$BUILD/send/dry-run.txt
	n=$(find "$PATCHES" -name '0*.patch' | wc -l)
	ok=$(grep -c '^Result: OK$' "$f") || true
	to=$(grep -c '^To: .*@' "$f") || true
	cc=$(grep -c '^Cc: .*@' "$f") || true
	echo "$n patches: $ok messages OK, $to with To:, $cc with Cc: (see $f)"
	[ "$ok" = "$n" ] && [ "$to" = "$n" ] && [ "$cc" = "$n" ]
}
# The KUnit suite ran at boot of the patched kernel and every case passed.
kunit_passes() {
	f=$BUILD/run/patched/kunit.txt
	n=$(grep -cE '^ +ok [0-9]' "$f") || true
	echo "KUnit uaccess_fault: $n cases ok"
	grep -E '^ +not ok [0-9]' "$f" && return 1
	[ "$n" -gt 0 ] && grep -qE '^ok [0-9]+ uaccess_fault$' "$f"
}
# The futex test: FUTEX_LOCK_PI spins on base (unprivileged); all pass patched.
futex_base_spins() {
	results unpriv:check_futex_fault base >"$BUILD/results.base"
	cat "$BUILD/results.base"
	grep -q '^not ok 1 futex.private.lock_pi$' "$BUILD/results.base" &&
		grep -q 'live-lock: private futex' "$BUILD/run/base/out.txt"
}
futex_patched_passes() {
	results unpriv:check_futex_fault patched >"$BUILD/results.patched"
	cat "$BUILD/results.patched"
	! grep -q '^not ok' "$BUILD/results.patched" &&
		grep -q '^lab: end unpriv:check_futex_fault rc=0$' "$BUILD/results.patched"
}
# The Coccinelle script, from the patched tree, on the files that call
# fault_in_*() in TREE; its report goes to build/cocci-NAME.txt.
cocci() { # TREE NAME
	files=$(cd "$1" && git grep -l -e 'fault_in_' -- '*.c' ':!tools')
	# shellcheck disable=SC2086
	(cd "$1" && srctree=$1 spatch -D report --very-quiet --no-includes --include-headers \
		-j "$JOBS" --cocci-file "$BUILD/linux-lab/scripts/coccinelle/misc/fault_in_retry.cocci" \
		$files) | sort >"$BUILD/cocci-$2.txt"
	cat "$BUILD/cocci-$2.txt"
}
cocci_base_finds() {
	cocci "$KBASE" base
	echo "$(wc -l <"$BUILD/cocci-base.txt") loops reported on base"
	grep -q '^fs/gfs2/file.c:' "$BUILD/cocci-base.txt" &&
		grep -q '^fs/gfs2/inode.c:' "$BUILD/cocci-base.txt" &&
		grep -q '^kernel/futex/' "$BUILD/cocci-base.txt"
}
cocci_patched_clean() {
	cocci "$BUILD/linux-lab" patched
	[ ! -s "$BUILD/cocci-patched.txt" ]
}
lab_shellcheck() {
	(cd "$LAB" && shellcheck -x -s sh scripts/*.sh guest/init .ci/run)
}

# One kernel version: its main job, then the checks on its results and on
# its series.
version() {
	mkdir -p "$BUILD"
	echo "== Linux $KVER: main job"
	check "$KVER: main job (apply, build, boot base and patched with MTE, run tests)" "$LAB/scripts/lab.sh"
	cat "$BUILD/run/table.txt" 2>/dev/null || true
	echo "== Linux $KVER: checks"
	check "$KVER: base kernel live-locks (the test can fail)" base_livelocks
	check "$KVER: base kernel: gfs2 read() live-locks at every bad-granule position" base_gfs2_read
	check "$KVER: base kernel: gfs2 O_DIRECT read of a stuffed file and of a hole live-locks" base_direct_small
	check "$KVER: patched kernel: no live-lock, no wrong result" patched_clean
	check "$KVER: unprivileged: the base kernel live-locks" base_livelocks unpriv:check_uaccess_fault
	check "$KVER: unprivileged: patched kernel, no live-lock, no wrong result" patched_clean unpriv:check_uaccess_fault
	for t in check_buffer_fill check_child_memory check_gcr_el1_cswitch check_hugetlb_options \
		check_ksm_options check_mmap_options check_prctl check_tags_inclusion check_user_mem; do
		check "$KVER: upstream MTE selftest $t: same result on base and patched" same_result "$t"
	done
	check "$KVER: stress: base completes recoverable faults, live-locks on gfs2 with bad granules" stress_base
	check "$KVER: stress: patched kernel, no live-lock, no wrong result" patched_clean check_uaccess_stress
	check "$KVER: KUnit suite uaccess_fault passes at boot of the patched kernel" kunit_passes
	check "$KVER: futex: unprivileged FUTEX_LOCK_PI spins on the base kernel" futex_base_spins
	check "$KVER: futex: every case passes on the patched kernel" futex_patched_passes
	check "$KVER: Coccinelle: lists the gfs2 and futex retry loops on base" cocci_base_finds
	check "$KVER: Coccinelle: reports nothing on the patched tree" cocci_patched_clean
	check "$KVER: W=1 and sparse: no new warning in the files the series touches" "$LAB/scripts/warnings.sh"
	check "$KVER: checkpatch --strict on every patch" checkpatch
	check "$KVER: every patch is signed off by its author" signed_off
	check "$KVER: the cover letter lists the series" cover_matches
	check "$KVER: send.sh: a dry run addresses every message To and Cc get_maintainer.pl" send_dry_run
}

version
# The series for sending, on the newest Linux Debian has.  If its source
# package cannot be downloaded, that is one line and one skip.
lab_paths 7.2
rc=0
"$LAB/scripts/deps.sh" >"$BUILD.deps.log" 2>&1 || rc=$?
case $rc in
0) version ;;
3) skip "Linux $KVER: $(tail -n 1 "$BUILD.deps.log")" ;;
*) check "$KVER: scripts/deps.sh (see $BUILD.deps.log)" false ;;
esac
lab_paths 6.12
check "shellcheck on the lab scripts" lab_shellcheck

summary
