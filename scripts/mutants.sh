#!/bin/sh
# The mutant table (slow): which runtime cases catch each patch.  For each
# patch of the stack that changes the kernel (a file outside tools/,
# Documentation/, scripts/, lib/tests/, lib/Kconfig.debug and MAINTAINERS),
# the stack with that patch reverted on top, built and booted in every lane
# (scripts/lib/lanes.sh), its results compared case by case (result, and
# what the call returned) with the patched kernel's in the same lanes, from
# the last main job (build/run/).  A patch is caught when a case differs on
# its mutant; a mutant that does not revert cleanly, does not build or does
# not boot catches nothing, and the table says which.  The record as a
# whole is the store-only lane's fixes-only kernel, which the main job
# boots and expected/$KVER.txt covers.
#   scripts/mutants.sh          every such patch; writes docs/mutants-$KVER.md
#   scripts/mutants.sh N...     only the Nth patches of the stack (1 is the
#                               first); the table goes to build/run/mutants/
# Ends with "N passed, N failed": a fix (a posting with Fixes: tags) that no
# case catches fails.  Per mutant: build/run/mutants/N.diff.
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

# The results of run $1 with run $2's name: one line a case, KUnit's and
# guest/stale.c's sequences too.
lane_results() {
	"$LAB/scripts/lib/results.sh" "$1" | sed "s/^/$2	/"
	grep -E '^stale\.[a-z0-9]+\.[a-z_-]+: ' "$BUILD/run/$1/out.txt" | sed "s/^/$2	stale	/" || true
	case " $KUNIT_RUNS " in *" $2 "*)
		"$LAB/scripts/lib/kunit.sh" "$1" | sed "s/^/$2	kunit	/" ;;
	esac
}
kernel_patch() {
	git -C "$KLAB" show --format= --name-only "$1" |
		grep -qv -e '^tools/' -e '^Documentation/' -e '^scripts/' -e '^lib/tests/' \
			-e '^lib/Kconfig.debug$' -e '^MAINTAINERS$'
}

all=$(git -C "$KLAB" rev-list --reverse base..lab)
if [ $# = 0 ]; then
	# shellcheck disable=SC2046 # one argument a patch
	set -- $(echo "$all" | awk '{ print NR }')
	table=$LAB/docs/mutants-$KVER.md
else
	table=$dir/table.md
fi
patched=$dir/patched.txt
for lane in $LANES; do
	case $lane in mte) r=patched ;; *) r=$lane-patched ;; esac
	lane_results "$r" "$r"
done | LC_ALL=C sort >"$patched"

{
	echo "# Mutants of the $KVER stack"
	echo
	echo "\`KVER=$KVER scripts/mutants.sh\`, $(date -u '+%Y-%m-%d %H:%M UTC'), on the stack whose"
	echo "tree is $(git -C "$KLAB" rev-parse 'lab^{tree}') (\`git rev-parse lab^{tree}\` in"
	echo "build/linux-lab).  Each row: the stack with one patch reverted on top,"
	echo "booted in the lanes $LANES; the cases whose result or return differs"
	echo "from the patched kernel's."
	echo
	echo "| # | patch | fix | caught by |"
	echo "|---|---|---|---|"
} >"$table"
pass=0 fail=0
for n; do
	c=$(echo "$all" | sed -n "${n}p")
	[ -n "$c" ] || die "mutants: the stack has no patch $n"
	kernel_patch "$c" || continue
	subj=$(git -C "$KLAB" log -1 --format=%s "$c")
	fix=no
	! git -C "$KLAB" log -1 --format=%B "$c" | grep -q '^Fixes: ' || fix=yes
	note "mutant $n: without \"$subj\""
	git -C "$tree" revert --abort >/dev/null 2>&1 || true
	git -C "$tree" checkout -q -f --detach lab
	what=
	if ! git -C "$tree" -c user.name="MTE lab" -c user.email=lab@localhost \
		revert --no-edit "$c" >"$dir/$n.log" 2>&1; then
		git -C "$tree" revert --abort >/dev/null 2>&1 || true
		what="not run: does not revert cleanly"
	elif ! "$LAB/scripts/lib/build-kernel.sh" "$tree" "$out" >>"$dir/$n.log" 2>&1; then
		what="not run: does not build (see build/run/mutants/$n.log)"
	else
		: >"$dir/$n.txt"
		for lane in $LANES; do
			case $lane in mte) r=m$n p=patched ;; *) r=$lane-m$n p=$lane-patched ;; esac
			boot_lane "$lane" "m$n" "$out/arch/arm64/boot/Image" >>"$dir/$n.log" 2>&1 ||
				{ what="not run: $(tail -n 1 "$dir/$n.log")" && break; }
			lane_results "$r" "$p" >>"$dir/$n.txt"
		done
		if [ -z "$what" ]; then
			LC_ALL=C sort -o "$dir/$n.txt" "$dir/$n.txt"
			diff "$patched" "$dir/$n.txt" >"$dir/$n.diff" || true
			k=$(grep '^>' "$dir/$n.diff" | cut -f 1,3 | sort -u | wc -l)
			what="$k cases: $(grep '^>' "$dir/$n.diff" | cut -f 1,3 | sort -u |
				head -n 5 | sed 's/^> //; s/	/ /' | paste -sd ';' -)"
			[ "$k" != 0 ] || what="nothing"
		fi
	fi
	echo "| $n | $subj | $fix | $what |" >>"$table"
	case $what in
	"nothing" | "not run"*)
		if [ "$fix" = yes ]; then fail=$((fail + 1)); else pass=$((pass + 1)); fi ;;
	*) pass=$((pass + 1)) ;;
	esac
	echo "mutant $n: $what"
done
cat "$table"
summary
