#!/bin/sh
# Table of the benchmark's figures:  bench-table.sh RAW DAT
# RAW lines: "KERNEL KEY VALUE", KERNEL one of base, base2 (the A/A
# control), patched, recordfree; VALUE instructions per call, or "spins".
# Prints a Markdown table: each kernel's figure and its ratio to base.  DAT
# gets "N KEY A/A PATCHED RECORDFREE" ratios, for the plot.
set -eu
[ $# = 2 ] || { echo "usage: bench-table.sh RAW DAT" >&2; exit 1; }
awk -v dat="$2" '
{ if (!($2 in seen)) { seen[$2] = 1; keys[++nk] = $2 } v[$1, $2] = $3 }
function ratio(k, key) {
	if (v["base", key] !~ /^[0-9.]+$/ || v[k, key] !~ /^[0-9.]+$/ || v["base", key] == 0)
		return "-"
	return sprintf("%.4f", v[k, key] / v["base", key])
}
function fig(k, key) { return (k, key) in v ? v[k, key] : "-" }
function delta(k, key) {
	if (v["base", key] !~ /^[0-9.]+$/ || v[k, key] !~ /^[0-9.]+$/)
		return "-"
	return sprintf("%+d", v[k, key] - v["base", key])
}
END {
	print "| figure | base | base again | A/A ratio | patched | patched/base | patched - base | record-free | record-free/base |"
	print "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
	for (i = 1; i <= nk; i++) {
		k = keys[i]
		printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", k, fig("base", k),
			fig("base2", k), ratio("base2", k), fig("patched", k), ratio("patched", k),
			delta("patched", k), fig("recordfree", k), ratio("recordfree", k)
		if (ratio("base2", k) != "-" && ratio("patched", k) != "-" && ratio("recordfree", k) != "-")
			printf "%d %s %s %s %s\n", ++nd, k, ratio("base2", k), ratio("patched", k),
				ratio("recordfree", k) >dat
	}
	print ""
	print "Instructions per call (QEMU -icount shift=0,sleep=off, one vCPU): lower"
	print "is better.  \"base again\" is a second boot of the base Image: its ratio"
	print "is the noise of the method.  \"spins\": the first call had not returned"
	print "after 1 s of guest time."
}' "$1"
: >>"$2"
