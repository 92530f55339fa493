#!/bin/sh
# Fresh gfs2 and btrfs images for one boot:  disks.sh DIR
# BTRFS_MKFS_ARGS in the environment: more options for mkfs.btrfs.
set -eu
# shellcheck source=scripts/lib/common.sh
. "$(dirname -- "$0")/common.sh"

[ $# = 1 ] || die "usage: disks.sh DIR"
mkdir -p "$1"
rm -f "$1/gfs2.img" "$1/btrfs.img"
truncate -s 512M "$1/gfs2.img" "$1/btrfs.img"
mkfs.gfs2 -O -p lock_nolock -j 1 -J 8 "$1/gfs2.img" >"$1/mkfs.log" 2>&1 ||
	die "disks: mkfs.gfs2 failed (see $1/mkfs.log)"
# shellcheck disable=SC2086
mkfs.btrfs -f ${BTRFS_MKFS_ARGS:-} "$1/btrfs.img" >>"$1/mkfs.log" 2>&1 ||
	die "disks: mkfs.btrfs failed (see $1/mkfs.log)"
