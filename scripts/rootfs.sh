#!/bin/sh
# Build the guest initramfs: busybox, guest/init and the guest programs.
set -eu
# shellcheck source=scripts/common.sh
. "$(dirname -- "$0")/common.sh"

mkdir -p "$BUILD/guest"
make -s -C "$BUILD/linux-lab" ARCH=arm64 O="$BUILD/guest/khdr" headers >"$BUILD/guest/headers.log" 2>&1 ||
	die "rootfs: make headers failed (see $BUILD/guest/headers.log)"
make -s -C "$LAB/guest" KSRC="$BUILD/linux-lab" OUT="$BUILD/guest/bin" \
	KHDR="$BUILD/guest/khdr/usr/include" ||
	die "rootfs: building the guest programs failed"
root=$BUILD/guest/root
rm -rf "$root"
mkdir -p "$root/bin" "$root/proc" "$root/sys" "$root/dev" "$root/tmp" "$root/mnt"
cp "$BUSYBOX_DIR/bin/busybox" "$root/bin/"
ln -s busybox "$root/bin/sh"     # init installs the other applets
cp "$BUILD/guest/bin/"* "$root/bin/"
cp "$LAB/guest/init" "$root/init"
chmod +x "$root/init"
(cd "$root" && find . | cpio -o -H newc --quiet) >"$BUILD/guest/initramfs.cpio"
note "initramfs: $BUILD/guest/initramfs.cpio"
