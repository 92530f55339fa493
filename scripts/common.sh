# shellcheck shell=sh disable=SC2034
# Paths and settings shared by every lab script.  Sourced, never run.

LAB=$(CDPATH='' cd -- "$(dirname -- "$0")/.." && pwd)
# The kernel the lab works on, KVER: 6.12 (the default: patches/, built
# under build/) or 7.2, the newest Debian ships (patches-7.2/, built under
# build/7.2/).  Every other path follows from BUILD, PATCHES and COVER (the
# cover letter's text).  A script that works on both calls lab_paths again.
lab_paths() {
	KVER=$1
	case $KVER in
	6.12) BUILD=${LAB_BUILD:-$LAB/build} COVER=$LAB/series/cover-letter.txt PATCHES=$LAB/patches ;;
	7.2) BUILD=${LAB_BUILD:-$LAB/build}/7.2 COVER=$LAB/series/cover-letter-7.2.txt ;;
	*) echo "error: KVER=$KVER: the lab knows 6.12 and 7.2" >&2 && exit 1 ;;
	esac
	[ "$KVER" = 6.12 ] || PATCHES=$LAB/patches-$KVER
	SRC_PKG=linux-source-$KVER
	KSRC=$BUILD/linux              # git tree: base commit + series on branch "series"
	KBASE=$BUILD/linux-base        # worktree at the base commit
	export KVER
}
lab_paths "${KVER:-6.12}"
# linux-source-6.12 is a Debian 12 package; newer ones come from Debian
# unstable, unpacked here (see scripts/deps.sh).
SID_DIR=${LAB_SID_DIR:-/var/cache/mte-lab/sid}
QEMU_ROOT=${LAB_QEMU_ROOT:-/var/cache/mte-lab/trixie}
BUSYBOX_DIR=${LAB_BUSYBOX_DIR:-/var/cache/mte-lab/busybox}
CCACHE_DIR=${CCACHE_DIR:-/var/cache/mte-lab/ccache}
CROSS=aarch64-linux-gnu-
JOBS=$(nproc)
export CCACHE_DIR

die() {
	echo "error: $*" >&2
	exit 1
}

note() {
	echo ">> $*" >&2
}

# Checks of a test command:  check NAME COMMAND...  runs COMMAND, prints
# PASS or FAIL (with the end of its output) and counts; skip REASON counts a
# check that cannot run here; summary prints "N skipped" (if any), then
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

summary() {
	[ "$skipped" = 0 ] || echo "$skipped skipped"
	echo "$pass passed, $fail failed"
	[ "$fail" = 0 ]
}
