#!/bin/sh
# The main job: install what is missing, apply patches/ to Linux 6.12 (with
# KVER=7.2: patches-7.2/ to Linux 7.2), build the base and patched arm64
# kernels, boot each under QEMU with MTE, run the tests and print the result
# table.
set -eu
# shellcheck source=scripts/common.sh
. "$(dirname -- "$0")/common.sh"

# Guest programs run on both kernels: the KUnit results, the series' tests
# (the matrix as root and as nobody, the stress test), the upstream arm64
# MTE selftests, and last the futex test as nobody: on the base kernel it
# leaves a CPU spinning.
PROGS=kunit,check_uaccess_fault,unpriv:check_uaccess_fault,check_uaccess_stress,check_buffer_fill,check_child_memory,check_gcr_el1_cswitch,check_hugetlb_options,check_ksm_options,check_mmap_options,check_prctl,check_tags_inclusion,check_user_mem,unpriv:check_futex_fault

"$LAB/scripts/kernels.sh"
for k in base patched; do
	"$LAB/scripts/boot.sh" "$k" "$BUILD/out-$k/arch/arm64/boot/Image" "$PROGS"
done
{
	"$LAB/scripts/table.sh" base patched
	echo
	PROG=unpriv:check_futex_fault "$LAB/scripts/table.sh" base patched
	echo
	PROG=check_uaccess_stress "$LAB/scripts/table.sh" base patched
	echo
	for k in base patched; do
		sed -n '/^lab: begin kunit$/,/^lab: end kunit /p' "$BUILD/run/$k/out.txt" >"$BUILD/run/$k/kunit.txt"
		echo "KUnit uaccess_fault cases on $k: $(grep -cE '^ +ok [0-9]' "$BUILD/run/$k/kunit.txt") ok," \
			"$(grep -cE '^ +not ok [0-9]' "$BUILD/run/$k/kunit.txt") not ok"
	done
} | tee "$BUILD/run/table.txt"
