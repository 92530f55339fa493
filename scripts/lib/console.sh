#!/bin/sh
# The reports on the console of one boot, one a line, without times and
# offsets: console.sh NAME prints the lines of build/run/NAME/console.log
# that report a kernel problem (BUG, WARNING, Oops, lockdep, soft lockup,
# hung task, RCU stall, panic).  The one list of what counts as a report.
set -eu
# shellcheck source=scripts/lib/common.sh
. "$(dirname -- "$0")/common.sh"

[ $# = 1 ] || die "usage: console.sh NAME"
f=$BUILD/run/$1/console.log
[ -f "$f" ] || die "console: no console log for $1"
grep -aE 'Kernel panic|BUG:|WARNING:|Oops|possible (recursive|circular)|inconsistent lock|sleeping function called|soft lockup|hung_task|blocked for more than|rcu_.*stall' "$f" |
	sed -E 's/^\[[ 0-9.]*\] //; s/\+0x[0-9a-f]+\/0x[0-9a-f]+//g' || true
