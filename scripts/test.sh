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
	for p in $(stack_patches); do
		# Debian's python3 first: spdxcheck.py needs its python3-ply.
		out=$(cd "$KLAB" && PATH=/usr/bin:$PATH scripts/checkpatch.pl --strict \
			--show-types --ignore UNKNOWN_COMMIT_ID "$p" 2>&1) || true
		echo "$out" | grep -q '^total: [0-9]* errors' ||
			{ echo "${p#"$PATCHES"/}: checkpatch did not run: $out" | head -n 5; bad=1; continue; }
		if echo "$out" | grep -E '^(ERROR|WARNING):'; then
			bad=1
		fi
		notes=$(sed -n '/^---$/,/^ [^ ].* | /p' "$p")
		for t in $(echo "$out" | sed -n 's/^CHECK:\([A-Z_]*\):.*/\1/p' | sort -u); do
			echo "$notes" | grep -q "$t" ||
				{ echo "${p#"$PATCHES"/}: CHECK:$t not explained below ---"; bad=1; }
		done
	done
	[ "$bad" = 0 ]
}
# Every patch is from the placeholder identity and signed off by it, and
# by no one else: scripts/send.sh signs for the sender.
placeholder_signed() {
	who="$PLACEHOLDER_NAME <$PLACEHOLDER_EMAIL>"
	for p in $(stack_patches); do
		from=$(awk '/^From: / { s = $0; while ((getline l) > 0 && l ~ /^[ \t]/) s = s l; print s; exit }' "$p" |
			sed 's/^From: *//; s/[[:space:]][[:space:]]*/ /g')
		[ "$from" = "$who" ] || { echo "${p#"$PATCHES"/}: From: $from"; return 1; }
		[ "$(grep '^Signed-off-by: ' "$p")" = "Signed-off-by: $who" ] ||
			{ echo "${p#"$PATCHES"/}: not signed off by $who alone"; return 1; }
	done
}
# patches/ holds the folders of postings.txt and nothing else; each cover
# letter is [PREFIX 0/N] and lists exactly its posting's patches.
covers_match() {
	want=$(postings | cut -f 1)
	have=$(find "$PATCHES" -mindepth 1 -maxdepth 1 | sed 's|.*/||' | sort)
	[ "$want" = "$have" ] || { echo "postings.txt lists: $want; $PATCHES holds: $have"; return 1; }
	postings | while IFS='	' read -r dir _n _after _send prefix; do
		cover=$PATCHES/$dir/0000-cover-letter.patch
		! grep -q '\*\*\* \(SUBJECT\|BLURB\) HERE' "$cover" || { echo "$dir: template text left"; return 1; }
		n=$(posting_patches "$dir" | wc -l)
		grep -q "^Subject: \[$prefix 0*0/$n\]" "$cover" || { echo "$dir: cover letter is not [$prefix 0/$n]"; return 1; }
		for p in $(posting_patches "$dir"); do
			subj=$(sed -n '/^Subject: /{N;s/\n//;s/^Subject: \[[^]]*\] //;p;q}' "$p" | sed 's/  */ /g')
			tr '\n' ' ' <"$cover" | sed 's/  */ /g' | grep -qF "$subj" ||
				{ echo "$dir: cover letter does not list: $subj"; return 1; }
		done
	done
}
# No line of a cover letter's text starts like a trailer (Cc:, To:,
# Fixes:, Link:, ...-by:): git send-email would take it for an address.
covers_clean() {
	bad=0
	for c in "$PATCHES"/*/0000-cover-letter.patch; do
		if sed '1,/^$/d' "$c" | grep -inE '^(cc|to|from|bcc|fixes|link|closes|[a-z-]+-by):'; then
			echo "in ${c#"$PATCHES"/}"
			bad=1
		fi
	done
	[ "$bad" = 0 ]
}
# Each posting applies (git am) on its own base: the release, with the
# postings it names as needed applied first.
postings_apply() {
	for dir in $(postings | cut -f 1); do
		posting_tree "$BUILD/linux-am" "$dir" || return 1
		echo "$dir applies on its base"
	done
}
# scripts/send.sh with the git identity in file $1 (none: an empty one).
send_as() {
	GIT_CONFIG_GLOBAL=$1 GIT_CONFIG_NOSYSTEM=1 "$LAB/scripts/send.sh"
}
# send.sh refuses to send without an identity, with the placeholder's, or
# with an address under a reserved domain.
send_refuses() {
	t=$BUILD/send-ids
	mkdir -p "$t"
	: >"$t/none"
	git config -f "$t/placeholder" user.name "$PLACEHOLDER_NAME"
	git config -f "$t/placeholder" user.email "$PLACEHOLDER_EMAIL"
	git config -f "$t/reserved" user.name "Nobody"
	git config -f "$t/reserved" user.email "nobody@mail.example"
	for id in none placeholder reserved; do
		if send_as "$t/$id" >"$t/$id.log" 2>&1; then
			echo "send.sh sent with the $id identity"
			return 1
		fi
		echo "$id: $(tail -n 1 "$t/$id.log")"
	done
}
# send.sh as a sender would run it (a test identity): the private report
# first (mainline), then a dry run of each posting that addresses every
# message, signed by the sender, with no placeholder left.
send_dry_run() {
	t=$BUILD/send-ids
	mkdir -p "$t"
	git config -f "$t/sender" user.name "Lab Dry Run"
	git config -f "$t/sender" user.email "dry-run@lab.localdomain"
	send_as "$t/sender" >"$t/sender.log" 2>&1 || failed_with "$t/sender.log" || return 1
	out=$BUILD/send
	[ -n "$STABLE_LIST" ] || grep -q '^Dry-OK\|^Result: OK' "$out/security/dry-run.txt" ||
		{ echo "no private report"; return 1; }
	! grep -rlF -e "$PLACEHOLDER_NAME" -e "$PLACEHOLDER_EMAIL" "$out" || return 1
	postings | while IFS='	' read -r dir _n _after send _prefix; do
		if [ "$send" != yes ]; then
			[ ! -e "$out/$dir" ] || { echo "$dir is not for sending, but was prepared"; return 1; }
			continue
		fi
		f=$out/$dir/dry-run.txt
		n=$(find "$PATCHES/$dir" -name '0*.patch' | wc -l)
		ok=$(grep -c '^Result: OK$' "$f") || true
		to=$(grep -c '^To: .*@' "$f") || true
		from=$(grep -c '^From: Lab Dry Run <dry-run@lab.localdomain>$' "$f") || true
		sob=$(grep -l '^Signed-off-by: Lab Dry Run <dry-run@lab.localdomain>$' "$out/$dir"/0*.patch | wc -l)
		echo "$dir: $n messages, $ok OK, $to with To:, $from from the sender, $sob signed by the sender"
		[ "$ok" = "$n" ] && [ "$to" = "$n" ] && [ "$from" = "$n" ] && [ "$sob" = $((n - 1)) ] || return 1
		[ -z "$STABLE_LIST" ] ||
			[ "$(awk '/^[ \t]/ { h = h $0; next } { print h; h = $0 } END { print h }' "$f" |
				grep -c "^To: .*$STABLE_LIST")" = "$n" ] ||
			{ echo "$dir: not every message is to $STABLE_LIST"; return 1; }
	done
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
# console.sh finds the report in a console log that holds a WARN_ON's
# (expected/console-warn.log, the lines a WARN_ON prints), and none in the
# same log without it: the check of the patched console can fail.
console_check_bites() {
	d=$BUILD/run/console-check
	rm -rf "$d"
	mkdir -p "$d"
	cp "$LAB/expected/console-warn.log" "$d/console.log"
	n=$("$LAB/scripts/lib/console.sh" console-check | wc -l)
	grep -v 'WARNING:' "$LAB/expected/console-warn.log" >"$d/console.log"
	m=$("$LAB/scripts/lib/console.sh" console-check | wc -l)
	echo "$n reports in the log with the WARN, $m without it"
	[ "$n" = 1 ] && [ "$m" = 0 ]
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
# guest/stale.c: the fixes-only and the patched kernel report the same
# results and bytes for every sequence, and for each call alone.
stale_same() {
	for k in so-fixes so-patched; do
		# Its "# " lines, without the prefix that guest/init takes off.
		grep -E '^stale\.[a-z0-9]+\.[a-z_-]+: ' "$BUILD/run/$k/out.txt" >"$BUILD/run/stale.$k" || true
	done
	[ -s "$BUILD/run/stale.so-fixes" ] || { echo "stale did not run on so-fixes"; return 1; }
	echo "$(wc -l <"$BUILD/run/stale.so-fixes") sequences"
	diff "$BUILD/run/stale.so-fixes" "$BUILD/run/stale.so-patched"
}
# docs/mutants-$KVER.md (scripts/mutants.sh, in the slow command) is this
# stack's: it names the stack's tree, has a row for each patch that changes
# the kernel, and no fix that was run caught nothing (a fix no lab case can
# exercise says why, untestable_fix in common.sh).  Rows not run yet are
# listed.
mutants_current() {
	t=$LAB/docs/mutants-$KVER.md
	[ -f "$t" ] || { echo "no docs/mutants-$KVER.md: run KVER=$KVER scripts/mutants.sh"; return 1; }
	tree=$(git -C "$KLAB" rev-parse 'lab^{tree}')
	grep -qx "tree $tree\." "$t" ||
		{ echo "docs/mutants-$KVER.md is not of this stack (tree $tree): run scripts/mutants.sh"; return 1; }
	rows=$(grep -c '^| [0-9]* | ' "$t") || true
	want=$(git -C "$KLAB" rev-list base..lab | while read -r c; do
		! kernel_patch "$c" || echo "$c"
	done | wc -l)
	echo "$rows rows for $want patches that change the kernel; run on $(grep -o '^| [0-9]* | .* | [0-9-]* | ' "$t" |
		awk -F' [|] ' '{ print $(NF - 1) }' | sort -u | paste -sd ' ' -)"
	grep '| not run yet |$' "$t" || true
	grep '| not testable here: ' "$t" || true
	[ "$rows" = "$want" ] || return 1
	! grep '| yes | [^|]* | [0-9-]* | \(nothing\|not run:[^|]*\) |$' "$t"
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
		if [ -f "$LAB/docs/mutants-$KVER.md" ]; then
			echo "The mutant table (docs/mutants-$KVER.md, \`KVER=$KVER scripts/mutants.sh\`," \
				"in the slow command; this run checked that it is the stack's):"
			echo
			sed '1,2d' "$LAB/docs/mutants-$KVER.md"
			echo
		fi
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
	check "$KVER: the console check finds a canned WARN" console_check_bites
	check "$KVER: no report on the patched kernel's console" console_clean
	check "$KVER: every boot mounted gfs2 and btrfs" mounts
	check "$KVER: the patched guest powered off by itself" powered_off
	check "$KVER: upstream MTE selftests: same results on base and patched" upstream_same
	[ -z "$STORE_ONLY" ] ||
		check "$KVER: never worse: stale sequences give the same on fixes-only and patched" stale_same
}

# The checks of the series itself.
series_checks() {
	check "$KVER: the stack applies (scripts/tree.sh)" "$LAB/scripts/tree.sh"
	check "$KVER: each posting applies on its own base" postings_apply
	check "$KVER: checkpatch --strict on every patch" checkpatch
	check "$KVER: every patch is from and signed off by the placeholder only" placeholder_signed
	check "$KVER: one folder per posting, each cover letter lists its posting" covers_match
	check "$KVER: no cover letter line reads as a trailer" covers_clean
	check "$KVER: send.sh refuses no identity, the placeholder, a reserved domain" send_refuses
	check "$KVER: send.sh as a sender: report first, each posting addressed and signed" send_dry_run
	# Without the record a missing table is a named skip, never a pass.
	if [ -f "$LAB/docs/mutants-$KVER.md" ] || has_record; then
		check "$KVER: the mutant table (docs/mutants-$KVER.md) is this stack's" mutants_current
	else
		skip "$KVER: no mutant table yet (KVER=$KVER scripts/mutants.sh writes docs/mutants-$KVER.md)"
	fi
	# Its rows not run on this tree yet are skips, named, never passes.
	notrun=$(grep '| not run yet |$' "$LAB/docs/mutants-$KVER.md" 2>/dev/null |
		cut -d '|' -f 2 | tr -d ' ' | paste -sd ' ' -) || true
	[ -z "$notrun" ] ||
		skip "$KVER: mutant table rows not run on this tree yet: $notrun (scripts/mutants.sh $notrun)"
	[ ! -f "$KLAB/scripts/coccinelle/misc/fault_in_retry.cocci" ] ||
		check "$KVER: the audit's table has a row for each loop its semantic patch reports" \
			"$LAB/scripts/lib/audit.sh"
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
	3) not_run "Linux $KVER cannot be tested: $(tail -n 1 "$BUILD/deps.log")" ;;
	*) check "$KVER: scripts/deps.sh (see $BUILD/deps.log)" false ;;
	esac
done
results_md >"$LAB/docs/results.md"
summary
