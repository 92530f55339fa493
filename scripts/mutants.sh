#!/bin/sh
# The mutant table (slow): which runtime cases catch each patch.  For each
# patch of the stack that changes the kernel (kernel_patch in common.sh), a
# kernel without that patch (git revert on top), built, booted in every
# lane (scripts/lib/lanes.sh), and its results compared case by case
# (result, what the call returned, guest/stale.c's bytes, KUnit) with the
# kernel it was taken from:
#  - a fix is taken out of the fixes-only stack (the stack without its RFC
#    postings), since the fixes are merged on their own and the record
#    would end some of their loops too; the reference is the fixes-only
#    kernel, booted here in the lanes the main job does not boot it in;
#  - a patch of the RFC postings is taken out of the whole stack; the
#    reference is the patched kernel of the last main job (build/run/).
# The kcore fix's case needs /proc/kcore, which the lanes' kernels leave
# out: its mutant is built with CONFIG_PROC_KCORE=y and runs guest/kcore.c
# alone, in the MTE lane, against what scripts/kcore.sh requires of a
# kernel with the fix (expected/kcore.txt).
# A patch is caught when a case differs on its mutant; a mutant that does
# not revert cleanly, does not build or does not boot catches nothing, and
# the table says which.  A fix that no lab case can exercise
# (untestable_fix in common.sh) gets a row that says why, and no mutant.
# The record as a whole is the fixes-only kernel of the store-only lane,
# which the main job boots and expected/ covers.
#   scripts/mutants.sh          every such patch
#   scripts/mutants.sh N...     only the Nth patches of the stack (1 is the
#                               first)
# Either way the rows go to docs/mutants-$KVER.md, which has a row for
# every such patch and names the stack's tree: rows of the same tree are
# kept, a table of another tree starts again from "not run yet".  The test
# command checks that the table is the stack's, rather than rerunning it.
# Ends with "N passed, N failed": a fix (a patch with a Fixes: tag) that no
# case catches fails.  Per mutant: build/run/mutants/N.{log,txt,diff}.
set -eu
# shellcheck source=scripts/lib/common.sh
. "$(dirname -- "$0")/lib/common.sh"
lab_lock
# shellcheck source=scripts/lib/lanes.sh
. "$LAB/scripts/lib/lanes.sh"

for r in $RUNS; do
	[ -f "$BUILD/run/$r/out.txt" ] || die "mutants: no results of $r (run scripts/lab.sh first)"
done
tree=$BUILD/linux-mutant out=$BUILD/out-mutant dir=$BUILD/run/mutants
[ -d "$tree" ] || git -C "$KSRC" worktree add -q --detach "$tree" lab
mkdir -p "$dir"
rfc=$(rfc_commits)
all=$(git -C "$KLAB" rev-list --reverse base..lab)
nfix=$(($(echo "$all" | wc -l) - rfc))

# The results of run $1 under run $2's name: one line a case, guest/stale.c's
# sequences and KUnit's cases too.
lane_results() {
	"$LAB/scripts/lib/results.sh" "$1" | sed "s/^/$2	/"
	grep -E '^stale\.[a-z0-9]+\.[a-z_-]+: ' "$BUILD/run/$1/out.txt" | sed "s/^/$2	stale	/" || true
	# KUnit's suite comes with the record (6.12's stack has none).
	case " $KUNIT_RUNS " in *" $2 "*)
		! has_record || "$LAB/scripts/lib/kunit.sh" "$1" | sed "s/^/$2	kunit	/" ;;
	esac
}
# The results of kernel $1 in every lane, under kernel $2's names.
kernel_results() {
	for lane in $LANES; do
		lane_results "$(lane_run "$lane" "$1")" "$(lane_run "$lane" "$2")"
	done | LC_ALL=C sort
}
# Boot kernel $1 (an Image) as $2 in every lane; fails with the reason.
boot_lanes() {
	for lane in $LANES; do
		boot_lane "$lane" "$2" "$1" >>"$dir/boot.log" 2>&1 || { tail -n 1 "$dir/boot.log"; return 1; }
	done
}

# guest/kcore.c's lines (on standard input) as cases of run $1.
kcore_cases() {
	grep '^kcore: ' | sed "s/^kcore: \([^:]*\): /$1	kcore	\1	/"
}
# Build the reverted tree, boot it as run $2 and compare its cases with
# those of run $3 in $dir/$1.diff (mutant $1); prints why if it can't.
run_mutant() {
	img=$out/arch/arm64/boot/Image
	if [ "$subj" = "$KCORE_FIX" ]; then
		img=$out-kcore/arch/arm64/boot/Image
		"$LAB/scripts/lib/build-kernel.sh" "$tree" "$out-kcore" CONFIG_PROC_KCORE=y >>"$dir/$1.log" 2>&1 ||
			{ echo "does not build (build/run/mutants/$1.log)" && return 1; }
		"$LAB/scripts/lib/boot.sh" "$2" "$img" kcore >>"$dir/boot.log" 2>&1 ||
			{ tail -n 1 "$dir/boot.log" && return 1; }
		kcore_expected fix | kcore_cases "$3" >"$dir/ref-kcore.txt"
		kcore_cases "$3" <"$BUILD/run/$2/out.txt" >"$dir/$1.txt"
		diff "$dir/ref-kcore.txt" "$dir/$1.txt" >"$dir/$1.diff" || true
		return
	fi
	"$LAB/scripts/lib/build-kernel.sh" "$tree" "$out" >>"$dir/$1.log" 2>&1 ||
		{ echo "does not build (build/run/mutants/$1.log)" && return 1; }
	boot_lanes "$img" "$2" || return 1
	kernel_results "$2" "$3" >"$dir/$1.txt"
	diff "$dir/ref-$3.txt" "$dir/$1.txt" >"$dir/$1.diff" || true
}

