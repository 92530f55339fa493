#!/bin/sh
# The one QEMU command line:  qemu.sh KERNEL INITRD CONSOLE_LOG OUTPUT TIMEOUT CMDLINE [DISK...]
# Runs Debian 13's QEMU 10 (its MTE stores one tag per granule) from the
# root that scripts/deps.sh made, with a hard timeout; never leaves a QEMU
# running.  Exit status: QEMU's, or 124 on timeout.
set -eu
# shellcheck source=scripts/common.sh
. "$(dirname -- "$0")/common.sh"

[ $# -ge 6 ] || die "usage: qemu.sh KERNEL INITRD CONSOLE_LOG OUTPUT TIMEOUT CMDLINE [DISK...]"
kernel=$1 initrd=$2 console=$3 output=$4 secs=$5 cmdline=$6
shift 6
q=$QEMU_ROOT/usr/bin/qemu-system-aarch64
[ -x "$q" ] || die "qemu: no QEMU 10 at $q (run scripts/deps.sh)"
libs=$QEMU_ROOT/usr/lib/x86_64-linux-gnu:$QEMU_ROOT/lib/x86_64-linux-gnu

set -- "$@" ""
n=0
drives=
for d; do
	[ -n "$d" ] || continue
	drives="$drives -drive if=none,id=d$n,format=raw,file=$d -device virtio-blk-device,drive=d$n"
	n=$((n + 1))
done

# exec: a signal to this script reaches timeout(1), which passes it to QEMU.
# shellcheck disable=SC2086
exec timeout -k 5 "$secs" "$QEMU_ROOT/lib64/ld-linux-x86-64.so.2" --library-path "$libs" "$q" \
	-L "$QEMU_ROOT/usr/share/qemu" \
	-M virt,mte=on -cpu max -smp 2 -m 1G -nic none -display none -no-reboot \
	-monitor none -serial "file:$console" \
	-device virtio-serial-device -chardev "file,id=out,path=$output" \
	-device virtconsole,chardev=out \
	-kernel "$kernel" -initrd "$initrd" \
	-append "console=ttyAMA0 loglevel=4 panic=-1 $cmdline" \
	$drives </dev/null
