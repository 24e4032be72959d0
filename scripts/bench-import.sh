#!/usr/bin/env bash
# Import benchmarks (storage/exchange_bench_test.go), with their baseline
# measured in the same run: reading the same files and decoding every line
# with encoding/json. Two workloads of 1,000 status files:
#   - distinct: 1,000 exporters, 462 changes each, all different (462,000);
#   - relay: 5 authors exporting 200 times each, every file the author's
#     whole log with what others relayed (2,000 changes, 993,020 lines).
# Each is imported into a fresh data file, then imported again (and the
# distinct files once more as if their checksums had not been recorded, so
# that every line is recognised by its ID and bytes).
#
# With BASE=<revision> the same benchmarks also run on that revision's
# storage code (this checkout's benchmark file copied in), the two builds
# alternating, so the speed-up is measured in the same run too.
#
#   scripts/bench-import.sh                  # this checkout, 3 runs of each
#   BASE=8f79d44 ROUNDS=3 scripts/bench-import.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-3}
BENCHTIME=${BENCHTIME:-3x}
PATTERN='^Benchmark(Import1000|Reimport1000|ReimportUnseen1000|BaselineDecode1000|ImportRelay1000|ReimportRelay1000|BaselineDecodeRelay1000)$'
work=$(mktemp -d)
cleanup() {
	if [ -n "${BASE:-}" ] && [ -d "$work/base" ]; then git worktree remove --force "$work/base" >/dev/null 2>&1 || true; fi
	rm -rf "$work"
}
trap cleanup EXIT

go test -c -o "$work/new.test" ./storage
builds=(new)
if [ -n "${BASE:-}" ]; then
	git worktree add --detach "$work/base" "$BASE" >/dev/null 2>&1
	cp storage/exchange_bench_test.go "$work/base/storage/"
	# Older stores kept the imported files' checksums as a set.
	if grep -q 'imported map\[\[32\]byte\]bool' "$work/base/storage/store.go"; then
		sed -i 's/map\[\[32\]byte\]\[\]byte{}/map[[32]byte]bool{}/' "$work/base/storage/exchange_bench_test.go"
	fi
	(cd "$work/base" && go test -c -o "$work/base.test" ./storage)
	builds=(base new)
fi

for r in $(seq "$ROUNDS"); do
	for b in "${builds[@]}"; do
		echo "== round $r: $b" >&2
		(cd storage && "$work/$b.test" -test.run '^$' -test.bench "$PATTERN" -test.benchtime "$BENCHTIME" -test.timeout 60m) |
			awk -v b="$b" '/^Benchmark/ { name = $1; sub(/-[0-9]+$/, "", name); print b, name, $3 }' | tee -a "$work/results" >&2
	done
done

echo
echo "medians of $ROUNDS runs, seconds; ratio = import / its encoding/json baseline (same run)"
awk -v builds="${builds[*]}" '
{ v[$1 " " $2] = v[$1 " " $2] " " $3 }
function median(s,   a, n, i, j, t) {
	n = split(s, a, " ")
	for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
	return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
END {
	nb = split(builds, bs, " ")
	printf "%-10s %-28s %10s %10s %8s\n", "build", "benchmark", "s", "baseline", "ratio"
	for (k = 1; k <= nb; k++) {
		b = bs[k]
		nn = split("Import1000 Reimport1000 ReimportUnseen1000 ImportRelay1000 ReimportRelay1000", names, " ")
		for (i = 1; i <= nn; i++) {
			n = "Benchmark" names[i]
			base = (n ~ /Relay/) ? "BenchmarkBaselineDecodeRelay1000" : "BenchmarkBaselineDecode1000"
			if (!((b " " n) in v)) continue
			x = median(v[b " " n]) / 1e9; y = median(v[b " " base]) / 1e9
			printf "%-10s %-28s %10.3f %10.3f %8.3f\n", b, names[i], x, y, x / y
		}
	}
	if (nb == 2) {
		print ""
		print "new / base (same run; lower is faster)"
		for (i = 1; i <= nn; i++) {
			n = "Benchmark" names[i]
			if (!(("base " n) in v) || !(("new " n) in v)) continue
			printf "%-28s %8.3f\n", names[i], median(v["new " n]) / median(v["base " n])
		}
	}
}' "$work/results"
