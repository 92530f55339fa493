#!/bin/sh
# The one QEMU command line:  qemu.sh KERNEL INITRD CONSOLE_LOG OUTPUT TIMEOUT CMDLINE [DISK...]
# Runs Debian 13's QEMU 10 (its MTE stores one tag per granule) from the
# root that scripts/deps.sh made (LAB_QEMU_ROOT=$GCS_QEMU_ROOT: unstable's
# QEMU 11, which also emulates GCS), with a hard timeout; never leaves a QEMU
# running.  Exit status: QEMU's, or 124 on timeout.  A guest that has
# written "lab: done" to OUTPUT but does not power off within 20 s (a CPU
# spinning in the kernel stalls RCU, and with it the shutdown) is stopped,
# with a warning: exit status 3.
set -eu
# shellcheck source=scripts/lib/common.sh
. "$(dirname -- "$0")/common.sh"

[ $# -ge 6 ] || die "usage: qemu.sh KERNEL INITRD CONSOLE_LOG OUTPUT TIMEOUT CMDLINE [DISK...]"
kernel=$1 initrd=$2 console=$3 output=$4 secs=$5 cmdline=$6
shift 6
q=$QEMU_ROOT/usr/bin/qemu-system-aarch64
[ -x "$q" ] || die "qemu: no QEMU at $q (run scripts/deps.sh)"
libs=$QEMU_ROOT/usr/lib/x86_64-linux-gnu:$QEMU_ROOT/lib/x86_64-linux-gnu

# Three vCPUs: on an unpatched kernel the tests leave up to two CPUs
# spinning in the kernel where SIGKILL cannot stop them, and the third
# finishes the run.  LAB_ICOUNT=1: one vCPU whose clock counts
# instructions (1 ns each), for the benchmark: the same kernel and
# workload give the same guest times.
cpus="-smp 3"
[ -z "${LAB_ICOUNT:-}" ] || cpus="-smp 1 -icount shift=0,sleep=off"

set -- "$@" ""
n=0
drives=
for d; do
	[ -n "$d" ] || continue
	drives="$drives -drive if=none,id=d$n,format=raw,file=$d -device virtio-blk-device,drive=d$n"
	n=$((n + 1))
done

# shellcheck disable=SC2086
timeout -k 5 "$secs" "$QEMU_ROOT/lib64/ld-linux-x86-64.so.2" --library-path "$libs" "$q" \
	-L "$QEMU_ROOT/usr/share/qemu" \
	-M virt,mte=on -cpu max $cpus -m 1G -nic none -display none -no-reboot \
	-monitor none -serial "file:$console" \
	-device virtio-serial-device -chardev "file,id=out,path=$output" \
	-device virtconsole,chardev=out \
	-kernel "$kernel" -initrd "$initrd" \
	-append "console=ttyAMA0 loglevel=5 panic=-1 rodata=full $cmdline" \
	$drives </dev/null &
qpid=$!
trap 'kill "$qpid" 2>/dev/null; exit 130' INT
trap 'kill "$qpid" 2>/dev/null; exit 143' TERM

stopped=
while kill -0 "$qpid" 2>/dev/null; do
	if grep -q '^lab: done' "$output" 2>/dev/null; then
		left=20
		while [ "$left" -gt 0 ] && kill -0 "$qpid" 2>/dev/null; do
			sleep 1
			left=$((left - 1))
		done
		if kill -0 "$qpid" 2>/dev/null; then
			echo "warning: the guest did not power off 20 s after its run; stopped it" >&2
			stopped=1
			kill "$qpid"
		fi
		break
	fi
	sleep 1
done
rc=0
wait "$qpid" || rc=$?
[ -z "$stopped" ] || rc=3
exit "$rc"
