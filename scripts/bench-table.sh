#!/bin/sh
# Table of the benchmark's raw figures:  bench-table.sh RAW DAT
# RAW lines: "ROUND KERNEL KEY VALUE UNIT".  For each KEY: the median of each
# kernel's values with their range; the ratio patched/base of the medians,
# with the range of the ratios taken round by round (each round boots both
# kernels, one right after the other).  DAT gets "N KEY RATIO MIN MAX", for
# the plot.
set -eu
[ $# = 2 ] || { echo "usage: bench-table.sh RAW DAT" >&2; exit 1; }
awk -v dat="$2" '
function med(a, n,   i, j, t) {	# sorts a[1..n]; returns its median
	for (i = 2; i <= n; i++)
		for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
	return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
function fig(a, n, unit) {
	if (n == 0) return "-"
	return sprintf("%.1f %s (%.1f-%.1f)", med(a, n), unit, a[1], a[n])
}
{
	if (!($3 in seen)) { seen[$3] = 1; keys[++nk] = $3 }
	val[$1, $2, $3] = $4
	if ($5 != "") unit[$3] = $5
	if ($1 > rounds) rounds = $1
}
END {
	printf "%-18s %-30s %-30s %-24s %s\n", "figure", "base median (range)",
	       "patched median (range)", "patched/base (range)", "rounds"
	for (i = 1; i <= nk; i++) {
		k = keys[i]; nb = np = nr = 0; spins = 0
		delete b; delete p; delete q
		for (r = 1; r <= rounds; r++) {
			bv = val[r, "base", k]; pv = val[r, "patched", k]
			if (bv == "spins") spins = 1
			if (bv ~ /^[0-9.]+$/) b[++nb] = bv
			if (pv ~ /^[0-9.]+$/) p[++np] = pv
			if (bv ~ /^[0-9.]+$/ && pv ~ /^[0-9.]+$/ && bv > 0) q[++nr] = pv / bv
		}
		u = unit[k]
		bs = spins ? "spins (killed after 1 s)" : fig(b, nb, u)
		mb = nb ? med(b, nb) : 0; mp = np ? med(p, np) : 0
		if (nr) med(q, nr)	# sorts q
		rs = (nr && mb > 0) ? sprintf("%.3f (%.3f-%.3f)", mp / mb, q[1], q[nr]) : "-"
		printf "%-18s %-30s %-30s %-24s %d\n", k, bs, fig(p, np, u), rs, nr ? nr : np
		if (nr && mb > 0) printf "%d %s %.4f %.4f %.4f\n", ++nd, k, mp / mb, q[1], q[nr] >dat
	}
	print ""
	print "MB/s: higher is better; us: lower is better.  patched/base: the ratio of the"
	print "medians; in parentheses, the lowest and highest ratio of one round."
}' "$1"
: >>"$2"
