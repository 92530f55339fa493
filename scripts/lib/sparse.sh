#!/bin/sh
# The kernel's CHECK where Debian 12's sparse (0.6.4) cannot parse the
# kernel's headers (NEW_SPARSE, see common.sh): Debian unstable's sparse,
# run from the root that scripts/deps.sh made, as scripts/lib/qemu.sh runs
# that root's QEMU.  Arguments: sparse's.
set -eu
# shellcheck source=scripts/lib/common.sh
. "$(dirname -- "$0")/common.sh"
s=$GCS_QEMU_ROOT/usr/bin/sparse
[ -x "$s" ] || die "sparse: no sparse in $GCS_QEMU_ROOT (run scripts/deps.sh)"
exec "$GCS_QEMU_ROOT/lib64/ld-linux-x86-64.so.2" \
	--library-path "$GCS_QEMU_ROOT/usr/lib/x86_64-linux-gnu:$GCS_QEMU_ROOT/lib/x86_64-linux-gnu" \
	"$s" "$@"
