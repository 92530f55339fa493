#!/bin/sh
# The main job: install what is missing, apply patches/ to Linux 6.12, build
# the base and patched arm64 kernels, boot each under QEMU with MTE, run the
# tests and print the result table.
set -eu
# shellcheck source=scripts/common.sh
. "$(dirname -- "$0")/common.sh"

# Guest programs run on both kernels: the series' test (as root and as
# nobody), then the upstream arm64 MTE selftests.
PROGS=check_uaccess_fault,unpriv:check_uaccess_fault,check_buffer_fill,check_child_memory,check_gcr_el1_cswitch,check_hugetlb_options,check_ksm_options,check_mmap_options,check_prctl,check_tags_inclusion,check_user_mem

"$LAB/scripts/deps.sh"
"$LAB/scripts/tree.sh"
"$LAB/scripts/build-kernel.sh" "$KBASE" "$BUILD/out-base"
"$LAB/scripts/build-kernel.sh" "$BUILD/linux-lab" "$BUILD/out-patched"
"$LAB/scripts/rootfs.sh"
for k in base patched; do
	"$LAB/scripts/boot.sh" "$k" "$BUILD/out-$k/arch/arm64/boot/Image" "$PROGS"
done
"$LAB/scripts/table.sh" base patched | tee "$BUILD/run/table.txt"
