# shellcheck shell=sh disable=SC2034
# Paths and settings shared by every lab script.  Sourced, never run.

# The lab's top folder: commands are in scripts/, helpers in scripts/lib/.
case $(dirname -- "$0") in
*/lib) LAB=$(CDPATH='' cd -- "$(dirname -- "$0")/../.." && pwd) ;;
*) LAB=$(CDPATH='' cd -- "$(dirname -- "$0")/.." && pwd) ;;
esac
# The kernel the lab works on, KVER, and where its files are: the one
# table of versions.  7.3 (the default) is mainline 7.3-rc7, the series
# for LKML: patches/, built under build/, source package linux-source-7.3
# from Debian experimental.  6.12 is the long-term-stable backport:
# patches-6.12/, built under build/6.12/, Debian 12's linux-source-6.12.
# GCS_SUBTARGET is the arm64 kselftest subtarget of the GCS lane, empty
# where the kernel has no GCS (6.12); PREFIX the patches' subject prefix.
# Every other path follows from BUILD, PATCHES and COVER (the cover
# letter's text).  A script that works on both calls lab_paths again.
KVERS="7.3 6.12"
lab_paths() {
	KVER=$1
	case $KVER in
	7.3) BUILD=${LAB_BUILD:-$LAB/build} PATCHES=$LAB/patches SRC_SUITE=experimental
	     COVER=$LAB/series/cover-letter.txt NOTES=$LAB/series/notes.txt GCS_SUBTARGET=gcs
	     PREFIX="PATCH v2" ;;
	6.12) BUILD=${LAB_BUILD:-$LAB/build}/6.12 PATCHES=$LAB/patches-6.12 SRC_SUITE=
	      COVER=$LAB/series/cover-letter-6.12.txt NOTES=$LAB/series/notes-6.12.txt GCS_SUBTARGET=
	      PREFIX="PATCH 6.12" ;;
	*) echo "error: KVER=$KVER: the lab knows $KVERS" >&2 && exit 1 ;;
	esac
	SRC_PKG=linux-source-$KVER
	KSRC=$BUILD/linux              # git tree: base commit + series on branch "series"
	KBASE=$BUILD/linux-base        # worktree at the base commit
	KLAB=$BUILD/linux-lab          # worktree at base + git am $PATCHES
	# The main job's boots (build/run/NAME): base and patched under QEMU
	# 10, and where the kernel has GCS, both again under QEMU 11.
	RUNS="base patched${GCS_SUBTARGET:+ gcs-base gcs-patched}"
	export KVER
}
lab_paths "${KVER:-7.3}"
# Source packages from a suite newer than Debian 12's (SRC_SUITE) are
# downloaded and unpacked here, never installed (see scripts/deps.sh).
SUITE_DIR=${LAB_SUITE_DIR:-/var/cache/mte-lab/suites}
QEMU_ROOT=${LAB_QEMU_ROOT:-/var/cache/mte-lab/trixie}
# Debian unstable's root: QEMU 11, which emulates FEAT_GCS (the GCS lane).
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
