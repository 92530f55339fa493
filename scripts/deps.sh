#!/bin/sh
# Install what the lab needs and is missing: Debian 12 packages, arm64
# busybox, a Debian 13 root holding QEMU 10 (Debian 12's QEMU 7.2 stores
# MTE tags wrongly), for 7.3 a Debian unstable root holding QEMU 11 (for
# GCS), and the kernel source of KVER.  The only place that
# knows the package list.  "dpkg --add-architecture arm64" is the one
# change to the host's package setup beyond installing packages: it lets
# apt download busybox-static:arm64, which is unpacked, not installed.
set -eu
# shellcheck source=scripts/lib/common.sh
. "$(dirname -- "$0")/lib/common.sh"

HOST_PKGS="make gcc libc6-dev git bc flex bison libssl-dev libelf-dev cpio
xz-utils ccache gcc-aarch64-linux-gnu libc6-dev-arm64-cross debootstrap
linux-source-6.12 gfs2-utils btrfs-progs sparse shellcheck
python3 python3-ply python3-git python3-docutils perl kmod git-email
libmailtools-perl gnuplot-nox rsync coccinelle"
QEMU_PKGS="qemu-system-arm"

# The Debian mirror this machine's apt uses, from sources.list and
# sources.list.d (one-line and deb822 formats); no host is written here.
mirror() {
	{
		sed -n 's/^URIs: *\(http[^ ]*\)$/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null
		sed -n 's/^deb \(\[[^]]*\] \)\{0,1\}\(http[^ ]*\) .*/\2/p' \
			/etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null
	} | grep -v -e security -e updates | head -n 1
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

# A Debian root of SUITE in DIR holding QEMU, run from there, never
# installed on the host:  qemu_root SUITE DIR
qemu_root() {
	[ ! -x "$2/usr/bin/qemu-system-aarch64" ] || return 0
	note "building the Debian $1 root for its QEMU in $2"
	rm -rf "$2"
	mkdir -p "$2"
	trap 'rm -rf "$2"' EXIT
	debootstrap --variant=minbase "$1" "$2" "$(mirror)" >"$2.log" 2>&1 ||
		die "deps: debootstrap $1 failed (see $2.log)"
	# Unstable's Release file may be past its validity date.
	chroot "$2" sh -c "apt-get update -qq -o Acquire::Check-Valid-Until=false &&
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $QEMU_PKGS" \
		>>"$2.log" 2>&1 || die "deps: installing $QEMU_PKGS in the $1 root failed (see $2.log)"
	chroot "$2" apt-get clean
	trap - EXIT
}
[ -n "$(mirror)" ] || die "deps: no Debian mirror in /etc/apt/sources.list or sources.list.d"
qemu_root trixie "$QEMU_ROOT"
# Debian unstable's QEMU (11.1) emulates FEAT_GCS, for the GCS lane of the
# kernels that have GCS (GCS_SUBTARGET, see common.sh).
[ -z "$GCS_SUBTARGET$NEW_SPARSE" ] || qemu_root sid "$GCS_QEMU_ROOT"
# The same root's sparse, for the kernels that Debian 12's cannot check
# (NEW_SPARSE, see common.sh).
if [ -n "$NEW_SPARSE" ] && [ ! -x "$GCS_QEMU_ROOT/usr/bin/sparse" ]; then
	note "installing sparse in the Debian sid root"
	chroot "$GCS_QEMU_ROOT" sh -c "apt-get update -qq -o Acquire::Check-Valid-Until=false &&
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends sparse" \
		>>"$GCS_QEMU_ROOT.log" 2>&1 || die "deps: installing sparse in the sid root failed (see $GCS_QEMU_ROOT.log)"
	chroot "$GCS_QEMU_ROOT" apt-get clean
fi

# A kernel source package from a newer suite than Debian 12's (SRC_SUITE,
# see common.sh): downloaded with a sources list of its own (the system's
# apt configuration is not touched) and unpacked under $SUITE_DIR, never
# installed.  The mirror's Release files for unstable and experimental may
# be past their validity date, hence Check-Valid-Until=false, for this
# download only.  Exit status 3 says the package could not be fetched.
if [ -n "$SRC_SUITE" ] && [ ! -f "$(src_tarball)" ]; then
	m=$(mirror)
	d=$SUITE_DIR/$SRC_SUITE
	note "fetching $SRC_PKG from Debian $SRC_SUITE into $d"
	rm -rf "$d"
	trap 'rm -rf "$d"' EXIT
	mkdir -p "$d/lists/partial" "$d/cache/archives/partial" "$d/deb"
	cat >"$d/suite.sources" <<-EOF
		Types: deb deb-src
		URIs: $m
		Suites: $SRC_SUITE
		Components: main
		Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
	EOF
	if ! suite_apt update >"$SUITE_DIR/$SRC_SUITE.log" 2>&1 ||
		! (cd "$d/deb" && suite_apt download "$SRC_PKG") >>"$SUITE_DIR/$SRC_SUITE.log" 2>&1; then
		echo "deps: cannot fetch $SRC_PKG from Debian $SRC_SUITE (see $SUITE_DIR/$SRC_SUITE.log)" >&2
		exit 3
	fi
	dpkg-deb -x "$d"/deb/"$SRC_PKG"_*.deb "$d/root"
	[ -f "$(src_tarball)" ] || die "deps: $SRC_PKG holds no usr/src/$SRC_PKG.tar.xz"
	trap - EXIT
fi
