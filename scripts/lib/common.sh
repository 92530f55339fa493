# shellcheck shell=sh disable=SC2034
# Paths and settings shared by every lab script.  Sourced, never run.

# The lab's top folder: commands are in scripts/, helpers in scripts/lib/.
case $(dirname -- "$0") in
*/lib) LAB=$(CDPATH='' cd -- "$(dirname -- "$0")/../.." && pwd) ;;
*) LAB=$(CDPATH='' cd -- "$(dirname -- "$0")/.." && pwd) ;;
esac
# The kernel the lab works on, KVER, and where its files are: the one
# table of versions.  7.3 (the default) is mainline 7.3-rc7, the postings
# for LKML: patches/, built under build/, source package linux-source-7.3
# from Debian experimental.  6.12 is the long-term-stable backport of the
# fixes: patches-6.12/, built under build/6.12/, Debian 12's
# linux-source-6.12.  GCS_SUBTARGET is the arm64 kselftest subtarget of
# the GCS lane, empty where the kernel has no GCS (6.12).  STORE_ONLY is
# set where the kernel has MTE's store-only tag checking (7.3): the lab then
# runs the store-only lane.  NEW_SPARSE is set where Debian 12's sparse
# (0.6.4) cannot parse the kernel's headers (7.3 uses __typeof_unqual__),
# and the kernel would then turn C=2 off with only a warning: the lab runs
# Debian unstable's sparse instead (scripts/lib/sparse.sh).  STABLE_LIST is
# the list that stable backports are sent to, empty for mainline.  SERIES
# holds what the export writes into the patches: postings.txt (the
# folders, in the order they apply, with their subject prefixes), one
# cover letter a folder and the notes below the patches' "---".  Every other path
# follows from BUILD and PATCHES.  A script that works on both calls
# lab_paths again.
KVERS="7.3 6.12"
lab_paths() {
	KVER=$1
	case $KVER in
	7.3) BUILD=${LAB_BUILD:-$LAB/build} PATCHES=$LAB/patches SRC_SUITE=experimental
	     GCS_SUBTARGET=gcs STORE_ONLY=yes NEW_SPARSE=yes STABLE_LIST='' ;;
	6.12) BUILD=${LAB_BUILD:-$LAB/build}/6.12 PATCHES=$LAB/patches-6.12 SRC_SUITE=
	      GCS_SUBTARGET='' STORE_ONLY='' NEW_SPARSE='' STABLE_LIST=stable@vger.kernel.org ;;
	*) echo "error: KVER=$KVER: the lab knows $KVERS" >&2 && exit 1 ;;
	esac
	SERIES=$LAB/series/$KVER
	SRC_PKG=linux-source-$KVER
	KSRC=$BUILD/linux              # git tree: base commit + series on branch "series"
	KBASE=$BUILD/linux-base        # worktree at the base commit
	KLAB=$BUILD/linux-lab          # worktree at base + git am of the stack
	# The main job's boots (build/run/NAME): base and patched under QEMU
	# 10, and where the kernel has GCS, both again under QEMU 11; where it
	# has store-only tag checking, base, fixes-only and patched under
	# QEMU 11 (the store-only lane).
	RUNS="base patched${GCS_SUBTARGET:+ gcs-base gcs-patched}${STORE_ONLY:+ so-base so-fixes so-patched}"
	# The boots whose KUnit results are reported.
	KUNIT_RUNS="patched${STORE_ONLY:+ so-patched}"
	export KVER
}
lab_paths "${KVER:-7.3}"
# Source packages from a suite newer than Debian 12's (SRC_SUITE) are
# downloaded and unpacked here, never installed (see scripts/deps.sh).
SUITE_DIR=${LAB_SUITE_DIR:-/var/cache/mte-lab/suites}
QEMU_ROOT=${LAB_QEMU_ROOT:-/var/cache/mte-lab/trixie}
# Debian unstable's root: QEMU 11, which emulates FEAT_GCS (the GCS lane),
# and sparse 0.6.5~rc1 (NEW_SPARSE).
GCS_QEMU_ROOT=${LAB_GCS_QEMU_ROOT:-/var/cache/mte-lab/sid}
BUSYBOX_DIR=${LAB_BUSYBOX_DIR:-/var/cache/mte-lab/busybox}
# The source tarball of KVER: installed (Debian 12) or unpacked from SRC_SUITE.
src_tarball() {
	if [ -n "$SRC_SUITE" ]; then
		echo "$SUITE_DIR/$SRC_SUITE/root/usr/src/$SRC_PKG.tar.xz"
	else
		echo "/usr/src/$SRC_PKG.tar.xz"
	fi
}
# apt-get on SRC_SUITE alone, with the sources list and state that
# scripts/deps.sh made under $SUITE_DIR/$SRC_SUITE.
suite_apt() {
	d=$SUITE_DIR/$SRC_SUITE
	apt-get -qq -o Dir::Etc::sourcelist="$d/suite.sources" -o Dir::Etc::sourceparts=- \
		-o Dir::State::Lists="$d/lists" -o Dir::Cache="$d/cache" \
		-o Acquire::Check-Valid-Until=false "$@"
}
CCACHE_DIR=${CCACHE_DIR:-/var/cache/mte-lab/ccache}
CROSS=aarch64-linux-gnu-
JOBS=$(nproc)
export CCACHE_DIR

