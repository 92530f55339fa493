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
