#!/bin/sh
# The main job: install what is missing, apply patches/ to Linux 7.3-rc7
# (with KVER=6.12: patches-6.12/ to Linux 6.12), build the base and patched
# arm64 kernels, boot each under QEMU with MTE, run the tests and print the
# result table (build/run/table.txt).
set -eu
# shellcheck source=scripts/lib/common.sh
. "$(dirname -- "$0")/lib/common.sh"
lab_lock

# The lanes and what each boot runs: scripts/lib/lanes.sh.  The MTE
# lane (QEMU 10) and, where the kernel has GCS, the GCS lane (QEMU 11)
# boot the base and the patched kernel; the store-only lane (QEMU 11,
# where the kernel has store-only tag checking) boots the base, the
# fixes-only (the stack without the record's postings) and the patched
# kernel.
"$LAB/scripts/lib/kernels.sh"
# After the trees: whether the stack has the record is read off them.
# shellcheck source=scripts/lib/lanes.sh
. "$LAB/scripts/lib/lanes.sh"
[ -z "$STORE_ONLY" ] || "$LAB/scripts/lib/build-fixes-only.sh"
rm -rf "$BUILD/run"
for lane in $LANES; do
	ks="base patched"
	[ "$lane" != so ] || ks="base fixes patched"
	for k in $ks; do
		boot_lane "$lane" "$k" "$BUILD/out-$k/arch/arm64/boot/Image"
	done
done
{
	for p in check_uaccess_fault unpriv:check_uaccess_fault \
		unpriv:check_futex_fault check_futex_fault check_uaccess_stress \
		"unpriv:$DIO" "$DIO"; do
		case $p in unpriv:*) who=nobody ;; *) who=root ;; esac
		echo "${p#unpriv:} (QEMU 10), as $who:"
		PROG=$p "$LAB/scripts/lib/table.sh" base patched
		echo
	done
	if [ -n "$GCS_SUBTARGET" ]; then
		for p in unpriv:gcs-uaccess gcs-uaccess; do
			case $p in unpriv:*) who=nobody ;; *) who=root ;; esac
			echo "GCS lane (QEMU 11), as $who:"
			PROG=$p "$LAB/scripts/lib/table.sh" gcs-base gcs-patched
			echo
		done
	fi
	if [ -n "$STORE_ONLY" ]; then
		echo "store-only lane (QEMU 11, PR_MTE_STORE_ONLY, as root):"
		PROG=$SO_PROG "$LAB/scripts/lib/table.sh" so-base so-fixes so-patched
		echo
		echo "never worse (QEMU 11, synchronous MTE, as root):"
		PROG=$STALE_PROG "$LAB/scripts/lib/table.sh" so-base so-fixes so-patched
		echo
	fi
	! has_record || for k in $KUNIT_RUNS; do
		"$LAB/scripts/lib/kunit.sh" "$k" | awk -F '\t' -v k="$k" '{ n[$2]++ } END {
			printf "KUnit cases on %s:", k; for (s in n) printf " %d %s", n[s], s; printf "\n" }'
	done
} | tee "$BUILD/run/table.txt"