# The direct I/O selftest of the gfs2 posting (not in the base tree).
DIO_TEST=tools/testing/selftests/filesystems/direct_io

# The upstream arm64 MTE selftests, run on both kernels: the series must not
# change their results.
UPSTREAM_MTE_TESTS="check_buffer_fill check_child_memory check_gcr_el1_cswitch
check_hugetlb_options check_ksm_options check_mmap_options check_prctl
check_tags_inclusion check_user_mem"

# One lab command at a time per version: trees and runs are shared.  The
# commands it runs inherit the lock.
lab_lock() {
	[ "${LAB_LOCKED:-}" != "$BUILD" ] || return 0
	mkdir -p "$BUILD"
	exec 9>"$BUILD/.lock"
	flock -n 9 || { echo "waiting for another lab command (lock $BUILD/.lock)" >&2; flock 9; }
	LAB_LOCKED=$BUILD
	export LAB_LOCKED
}

die() {
	echo "error: $*" >&2
	exit 1
}

note() {
	echo ">> $*" >&2
}

# The postings of KVER, one line each, tab-separated: FOLDER COMMITS AFTER
# SEND PREFIX (series/$KVER/postings.txt says what they mean).
postings() {
	[ -f "$SERIES/postings.txt" ] || die "no $SERIES/postings.txt"
	grep -v -e '^#' -e '^[[:space:]]*$' "$SERIES/postings.txt"
}
# The patches of posting folder $1, its cover letter left out, in order.
posting_patches() {
	[ -f "$PATCHES/$1/0000-cover-letter.patch" ] ||
		{ echo "error: no posting $PATCHES/$1 (with its cover letter)" >&2 && return 1; }
	for p in "$PATCHES/$1"/0*.patch; do
		case $p in */0000-cover-letter.patch) continue ;; esac
		[ ! -e "$p" ] || echo "$p"
	done
}
# Every patch of the stack, in the order the lab applies them.
stack_patches() {
	list=$(postings) || return 1
	for dir in $(echo "$list" | cut -f 1); do posting_patches "$dir" || return 1; done
}
# Make worktree $1 hold posting $2 on its own base: the release, then the
# postings its AFTER column names, then its own patches (git am).
posting_tree() {
	[ -d "$1" ] || git -C "$KSRC" worktree add -q --detach "$1" base
	git -C "$1" am --abort >/dev/null 2>&1 || true
	git -C "$1" checkout -q -f --detach base
	after=$(postings | awk -F '\t' -v d="$2" '$1 == d { print $3 }')
	[ -n "$after" ] || { echo "error: no posting $2 in $SERIES/postings.txt" >&2 && return 1; }
	for d in $(echo "$after" | tr ',' ' ' | sed 's/^-$//') "$2"; do
		for p in $(posting_patches "$d"); do
			git -C "$1" -c user.name=lab -c user.email=lab@localhost am -q --keep-cr "$p" >/dev/null 2>&1 || {
				git -C "$1" am --abort >/dev/null 2>&1 || true
				echo "error: $2: ${p#"$PATCHES"/} does not apply (after: $after)" >&2
				return 1
			}
		done
	done
}
# How many commits the RFC postings at the end of the stack have: the
# stack without them, lab~N, is the fixes-only stack (0: there are none).
rfc_commits() {
	postings | awk -F '\t' '$5 ~ /^RFC/ { n += $2; next } { n = 0 } END { print n + 0 }'
}
# Whether commit $1 of the stack changes the kernel: a file outside tools/,
# Documentation/, scripts/, lib/tests/, lib/Kconfig.debug and MAINTAINERS
# (scripts/mutants.sh takes each such patch out).
kernel_patch() {
	git -C "$KLAB" show --format= --name-only "$1" |
		grep -qv -e '^tools/' -e '^Documentation/' -e '^scripts/' -e '^lib/tests/' \
			-e '^lib/Kconfig.debug$' -e '^MAINTAINERS$'
}
# The /proc/kcore fix, by its subject, and what guest/kcore.c prints on a
# kernel with it (kcore_expected fix) or on the commit before it
# (kcore_expected before): expected/kcore.txt.  The lanes' kernels leave
# /proc/kcore out; scripts/kcore.sh and scripts/mutants.sh build it in.
KCORE_FIX='fs/proc/kcore: finish a short vmalloc read through the bounce buffer'
kcore_expected() {
	awk -F '\t' -v k="$1" '!/^#/ && ($1 == "both" || $1 == k) { print $2 }' "$LAB/expected/kcore.txt"
}
# Why no lab case can exercise the fix with subject $1 in this version's
# stack, if that is so (fails otherwise): scripts/mutants.sh gives it a
# row that says why instead of a mutant.
untestable_fix() {
	case $KVER:$1 in
	"6.12:mm/gup: refuse write faults on shadow stacks in fixup_user_fault()")
		echo "not testable here: in 6.12 only x86 has shadow stacks (VM_SHADOW_STACK is VM_NONE on arm64), and the lab boots arm64 guests only" ;;
	*) return 1 ;;
	esac
}
# Whether the stack has the record posting, told by its KUnit suite (the
# 6.12 backport, fixes only, has not): the boots then report its cases.
has_record() {
	grep -qx 'config UACCESS_FAULT_KUNIT_TEST' "$KLAB/lib/Kconfig.debug"
}
# The identity the patches are exported with.  It is plainly not a
# person's: scripts/send.sh puts the sender's git identity in its place,
# and refuses to send while it remains.
PLACEHOLDER_NAME=SENDER-PLACEHOLDER
PLACEHOLDER_EMAIL=sender-placeholder@invalid

# Checks of a test command:  check NAME COMMAND...  runs COMMAND, prints
# PASS or FAIL (with the end of its output) and counts; skip REASON counts a
# check that cannot run here; not_run REASON, checks whose input is
# missing, as failed; summary prints "N skipped" (if any), then
# "N passed, N failed", and fails if any check failed.
pass=0 fail=0 skipped=0
check() {
	name=$1
	shift
	if "$@" >"$BUILD/check.log" 2>&1; then
		pass=$((pass + 1))
		echo "PASS: $name"
	else
		fail=$((fail + 1))
		echo "FAIL: $name"
		sed 's/^/    /' "$BUILD/check.log" | tail -n 20
	fi
}

skip() {
	skipped=$((skipped + 1))
	echo "SKIP: $*"
}

# Checks that could not run because what they read was not made: failures.
not_run() {
	fail=$((fail + 1))
	echo "NOT RUN (counted as failed): $*"
}

summary() {
	[ "$skipped" = 0 ] || echo "$skipped skipped"
	echo "$pass passed, $fail failed"
	[ "$fail" = 0 ]
}
