#!/bin/sh
# Show that the KUnit suite can fail: build the patched kernel with one
# mutation, pagefault_disable() no longer clearing the record, boot it and
# require the case that tests the clearing to fail.
# Results: build/run/mutant/kunit.txt.  Needs scripts/tree.sh to have run.
set -eu
# shellcheck source=scripts/common.sh
. "$(dirname -- "$0")/common.sh"

tree=$BUILD/linux-mutant
git -C "$BUILD/linux-lab" rev-parse -q --verify lab >/dev/null ||
	die "mutant: no lab branch (run scripts/tree.sh)"
[ -d "$tree" ] || git -C "$KSRC" worktree add -q --detach "$tree" lab
git -C "$tree" checkout -q -f --detach lab
h=$tree/include/linux/uaccess.h
sed -i '/^static __always_inline void pagefault_disabled_inc(void)$/,/^}$/{/uaccess_fault_section_begin();/d}' "$h"
[ -n "$(git -C "$tree" diff --stat)" ] || die "mutant: the mutation did not apply to $h"
"$LAB/scripts/build-kernel.sh" "$tree" "$BUILD/out-mutant"
"$LAB/scripts/boot.sh" mutant "$BUILD/out-mutant/arch/arm64/boot/Image" kunit 300
out=$BUILD/run/mutant
sed -n '/^lab: begin kunit$/,/^lab: end kunit /p' "$out/out.txt" >"$out/kunit.txt"
grep -E '^ +(not )?ok [0-9]' "$out/kunit.txt" || die "mutant: no KUnit results (see $out/out.txt)"
grep -qE '^ +not ok [0-9]+ outermost_pagefault_disable_clears$' "$out/kunit.txt" ||
	die "mutant: the KUnit suite did not notice that pagefault_disable() no longer clears the record"
note "mutant: KUnit caught the mutation"
