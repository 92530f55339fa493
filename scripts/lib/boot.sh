#!/bin/sh
# Boot one lab kernel with fresh disks and run guest programs:
#   boot.sh NAME IMAGE PROGRAMS [TIMEOUT]
# PROGRAMS is a comma-separated list of guest programs (see guest/init).
# BOOT_ARGS in the environment: more kernel command line parameters.
# Output of the programs: build/run/NAME/out.txt; console: console.log.
# Fails, in one line, if the kernel does not boot, the emulator's MTE is
# wrong, or the run does not finish in time.
set -eu
# shellcheck source=scripts/lib/common.sh
. "$(dirname -- "$0")/common.sh"

[ $# -ge 3 ] || die "usage: boot.sh NAME IMAGE PROGRAMS [TIMEOUT]"
name=$1 image=$2 progs=$3 secs=${4:-1500}
dir=$BUILD/run/$name
[ -f "$image" ] || die "boot: no kernel image $image"
[ -f "$BUILD/guest/initramfs.cpio" ] || die "boot: no initramfs (run scripts/rootfs.sh)"
"$LAB/scripts/lib/disks.sh" "$dir"
rm -f "$dir/out.txt" "$dir/console.log" "$dir/stopped"
rc=0
"$LAB/scripts/lib/qemu.sh" "$image" "$BUILD/guest/initramfs.cpio" "$dir/console.log" \
	"$dir/out.txt" "$secs" "lab.run=$progs${BOOT_ARGS:+ $BOOT_ARGS}" "$dir/gfs2.img" "$dir/btrfs.img" || rc=$?
[ "$rc" != 124 ] || die "boot: $name timed out after $secs s (see $dir/console.log)"
# 3: the guest finished its run but did not power off, and was stopped.
[ "$rc" != 3 ] || { rc=0 && echo "the guest did not power off by itself" >"$dir/stopped"; }
[ "$rc" = 0 ] || die "boot: QEMU exited with $rc for $name (see $dir/console.log)"
# hvc0 is a tty: lines arrive as CR LF.
[ ! -f "$dir/out.txt" ] || sed -i 's/\r$//' "$dir/out.txt"
grep -q '^mte-selfcheck: ok' "$dir/out.txt" 2>/dev/null || {
	grep -q '^mte-selfcheck: FAIL' "$dir/out.txt" 2>/dev/null &&
		die "boot: the emulator does not store MTE tags per granule; no results reported ($name)"
	die "boot: kernel $name did not boot to /init (see $dir/console.log)"
}
grep -q '^lab: done' "$dir/out.txt" || die "boot: the guest run of $name did not finish (see $dir/out.txt)"
"$LAB/scripts/lib/console.sh" "$name" >"$dir/reports.txt" || true
[ ! -s "$dir/reports.txt" ] ||
	echo "warning: $name console shows $(wc -l <"$dir/reports.txt") reports (see $dir/reports.txt)" >&2
note "$name: finished, results in $dir/out.txt"
