#!/bin/sh
# What every command that boots the lab kernels needs first: the packages,
# the trees (base, and base + patches/), the base and patched arm64 kernels
# (build/out-base, build/out-patched) and the guest initramfs.
set -eu
# shellcheck source=scripts/lib/common.sh
. "$(dirname -- "$0")/common.sh"

"$LAB/scripts/deps.sh"
"$LAB/scripts/tree.sh"
"$LAB/scripts/lib/build-kernel.sh" "$KBASE" "$BUILD/out-base"
"$LAB/scripts/lib/build-kernel.sh" "$KLAB" "$BUILD/out-patched"
"$LAB/scripts/lib/rootfs.sh"
