# shellcheck shell=sh disable=SC2034
# Paths and settings shared by every lab script.  Sourced, never run.

LAB=$(CDPATH='' cd -- "$(dirname -- "$0")/.." && pwd)
BUILD=${LAB_BUILD:-$LAB/build}
PATCHES=$LAB/patches
KSRC=$BUILD/linux              # git tree: base commit + series on branch "series"
KBASE=$BUILD/linux-base        # worktree at the base commit
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
# PASS or FAIL (with the end of its output) and counts; summary prints
# "N passed, N failed" and fails if any check failed.
pass=0 fail=0
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

summary() {
	echo "$pass passed, $fail failed"
	[ "$fail" = 0 ]
}
