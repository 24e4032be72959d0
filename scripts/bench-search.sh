#!/usr/bin/env bash
# Search benchmarks: the per-keystroke query path (Engine.Run + Engine.Counts)
# against bare fuzzy.Find over the same strings, measured in the same run, on
# the real plan (77 measures, 1,000 notes) and a generated one (10,000
# measures, 50,000 notes), with English and Russian text fields.
#
#   scripts/bench-search.sh            # 3 typing sessions per benchmark
#   COUNT=10 scripts/bench-search.sh   # more sessions
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${COUNT:-3}
out=$(mktemp)
trap 'rm -f "$out"' EXIT
go test ./data/search -run '^$' -bench 'Keystroke|FirstKey' -benchtime "${COUNT}x" -timeout 60m | tee "$out"
echo
echo "ratio = engine / fuzzy (same run; lower is better)"
awk '
/^Benchmark/ {
	name = $1; sub(/-[0-9]+$/, "", name)
	if (!(name in key)) order[n++] = name
	for (i = 2; i < NF; i++) {
		if ($(i+1) == "ns/key") key[name] = $i
		if ($(i+1) == "max-key-ns") mx[name] = $i
	}
}
END {
	printf "%-34s %12s %12s %14s %8s\n", "benchmark", "ms/key", "max-key ms", "fuzzy ms/key", "ratio"
	for (j = 0; j < n; j++) {
		b = order[j]
		if (b ~ /\/fuzzy$/) continue
		base = b; sub(/\/[^\/]+$/, "/fuzzy", base)
		r = (base in key && key[base] > 0) ? sprintf("%.3f", key[b] / key[base]) : "-"
		m = (b in mx) ? sprintf("%.2f", mx[b] / 1e6) : "-"
		printf "%-34s %12.2f %12s %14.2f %8s\n", b, key[b] / 1e6, m, key[base] / 1e6, r
	}
}' "$out"
