#!/usr/bin/env bash
# The exchange through the real binary: two data files with different
# statuses and notes on one measure export and import each other's status
# files; both end identical, with both notes and the conflict flagged; a
# second import says "nothing new" and leaves the data file byte-for-byte
# the same; a tampered, a truncated and a huge file are refused with exit
# code 1 and one line, the data file unchanged; reports come out in the
# three formats.
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$GO" build -o "$tmp/scoplan" .
s() { "$tmp/scoplan" --today 2026-11-23 "$@"; }
fail() { echo "FAIL: $*"; exit 1; }
sum() { sha256sum "$1" | cut -d' ' -f1; }

a=$tmp/anna.db b=$tmp/bolat.db
s --db "$a" whoami --name "Anna Petrova" --delegation Russia >/dev/null
s --db "$b" whoami --name "Bolat Nurlanov" --delegation Kazakhstan >/dev/null
s --db "$a" set-status 1.2.3 done >/dev/null
s --db "$a" note 1.2.3 "Roadmap signed" >/dev/null
s --db "$b" set-status 1.2.3 blocked >/dev/null
s --db "$b" note 1.2.3 "=HYPERLINK(\"x\") waiting for <customs>" >/dev/null
s --db "$a" export --out "$tmp/anna.scoplan-status" >/dev/null
s --db "$b" export --out "$tmp/bolat.scoplan-status" >/dev/null

out=$(s --db "$a" import "$tmp/bolat.scoplan-status")
grep -q "1 new status conflict" <<<"$out" || fail "import said: $out"
s --db "$b" import "$tmp/anna.scoplan-status" >/dev/null
ja=$(s --db "$a" show 1.2.3 --json) jb=$(s --db "$b" show 1.2.3 --json)
[ "$ja" = "$jb" ] || fail "the two data files differ after the exchange"
python3 - "$ja" <<'EOF' || fail "show --json: $ja"
import json, sys
d = json.loads(sys.argv[1])
assert d["conflict"] is True, d["conflict"]
assert sorted(c["status"] for c in d["competing"]) == ["blocked", "done"], d["competing"]
assert len(d["notes"]) == 2, d["notes"]
EOF

before=$(sum "$a")
out=$(s --db "$a" import "$tmp/bolat.scoplan-status")
grep -q "total: nothing new" <<<"$out" || fail "second import said: $out"
[ "$(sum "$a")" = "$before" ] || fail "a second import changed the data file"

sed 's/waiting/WAITING/' "$tmp/bolat.scoplan-status" >"$tmp/tampered.scoplan-status"
head -c 500 "$tmp/bolat.scoplan-status" >"$tmp/truncated.scoplan-status"
truncate -s 101M "$tmp/huge.scoplan-status"
for f in tampered truncated huge; do
	code=0
	s --db "$a" import "$tmp/bolat.scoplan-status" "$tmp/$f.scoplan-status" >"$tmp/out" 2>"$tmp/err" || code=$?
	[ "$code" = 1 ] || fail "$f: exit code $code"
	[ "$(wc -l <"$tmp/err")" = 1 ] && grep -q "$f.scoplan-status: " "$tmp/err" || fail "$f: stderr $(cat "$tmp/err")"
	[ "$(sum "$a")" = "$before" ] || fail "$f: the data file changed"
	echo "refused as it should: $(cat "$tmp/err")"
done

s --db "$a" report --out "$tmp/r.csv" >/dev/null
s --db "$a" report --out "$tmp/r.xlsx" --lang en >/dev/null
s --db "$a" report --out "$tmp/r.html" --lang ru --conflict >/dev/null
[ "$(head -c 3 "$tmp/r.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ] || fail "the CSV has no BOM"
grep -q "'=HYPERLINK" "$tmp/r.csv" || fail "the CSV does not neutralise a formula"
[ "$(head -c 2 "$tmp/r.xlsx")" = PK ] || fail "the XLSX is not a zip file"
grep -q "&lt;customs&gt;" "$tmp/r.html" && ! grep -q "<customs>" "$tmp/r.html" || fail "the HTML does not escape a note"
echo "e2e-exchange: ok"
