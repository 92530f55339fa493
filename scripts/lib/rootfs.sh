#!/bin/sh
# Build the guest initramfs: busybox, guest/init, the lab's guest programs,
# and the lab tree's arm64 MTE (and GCS, where the kernel has it) selftests as the kernel builds and installs
# them ("make -C tools/testing/selftests TARGETS=arm64 ... install"), to be
# run with run_kselftest.sh.
set -eu
# shellcheck source=scripts/lib/common.sh
. "$(dirname -- "$0")/common.sh"

g=$BUILD/guest
rm -rf "$g/o" "$g/kselftest"
mkdir -p "$g"
make -s -C "$KLAB" ARCH=arm64 O="$g/o" headers >"$g/headers.log" 2>&1 ||
	die "rootfs: make headers failed (see $g/headers.log)"
# Static binaries: the guest has no C library.  A compiler warning in a
# file the series adds or changes fails (6.12's own MTE tests have some).
targets=arm64
[ ! -d "$KLAB/$DIO_TEST" ] || targets="$targets ${DIO_TEST#tools/testing/selftests/}"
make -C "$KLAB/tools/testing/selftests" TARGETS="$targets" ARM64_SUBTARGETS="mte $GCS_SUBTARGET" \
	ARCH=arm64 CROSS_COMPILE="$CROSS" LDFLAGS="-static -pthread" O="$g/o" \
	INSTALL_PATH="$g/kselftest" install >"$g/kselftest.log" 2>&1 ||
	die "rootfs: the kselftest build of $targets (arm64: mte $GCS_SUBTARGET) failed (see $g/kselftest.log)"
# Each program the series adds or changes is installed: the install goes
# on past a program that does not build.
for f in $(git -C "$KLAB" diff --name-only base..lab -- tools/testing/selftests/arm64 "$DIO_TEST"); do
	! grep -q "^${f##*/}:[0-9]*:[0-9]*: warning:" "$g/kselftest.log" ||
		die "rootfs: the kselftest build warns in ${f##*/} (see $g/kselftest.log)"
	case $f in *.c) ;; *) continue ;; esac
	d=${f#tools/testing/selftests/}
	d=${d%/*}
	case $d in arm64/*) d=arm64 ;; esac
	prog=${f##*/}
	[ -x "$g/kselftest/$d/${prog%.c}" ] ||
		die "rootfs: ${prog%.c} was not built (see $g/kselftest.log)"
done
make -s -C "$LAB/guest" OUT="$g/bin" || die "rootfs: building the guest programs failed"
root=$g/root
rm -rf "$root"
mkdir -p "$root/bin" "$root/proc" "$root/sys" "$root/dev" "$root/tmp" "$root/mnt"
cp "$BUSYBOX_DIR/bin/busybox" "$root/bin/"
ln -s busybox "$root/bin/sh"     # init installs the other applets
cp "$g/bin/"* "$root/bin/"
cp -a "$g/kselftest" "$root/kselftest"
# The tests also run as nobody: the tree's run_kselftest.sh is 0744.
chmod -R a+rX "$root/kselftest"
cp "$LAB/guest/init" "$root/init"
chmod +x "$root/init"
(cd "$root" && find . | cpio -o -H newc --quiet) >"$g/initramfs.cpio"
note "initramfs: $g/initramfs.cpio"
