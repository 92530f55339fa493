#!/bin/sh
# Result table of check_uaccess_fault for kernels run by boot.sh:
#   table.sh NAME...     (e.g. table.sh base patched)
# PROG=unpriv:check_uaccess_fault in the environment: the unprivileged run;
# PROG=unpriv:check_futex_fault: the futex test; PROG=check_uaccess_stress:
# the stress test; PROG=gcs-uaccess: the GCS test (rows "gcs-read FS" and
# "futex KIND"); PROG=filesystems/direct_io/dio_unpinnable: the direct I/O
# test (rows "FS dio-small", "FS dio-large"); PROG=check_uaccess_store_only:
# the store-only test (rows "FS store_only", "btrfs search"); PROG=stale: guest/stale.c
# (rows "FS stale").  Reads scripts/results.sh's output.
# One row per filesystem and tag check mode, per filesystem for the recover,
# direct_small, io_uring and stress fixtures, per futex kind; per kernel:
# live-locks, wrong results, passes, skips.  Then every live-lock by name.
set -eu
# shellcheck source=scripts/lib/common.sh
. "$(dirname -- "$0")/common.sh"

[ $# -ge 1 ] || die "usage: table.sh NAME..."
for n; do
	"$LAB/scripts/lib/results.sh" "$n" | awk -F '\t' -v k="$n" -v prog="${PROG:-check_uaccess_fault}" '
	$1 == prog && $2 ~ /^(uaccess|recover|direct_small|io_uring|futex|stress|traced|bytecount|read|dio|store_only|btrfs_search|stale)\./ {
		split($2, p, ".")
		split(p[2], v, "_")
		row = (p[1] == "uaccess") ? v[1] " " v[2] : (p[1] == "futex") ? "futex " p[2] : \
			(p[1] == "read") ? "gcs-read " p[2] : \
			(p[1] == "dio") ? v[1] " dio-" v[2] : \
			(p[1] == "direct_small") ? v[1] " direct-small" : \
			(p[1] == "btrfs_search") ? "btrfs search" : v[1] " " p[1]
		# The case by variant and test, and by fixture too where the
		# variant does not name its filesystem.
		print k, row, $3, (p[1] == "btrfs_search" ? $2 : p[2] "." p[3])
	}'
done | sort -s -k2,3 | awk -v kernels="$*" '
	{ key = $2 " " $3; if (!(key in rows)) { rows[key] = 1; sorted[++n] = key }
	  c[$1, key, $4]++
	  if ($4 == "livelock") ll[$1] = ll[$1] "\n    " $5 }
	END {
		nk = split(kernels, ks, " ")
		printf "%-18s", "fs mode"
		for (i = 1; i <= nk; i++)
			printf " | %-30s", ks[i] ": livelock wrong pass skip"
		printf "\n"
		for (r = 1; r <= n; r++) {
			printf "%-18s", sorted[r]
			for (i = 1; i <= nk; i++) {
				k = ks[i]; key = sorted[r]
				printf " | %8d %5d %4d %4d       ", c[k, key, "livelock"], \
					c[k, key, "wrong"], c[k, key, "pass"], c[k, key, "skip"]
			}
			printf "\n"
		}
		printf "%-18s", "total"
		for (i = 1; i <= nk; i++) {
			k = ks[i]; t["livelock"] = t["wrong"] = t["pass"] = t["skip"] = 0
			for (r = 1; r <= n; r++)
				for (s in t) t[s] += c[k, sorted[r], s]
			printf " | %8d %5d %4d %4d       ", t["livelock"], t["wrong"], t["pass"], t["skip"]
		}
		printf "\n"
		for (i = 1; i <= nk; i++)
			if (ll[ks[i]] != "")
				printf "\nlive-locks on %s:%s\n", ks[i], ll[ks[i]]
	}'
