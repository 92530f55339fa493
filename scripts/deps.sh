#!/bin/sh
# Install what the lab needs and is missing: Debian 12 packages, arm64
# busybox, and a Debian 13 root holding QEMU 10 (Debian 12's QEMU 7.2 stores
# MTE tags wrongly).  The only place that knows the package list.
set -eu
# shellcheck source=scripts/common.sh
. "$(dirname -- "$0")/common.sh"

HOST_PKGS="make gcc libc6-dev git bc flex bison libssl-dev libelf-dev cpio
xz-utils ccache gcc-aarch64-linux-gnu libc6-dev-arm64-cross debootstrap
linux-source-6.12 gfs2-utils btrfs-progs coccinelle sparse b4 shellcheck
python3 python3-ply python3-git perl kmod git-email libmailtools-perl gnuplot-nox"
QEMU_PKGS="qemu-system-arm"

[ "$(id -u)" = 0 ] || die "deps: must run as root to install packages"

missing=
for p in $HOST_PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing="$missing $p"
done
if [ -n "$missing" ]; then
	note "installing:$missing"
	apt-get update -qq || die "deps: apt-get update failed"
	# shellcheck disable=SC2086
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
		$missing >/dev/null || die "deps: apt-get install failed for:$missing"
fi

if [ ! -x "$BUSYBOX_DIR/bin/busybox" ]; then
	note "fetching busybox-static:arm64"
	dpkg --print-foreign-architectures | grep -qx arm64 || {
		dpkg --add-architecture arm64
		apt-get update -qq || die "deps: apt-get update (arm64) failed"
	}
	tmp=$(mktemp -d)
	(cd "$tmp" && apt-get download -qq busybox-static:arm64) ||
		die "deps: cannot download busybox-static:arm64"
	mkdir -p "$BUSYBOX_DIR"
	dpkg-deb -x "$tmp"/busybox-static_*_arm64.deb "$BUSYBOX_DIR"
	rm -rf "$tmp"
	[ -x "$BUSYBOX_DIR/bin/busybox" ] || die "deps: busybox-static:arm64 has no bin/busybox"
fi

if [ ! -x "$QEMU_ROOT/usr/bin/qemu-system-aarch64" ]; then
	note "building the Debian 13 root for QEMU 10 in $QEMU_ROOT"
	rm -rf "$QEMU_ROOT"
	mkdir -p "$QEMU_ROOT"
	mirror=$(sed -n 's/^URIs: *\(http[^ ]*\/debian\)$/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n 1)
	debootstrap --variant=minbase trixie "$QEMU_ROOT" "${mirror:-http://deb.debian.org/debian}" \
		>"$QEMU_ROOT.log" 2>&1 || die "deps: debootstrap trixie failed (see $QEMU_ROOT.log)"
	chroot "$QEMU_ROOT" sh -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -qq --no-install-recommends $QEMU_PKGS" \
		>>"$QEMU_ROOT.log" 2>&1 || die "deps: installing $QEMU_PKGS in the trixie root failed (see $QEMU_ROOT.log)"
	chroot "$QEMU_ROOT" apt-get clean
fi
