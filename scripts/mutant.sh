#!/bin/sh
# Show that the KUnit suite can fail: build the patched kernel with one
# mutation, uaccess_fault_restore() no longer putting the record back (a
# tracer's nofault access then replaces the loop's record), boot it and
# require the case that tests the restore to fail.
# Results: build/run/mutant/kunit.cases.  Needs scripts/tree.sh to have run.
set -eu
# shellcheck source=scripts/lib/common.sh
. "$(dirname -- "$0")/lib/common.sh"

tree=$BUILD/linux-mutant
git -C "$KLAB" rev-parse -q --verify lab >/dev/null ||
	die "mutant: no lab branch (run scripts/tree.sh)"
[ -d "$tree" ] || git -C "$KSRC" worktree add -q --detach "$tree" lab
git -C "$tree" checkout -q -f --detach lab
h=$tree/include/linux/uaccess.h
sed -i '/^static __always_inline void uaccess_fault_restore(unsigned long rec)$/,/^}$/{s/non_recoverable_uaccess = rec;/non_recoverable_uaccess = current->non_recoverable_uaccess;/}' "$h"
[ -n "$(git -C "$tree" diff --stat)" ] || die "mutant: the mutation did not apply to $h"
"$LAB/scripts/lib/build-kernel.sh" "$tree" "$BUILD/out-mutant"
"$LAB/scripts/lib/boot.sh" mutant "$BUILD/out-mutant/arch/arm64/boot/Image" kunit 300
"$LAB/scripts/lib/kunit.sh" mutant >"$BUILD/run/mutant/kunit.cases"
cat "$BUILD/run/mutant/kunit.cases"
grep -qx 'uaccess_fault.foreign_access_restores	FAIL' "$BUILD/run/mutant/kunit.cases" ||
	die "mutant: the KUnit suite did not notice that uaccess_fault_restore() no longer restores the record"
note "mutant: KUnit caught the mutation"
