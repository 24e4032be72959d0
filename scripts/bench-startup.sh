#!/usr/bin/env bash
# Start-up and memory of the real binary against a bare Fyne window
# (bench/hello), both built now and measured in the same run, alternating,
# under Xvfb. For each run: the time from just before exec to the first
# frame (printed by bench/firstframe from inside Fyne's painter), the peak
# RSS (VmHWM) and the Go heap one second after the first frame, and the CPU
# time the process used up to the first frame (all threads; less sensitive
# to a loaded machine than the wall clock). Medians.
#
#   scripts/bench-startup.sh                 # 10 runs each on display :97
#   RUNS=20 DISPLAY_NUM=99 scripts/bench-startup.sh
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-10}
DISPLAY_NUM=${DISPLAY_NUM:-97}
work=$(mktemp -d /tmp/bench-startup.XXXXXX)
xvfb_pid=""
cleanup() {
	[ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

go build -o "$work/scoplan" .
go build -o "$work/hello" ./bench/hello

Xvfb ":$DISPLAY_NUM" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
sleep 1
export DISPLAY=":$DISPLAY_NUM" SCOPLAN_BENCH_FIRSTFRAME=1 LANG=en_US.UTF-8
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" # fresh Fyne preferences
mkdir -p "$HOME"
# A data file with some history, as a delegate's would have.
"$work/scoplan" --db "$work/data.db" set-status 1.1.1 in-progress >/dev/null
for i in $(seq 1 20); do "$work/scoplan" --db "$work/data.db" note 1.2.$(( (i % 8) + 1 )) "note $i on customs" >/dev/null; done

# run NAME CMD...: one start; prints "ms rss_kb heap_bytes cpu_ms"
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
	echo "$(( (t1 - t0) / 1000000 )) $hwm $heap $cpu"
}

load0=$(cut -d' ' -f1-3 /proc/loadavg)
: >"$work/hello.txt"
: >"$work/scoplan.txt"
for i in $(seq 1 "$RUNS"); do
	run hello "$work/hello" >>"$work/hello.txt"
	run scoplan "$work/scoplan" --db "$work/data.db" >>"$work/scoplan.txt"
done

median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
col() { awk -v c="$1" '{print $c}' "$2" | median; }
h_ms=$(col 1 "$work/hello.txt"); s_ms=$(col 1 "$work/scoplan.txt")
h_rss=$(col 2 "$work/hello.txt"); s_rss=$(col 2 "$work/scoplan.txt")
h_heap=$(col 3 "$work/hello.txt"); s_heap=$(col 3 "$work/scoplan.txt")
h_cpu=$(col 4 "$work/hello.txt"); s_cpu=$(col 4 "$work/scoplan.txt")
echo "runs: $RUNS each, alternating; medians"
printf "%-34s %12s %12s %8s\n" "figure" "scoplan" "bare window" "ratio"
printf "%-34s %12s %12s %8.2f\n" "start to first frame (ms)" "$s_ms" "$h_ms" "$(echo "$s_ms / $h_ms" | bc -l)"
printf "%-34s %12s %12s %8.2f\n" "CPU time to first frame (ms)" "$s_cpu" "$h_cpu" "$(echo "$s_cpu / $h_cpu" | bc -l)"
printf "%-34s %12s %12s %8.2f\n" "peak RSS (MiB)" "$(echo "scale=1; $s_rss/1024" | bc)" "$(echo "scale=1; $h_rss/1024" | bc)" "$(echo "$s_rss / $h_rss" | bc -l)"
printf "%-34s %12s %12s %8.2f\n" "Go heap 1 s after first frame (MiB)" "$(echo "scale=1; $s_heap/1048576" | bc)" "$(echo "scale=1; $h_heap/1048576" | bc)" "$(echo "$s_heap / $h_heap" | bc -l)"
echo "load average before and after: $load0 / $(cut -d' ' -f1-3 /proc/loadavg)"
echo "per run (ms rss_kb heap_bytes cpu_ms): hello: $(tr '\n' ';' <"$work/hello.txt")"
echo "                                scoplan: $(tr '\n' ';' <"$work/scoplan.txt")"
