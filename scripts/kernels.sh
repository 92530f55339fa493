#!/bin/sh
# What every command that boots the lab kernels needs first: the packages,
# the trees (base, and base + patches/), the base and patched arm64 kernels
# (build/out-base, build/out-patched) and the guest initramfs.
set -eu
# shellcheck source=scripts/common.sh
. "$(dirname -- "$0")/common.sh"

"$LAB/scripts/deps.sh"
"$LAB/scripts/tree.sh"
"$LAB/scripts/build-kernel.sh" "$KBASE" "$BUILD/out-base"
"$LAB/scripts/build-kernel.sh" "$BUILD/linux-lab" "$BUILD/out-patched"
"$LAB/scripts/rootfs.sh"
