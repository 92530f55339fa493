#!/bin/sh
# The copy routines without FEAT_MOPS: boot the patched kernel with
# arm64.nomops (QEMU's "max" CPU has FEAT_MOPS, and the kernel then copies
# with CPY*T instead of its older routines) and run the matrix as root,
# and on 7.3 the store-only test under the GCS lane's emulator: no case may
# live-lock or give a wrong result, and each must return what it returned
# in the main job's boot of the same kernel with FEAT_MOPS.
# Results: build/run/nomops/ and build/run/nomops-so/.  Needs the main
# job's kernels.
set -eu
# shellcheck source=scripts/lib/common.sh
. "$(dirname -- "$0")/lib/common.sh"

image=$BUILD/out-patched/arch/arm64/boot/Image
[ -f "$image" ] || die "nomops: no patched kernel (run scripts/lab.sh)"
runs=nomops
BOOT_ARGS=arm64.nomops "$LAB/scripts/lib/boot.sh" nomops "$image" check_uaccess_fault
if [ -n "$STORE_ONLY" ]; then
	BOOT_ARGS=arm64.nomops LAB_QEMU_ROOT=$GCS_QEMU_ROOT \
		"$LAB/scripts/lib/boot.sh" nomops-so "$image" check_uaccess_store_only
	runs="$runs nomops-so"
fi
for run in $runs; do
	case $run in nomops) ref=patched ;; *) ref=so-patched ;; esac
	out=$BUILD/run/$run/out.txt
	! grep -q 'CPU features: detected: Memory Copy' "$out" ||
		die "nomops: the kernel still uses FEAT_MOPS (see $out)"
	"$LAB/scripts/lib/results.sh" "$run" | awk -F '\t' -v run="$run" '
		$1 !~ /^check_uaccess_(fault|store_only)$/ { next }
		$2 != "(program)" { n[$3]++ }
		$2 != "(program)" && ($3 == "livelock" || $3 == "wrong") {
			print "nomops: " run ": " $2 ": " $3; bad = 1 }
		END { printf "nomops: %s: %d passed, %d skipped, %d live-locks, %d wrong\n",
			run, n["pass"], n["skip"], n["livelock"], n["wrong"]; exit bad }'
	# The same program's cases, results and returns as with FEAT_MOPS.
	for r in "$ref" "$run"; do
		"$LAB/scripts/lib/results.sh" "$r" | awk -F '\t' '$1 ~ /^check_uaccess_(fault|store_only)$/' \
			>"$BUILD/run/$run/$r.txt"
	done
	diff "$BUILD/run/$run/$ref.txt" "$BUILD/run/$run/$run.txt" >"$BUILD/run/$run/returns.diff" ||
		die "nomops: $run's results or returns differ from $ref's (see $BUILD/run/$run/returns.diff)"
	echo "nomops: $run: every result and return as on $ref"
done