# shellcheck disable=SC2046 # one argument a patch
[ $# != 0 ] || set -- $(echo "$all" | awk '{ print NR }')
table=$LAB/docs/mutants-$KVER.md
tree_id=$(git -C "$KLAB" rev-parse 'lab^{tree}')
: >"$dir/boot.log"
rm -f "$dir"/row.*
kernel_results patched patched >"$dir/ref-patched.txt"
need_fixes=no
for n; do [ "$rfc" = 0 ] || [ "$n" -gt "$nfix" ] || need_fixes=yes; done
if [ "$need_fixes" = yes ]; then
	note "mutants: the fixes-only kernel, the fixes' reference, in the lanes $LANES"
	"$LAB/scripts/lib/build-fixes-only.sh"
	img=$BUILD/out-fixes/arch/arm64/boot/Image
	for lane in $LANES; do
		# Booted again only if its image or the guest's programs changed.
		r=$BUILD/run/$(lane_run "$lane" fixes)/out.txt
		[ "$lane" = so ] || { [ -n "$(find "$r" -newer "$img" 2>/dev/null)" ] &&
			[ -n "$(find "$r" -newer "$BUILD/guest/initramfs.cpio" 2>/dev/null)" ]; } ||
			boot_lane "$lane" fixes "$img"
	done
	kernel_results fixes fixes >"$dir/ref-fixes.txt"
fi

pass=0 fail=0
for n; do
	c=$(echo "$all" | sed -n "${n}p")
	[ -n "$c" ] || die "mutants: the stack has no patch $n"
	kernel_patch "$c" || continue
	subj=$(git -C "$KLAB" log -1 --format=%s "$c")
	fix=no
	! git -C "$KLAB" log -1 --format=%B "$c" | grep -q '^Fixes: ' || fix=yes
	if why=$(untestable_fix "$subj"); then
		echo "| $n | $subj | $fix | - | $(date -u +%F) | $why |" >"$dir/row.$n"
		skip "mutant $n: $why"
		continue
	fi
	if [ "$n" -le "$nfix" ] && [ "$rfc" -gt 0 ]; then
		from="lab~$rfc" ref=fixes name=f$n
	else
		from=lab ref=patched name=m$n
	fi
	note "mutant $n: $from without \"$subj\""
	git -C "$tree" revert --abort >/dev/null 2>&1 || true
	git -C "$tree" checkout -q -f --detach "$from"
	what=
	if ! git -C "$tree" -c user.name="MTE lab" -c user.email=lab@localhost \
		revert --no-edit "$c" >"$dir/$n.log" 2>&1; then
		git -C "$tree" revert --abort >/dev/null 2>&1 || true
		what="not run: does not revert cleanly"
	elif ! why=$(run_mutant "$n" "$name" "$ref"); then
		what="not run: $why"
	else
		cases=$(grep '^[<>]' "$dir/$n.diff" | cut -f 1-3 | sed 's/^[<>] //' | LC_ALL=C sort -u)
		k=$(echo "$cases" | grep -c .) || true
		what="nothing"
		word=cases
		[ "$k" != 1 ] || word=case
		[ "$k" = 0 ] || what="$k $word: $(echo "$cases" | head -n 5 | tr '\t' ' ' | paste -sd ';' -)"
	fi
	echo "| $n | $subj | $fix | $from | $(date -u +%F) | $(echo "$what" | tr '|' '/') |" >"$dir/row.$n"
	echo "mutant $n: $what"
	case $what in
	"nothing" | "not run"*) [ "$fix" = no ] || { fail=$((fail + 1)) && continue; } ;;
	esac
	pass=$((pass + 1))
done

# The table: this run's rows, then the rows of the same tree kept, then
# "not run yet".
old=
! grep -qx "tree $tree_id\." "$table" 2>/dev/null || old=$table
{
	echo "# Mutants of the $KVER stack"
	echo
	echo "\`KVER=$KVER scripts/mutants.sh [N...]\`, on the stack whose tree"
	echo "(\`git rev-parse lab^{tree}\` in build/linux-lab) is"
	echo "tree $tree_id."
	echo "Each row: a fix reverted on the fixes-only stack, or an RFC patch"
	echo "reverted on the whole stack, built and booted in the lanes $LANES"
	echo "(the kcore fix's: with /proc/kcore, running guest/kcore.c alone);"
	echo "the cases whose result, return or bytes differ from that stack's."
	echo
	echo "| # | patch | fix | taken from | run on | caught by |"
	echo "|---|---|---|---|---|---|"
	i=0
	for c in $all; do
		i=$((i + 1))
		kernel_patch "$c" || continue
		if [ -f "$dir/row.$i" ]; then
			cat "$dir/row.$i"
		elif [ -n "$old" ] && grep "^| $i | " "$old"; then
			:
		else
			echo "| $i | $(git -C "$KLAB" log -1 --format=%s "$c") | - | - | - | not run yet |"
		fi
	done
} >"$dir/table.md"
cp "$dir/table.md" "$table"
cat "$table"
summary
