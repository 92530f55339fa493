#!/bin/sh
# The series applies to the plain upstream release, not only to Debian's
# linux-source package: download Debian's upstream tarball of the same
# version (linux_VERSION.orig.tar.xz, the release without Debian's
# changes), unpack it and "git apply --check" every patch of the stack.
# For kernels that come from SRC_SUITE (7.3).  Exit status 3: the mirror
# does not have that source package (its index may list a version whose
# files are gone), so nothing could be checked.
set -eu
# shellcheck source=scripts/lib/common.sh
. "$(dirname -- "$0")/common.sh"

[ -n "$SRC_SUITE" ] || die "upstream-apply: KVER=$KVER comes from Debian 12, which has no orig tarball to check"
d=$SUITE_DIR/$SRC_SUITE
[ -f "$d/suite.sources" ] || die "upstream-apply: run KVER=$KVER scripts/deps.sh first"
ver=$(dpkg-deb -f "$d/deb/$SRC_PKG"_*.deb Version)
up=${ver%%-*}
orig=$d/src/linux_$up.orig.tar.xz
if [ ! -f "$orig" ]; then
	mkdir -p "$d/src"
	grep -q deb-src "$d/suite.sources" || die "upstream-apply: $d/suite.sources has no deb-src (run deps.sh again after removing $d)"
	if ! (cd "$d/src" && suite_apt update && suite_apt source --download-only "linux=$ver") \
		>"$d/src.log" 2>&1; then
		echo "the mirror does not serve linux $ver's upstream tarball ($(grep -c '404' "$d/src.log") files not found, see $d/src.log)"
		exit 3
	fi
	[ -f "$orig" ] || die "upstream-apply: no $orig in linux $ver's source"
fi
tree=$BUILD/upstream
rm -rf "$tree"
mkdir -p "$tree"
tar -C "$tree" -xf "$orig"
top=$(find "$tree" -mindepth 1 -maxdepth 1 -type d)
for p in $(stack_patches); do
	(cd "$top" && git apply --check "$p") 2>&1 || die "upstream-apply: ${p#"$PATCHES"/} does not apply to $(basename "$orig")"
	(cd "$top" && git apply "$p")
done
echo "all patches apply to $(basename "$orig") ($(sed -n 's/^EXTRAVERSION = //p; s/^VERSION = //p; s/^PATCHLEVEL = //p' "$top/Makefile" | paste -sd' '))"
rm -rf "$tree"
