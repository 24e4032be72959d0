#!/usr/bin/env bash
# Crash safety: writers killed with SIGKILL at random moments.
#
#   scripts/crash-test.sh            # 200 rounds of each kind
#   LONG=1 scripts/crash-test.sh     # 1,000 rounds of each kind
#   ROUNDS=50 scripts/crash-test.sh
#   KINDS="import" scripts/crash-test.sh   # only these kinds of round
#
# Four kinds of round, each on its own data file that grows over the rounds:
#   store   bench/crashwriter adds notes and sets statuses through scoplan's
#           store, printing each change's ID once the write has returned;
#   cli     the real binary, `scoplan note` in a loop, each success's ID
#           taken from its output;
#   export  bench/crashwriter exports the data file to a status file again
#           and again;
#   import  bench/crashwriter writes a new colleague's status file (300
#           changes) and imports it, again and again (a new data file every
#           10 rounds).
# After each kill: bbolt's consistency check (tx.Check) passes, scoplan opens
# the file, and every change reported written is in it; for export, the file
# under the final name is absent or a complete, valid status file; for
# import, every file whose import returned is in the data file wholly, and
# the one being imported when the writer was killed wholly or not at all.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-200}
KINDS=${KINDS:-store cli export import}
want() { case " $KINDS " in *" $1 "*) return 0 ;; esac; return 1; }
[ "${LONG:-}" = 1 ] && ROUNDS=1000
work=$(mktemp -d /tmp/crash-test.XXXXXX)
trap 'rm -rf "$work"' EXIT
go build -o "$work/crashwriter" ./bench/crashwriter
go build -o "$work/scoplan" .
export HOME="$work/home"
mkdir -p "$HOME"

delay() { awk -v r="$RANDOM" 'BEGIN { printf "%.3f", 0.01 + (r % 400) / 1000 }'; }
fails=0
acked_total=0

kill_at_random() { # PID
	sleep "$(delay)"
	kill -KILL "$1" 2>/dev/null || true
	wait "$1" 2>/dev/null || true
}

# store rounds
if want store; then
for i in $(seq 1 "$ROUNDS"); do
	: >"$work/acks"
	"$work/crashwriter" write "$work/store.db" >>"$work/acks" 2>"$work/err" &
	kill_at_random $!
	if ! out=$("$work/crashwriter" check "$work/store.db" "$work/acks" 2>&1); then
		echo "store round $i: $out"; fails=$((fails + 1))
	fi
	acked_total=$((acked_total + $(grep -c '^ok ' "$work/acks" || true)))
done
store_changes=$(echo "$out" | sed -n 's/.*in file \([0-9]*\).*/\1/p')
echo "store: $ROUNDS rounds, $acked_total writes acknowledged before a kill, $store_changes changes in the file at the end"
fi

# cli rounds: a shell loop of the real binary; the loop and its current
# scoplan are killed together.
if want cli; then
cli_acked=0
for i in $(seq 1 "$ROUNDS"); do
	: >"$work/cli-out"
	(
		n=0
		while :; do
			n=$((n + 1))
			"$work/scoplan" --db "$work/cli.db" note 1.$(( (n % 6) + 1 )).1 "cli crash note $n" >>"$work/cli-out" 2>/dev/null || true
		done
	) 2>/dev/null &
	loop=$!
	sleep "$(delay)"
	pkill -KILL -P "$loop" 2>/dev/null || true # the running scoplan, a child of this loop only
	kill -KILL "$loop" 2>/dev/null || true
	wait "$loop" 2>/dev/null || true
	sed -n 's/^note \([0-9a-f]*\) added to .*/ok \1/p' "$work/cli-out" >"$work/cli-acks"
	cli_acked=$((cli_acked + $(wc -l <"$work/cli-acks")))
	if [ ! -e "$work/cli.db" ]; then continue; fi
	if ! out=$("$work/crashwriter" check "$work/cli.db" "$work/cli-acks" 2>&1); then
		echo "cli round $i: $out"; fails=$((fails + 1))
	fi
done
echo "cli: $ROUNDS rounds, $cli_acked notes reported added before a kill"
fi

# export rounds (on the store rounds' data file, or a new one)
if want export; then
[ -e "$work/store.db" ] || { timeout 1 "$work/crashwriter" write "$work/store.db" >/dev/null 2>&1 || true; }
complete=0
absent=0
for i in $(seq 1 "$ROUNDS"); do
	rm -f "$work/out.scoplan-status"
	"$work/crashwriter" export "$work/store.db" "$work/out.scoplan-status" >"$work/exp-acks" 2>"$work/err" &
	kill_at_random $!
	if ! out=$("$work/crashwriter" check-export "$work/out.scoplan-status" 2>&1); then
		echo "export round $i: $out"; fails=$((fails + 1))
	elif [ "$out" = absent ]; then
		absent=$((absent + 1))
	else
		complete=$((complete + 1))
	fi
done
leftover=$(find "$work" -maxdepth 1 -name '.out.scoplan-status.*.tmp' | wc -l)
echo "export: $ROUNDS rounds, final file complete after $complete kills, absent (killed before the first rename) after $absent; $leftover temporary files left beside it"
fi

# import rounds
if want import; then
began=0
whole=0
none=0
mkdir -p "$work/imports"
for i in $(seq 1 "$ROUNDS"); do
	: >"$work/imp-acks"
	"$work/crashwriter" import "$work/import.db" "$work/imports" >"$work/imp-acks" 2>"$work/err" &
	kill_at_random $!
	[ -e "$work/import.db" ] || continue
	if ! out=$("$work/crashwriter" check-import "$work/import.db" "$work/imp-acks" 2>&1); then
		echo "import round $i: $out"; fails=$((fails + 1))
		continue
	fi
	line=$(echo "$out" | grep '^imports begun')
	began=$((began + $(echo "$line" | awk '{gsub(",", ""); print $3}')))
	whole=$((whole + $(echo "$line" | awk '{gsub(",", ""); print $9}')))
	none=$((none + $(echo "$line" | awk '{gsub(",", ""); print $13}')))
	rm -f "$work"/imports/*
	# A new data file every 10 rounds: a few hundred thousand changes make
	# each check's open slow, and growth is tested within the ten.
	[ $((i % 10)) = 0 ] && rm -f "$work/import.db"
done
echo "import: $ROUNDS rounds, $began imports begun before a kill: $whole in the data file wholly, $none not at all, none in part"
fi

echo "failures: $fails"
[ "$fails" = 0 ]
