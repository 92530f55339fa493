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
# Kernel sources newer than Debian 12's, from Debian unstable (KVER=7.2).
SID_PKGS="linux-source-7.2"

# The Debian mirror this machine uses.
mirror() {
	m=$(sed -n 's/^URIs: *\(http[^ ]*\/debian\)$/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n 1)
	echo "${m:-http://deb.debian.org/debian}"
}

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
	debootstrap --variant=minbase trixie "$QEMU_ROOT" "$(mirror)" \
		>"$QEMU_ROOT.log" 2>&1 || die "deps: debootstrap trixie failed (see $QEMU_ROOT.log)"
	chroot "$QEMU_ROOT" sh -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -qq --no-install-recommends $QEMU_PKGS" \
		>>"$QEMU_ROOT.log" 2>&1 || die "deps: installing $QEMU_PKGS in the trixie root failed (see $QEMU_ROOT.log)"
	chroot "$QEMU_ROOT" apt-get clean
fi

# A newer kernel's source: downloaded from unstable with a sources list of
# its own (the system's apt configuration is not touched) and unpacked, not
# installed.  Unstable's Release file on the mirror may be past its
# validity date, hence Check-Valid-Until=false, for this download only.
# Exit status 3 says the package could not be fetched.
case " $SID_PKGS " in *" $SRC_PKG "*) sid=1 ;; *) sid=0 ;; esac
if [ "$sid" = 1 ] && [ ! -f "$SID_DIR/root/usr/src/$SRC_PKG.tar.xz" ]; then
	note "fetching $SID_PKGS from Debian unstable into $SID_DIR"
	rm -rf "$SID_DIR"
	mkdir -p "$SID_DIR/lists/partial" "$SID_DIR/cache/archives/partial" "$SID_DIR/deb"
	cat >"$SID_DIR/sid.sources" <<-EOF
		Types: deb
		URIs: $(mirror)
		Suites: sid
		Components: main
		Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
	EOF
	sid_apt() {
		apt-get -qq -o Dir::Etc::sourcelist="$SID_DIR/sid.sources" -o Dir::Etc::sourceparts=- \
			-o Dir::State::Lists="$SID_DIR/lists" -o Dir::Cache="$SID_DIR/cache" \
			-o Acquire::Check-Valid-Until=false "$@"
	}
	# shellcheck disable=SC2086
	if ! sid_apt update >"$SID_DIR/apt.log" 2>&1 ||
		! (cd "$SID_DIR/deb" && sid_apt download $SID_PKGS) >>"$SID_DIR/apt.log" 2>&1; then
		echo "deps: cannot fetch $SID_PKGS from Debian unstable (see $SID_DIR/apt.log)" >&2
		exit 3
	fi
	for d in "$SID_DIR"/deb/*.deb; do
		dpkg-deb -x "$d" "$SID_DIR/root"
	done
	[ -f "$SID_DIR/root/usr/src/$SRC_PKG.tar.xz" ] ||
		die "deps: $SRC_PKG holds no usr/src/$SRC_PKG.tar.xz"
fi
