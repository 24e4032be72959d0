#!/usr/bin/env bash
# Start-up and memory of the real binary against a bare Fyne window
# (bench/hello), both built now and measured in the same run, alternating,
# under Xvfb. For each run: the time from just before exec to the first
# frame (printed by bench/firstframe from inside Fyne's painter), the CPU
# time the process used up to the first frame (all threads; less sensitive
# to a loaded machine than the wall clock), the peak RSS (VmHWM) and the Go
# heap one second after the first frame. Medians, and the load average.
#
# With BEFORE=<git revision>, scoplan as it was at that revision is built
# too (in a temporary worktree) and measured in the same rounds, so that a
# change is judged against the same machine at the same moment. With
# BOLD=1, the bare window with a second, bold label (bench/hello -bold) is
# measured too: what loading the faces of a second text style costs.
#
#   scripts/bench-startup.sh                 # 10 runs each on display :97
#   RUNS=20 DISPLAY_NUM=99 scripts/bench-startup.sh
#   BEFORE=cdc0988 BOLD=1 scripts/bench-startup.sh
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-10}
DISPLAY_NUM=${DISPLAY_NUM:-97}
BEFORE=${BEFORE:-}
BOLD=${BOLD:-}
work=$(mktemp -d /tmp/bench-startup.XXXXXX)
xvfb_pid=""
cleanup() {
	[ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
	[ -d "$work/before-src" ] && git worktree remove --force "$work/before-src" 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

go build -o "$work/scoplan" .
go build -o "$work/hello" ./bench/hello
names="hello scoplan"
if [ -n "$BEFORE" ]; then
	git worktree add --detach "$work/before-src" "$BEFORE" >/dev/null 2>&1
	(cd "$work/before-src" && go build -o "$work/before" .)
	names="hello before scoplan"
fi
[ -n "$BOLD" ] && names="$names hellobold"

Xvfb ":$DISPLAY_NUM" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
sleep 1
export DISPLAY=":$DISPLAY_NUM" SCOPLAN_BENCH_FIRSTFRAME=1 LANG=en_US.UTF-8
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" # fresh Fyne preferences
mkdir -p "$HOME"
# A data file with some history, as a delegate's would have.
"$work/scoplan" --db "$work/data.db" set-status 1.1.1 in-progress >/dev/null
for i in $(seq 1 20); do "$work/scoplan" --db "$work/data.db" note 1.2.$(( (i % 8) + 1 )) "note $i on customs" >/dev/null; done

# run NAME CMD...: one start; prints "ms rss_kb heap_bytes cpu_ms" (cpu_ms
# is - for a binary whose marker does not say it)
run() {
	local name=$1; shift
	local log="$work/$name.log"
	: >"$log"
	local t0
	t0=$(date +%s%N)
	"$@" 2>"$log" >/dev/null &
	local pid=$!
	local deadline=$((SECONDS + 30))
	while ! grep -q '^scoplan-memstats' "$log"; do
		if [ $SECONDS -gt $deadline ] || ! kill -0 "$pid" 2>/dev/null; then
			echo "$name: no first frame (log: $(head -c 300 "$log"))" >&2
			kill "$pid" 2>/dev/null || true
			return 1
		fi
		sleep 0.05
	done
	local hwm
	hwm=$(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status")
	kill "$pid"
	wait "$pid" 2>/dev/null || true
	local t1 heap cpu
	t1=$(awk '/^scoplan-first-frame/ {print $2}' "$log")
	cpu=$(sed -n 's/^scoplan-first-frame .*cpu-ms=\([0-9]*\).*/\1/p' "$log")
	heap=$(sed -n 's/^scoplan-memstats heap-alloc=\([0-9]*\).*/\1/p' "$log")
	# The moments scoplan marks on its way (firstframe.Mark), in ms.
	local marks="" m t
	for m in store window built; do
		t=$(awk -v m="$m" '$1 == "scoplan-mark" && $2 == m {print $3}' "$log")
		if [ -n "$t" ]; then marks="$marks $(( (t - t0) / 1000000 ))"; else marks="$marks -"; fi
	done
	echo "$(( (t1 - t0) / 1000000 )) $hwm $heap ${cpu:--}$marks"
}

load0=$(cut -d' ' -f1-3 /proc/loadavg)
for n in $names; do : >"$work/$n.txt"; done
for i in $(seq 1 "$RUNS"); do
	for n in $names; do
		if [ "$n" = hello ]; then
			run hello "$work/hello" >>"$work/hello.txt"
		elif [ "$n" = hellobold ]; then
			run hellobold "$work/hello" -bold >>"$work/hellobold.txt"
		else
			run "$n" "$work/$n" --db "$work/data.db" >>"$work/$n.txt"
		fi
	done
done
load1=$(cut -d' ' -f1-3 /proc/loadavg)

median() { { grep -v '^-$' || true; } | sort -n | awk '{a[NR]=$1} END {if (NR == 0) print "-"; else if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
col() { awk -v c="$1" '{print $c}' "$work/$2.txt" | median; }
ratio() { if [ "$1" = - ] || [ "$2" = - ]; then echo -; else printf "%.2f" "$(echo "$1 / $2" | bc -l)"; fi; }
mib() { if [ "$1" = - ]; then echo -; else echo "scale=1; $1/$2" | bc; fi; }

echo "runs: $RUNS each, alternating ($names); medians; load average $load0 before, $load1 after"
header="%-38s %10s %10s %7s"
[ -n "$BEFORE" ] && header="%-38s %10s %10s %7s %10s %7s"
# shellcheck disable=SC2059
printf "$header\n" "figure" "scoplan" "bare" "ratio" ${BEFORE:+"before" "ratio"}
row() { # LABEL COLUMN DIVISOR
	local h s b
	h=$(col "$2" hello); s=$(col "$2" scoplan)
	[ "$3" != 1 ] && { h=$(mib "$h" "$3"); s=$(mib "$s" "$3"); }
	if [ -n "$BEFORE" ]; then
		b=$(col "$2" before)
		[ "$3" != 1 ] && b=$(mib "$b" "$3")
		# shellcheck disable=SC2059
		printf "$header\n" "$1" "$s" "$h" "$(ratio "$s" "$h")" "$b" "$(ratio "$b" "$h")"
	else
		# shellcheck disable=SC2059
		printf "$header\n" "$1" "$s" "$h" "$(ratio "$s" "$h")"
	fi
}
row "start to first frame (ms)" 1 1
row "CPU time to first frame (ms)" 4 1
row "peak RSS (MiB)" 2 1024
row "Go heap 1 s after first frame (MiB)" 3 1048576
if [ -n "$BOLD" ]; then
	echo "bare window with a bold label too: first frame $(col 1 hellobold) ms ($(ratio "$(col 1 hellobold)" "$(col 1 hello)")), CPU $(col 4 hellobold) ms ($(ratio "$(col 4 hellobold)" "$(col 4 hello)")), peak RSS $(mib "$(col 2 hellobold)" 1024) MiB ($(ratio "$(col 2 hellobold)" "$(col 2 hello)")); scoplan against it: $(ratio "$(col 1 scoplan)" "$(col 1 hellobold)"), $(ratio "$(col 4 scoplan)" "$(col 4 hellobold)"), $(ratio "$(col 2 scoplan)" "$(col 2 hellobold)")"
fi
echo "scoplan on its way (ms from start, medians): store open and theme set $(col 5 scoplan), window shown empty $(col 6 scoplan), content built $(col 7 scoplan), first frame $(col 1 scoplan)"
[ -n "$BEFORE" ] && echo "before: $BEFORE ($(git rev-parse --short "$BEFORE")); scoplan: the working tree at $(git rev-parse --short HEAD)"
echo "per run (ms rss_kb heap_bytes cpu_ms, then scoplan's marks):"
for n in $names; do echo "  $n: $(tr '\n' ';' <"$work/$n.txt")"; done
