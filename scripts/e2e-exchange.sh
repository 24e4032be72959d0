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

a=$tmp/anna.db b=$tmp/bolat.db c=$tmp/boris.db
s --db "$a" whoami --name "Anna Petrova" --delegation Russia >/dev/null
s --db "$b" whoami --name "Bolat Nurlanov" --delegation Kazakhstan >/dev/null
s --db "$c" whoami --name "Boris Ivanov" --delegation Россия >/dev/null
s --db "$a" set-status 1.2.3 done >/dev/null
s --db "$a" note 1.2.3 "Roadmap signed" >/dev/null
s --db "$b" set-status 1.2.3 blocked >/dev/null
s --db "$b" note 1.2.3 "=HYPERLINK(\"x\") waiting for <customs>" >/dev/null
s --db "$c" set-status 1.2.3 in-progress >/dev/null
s --db "$a" export --out "$tmp/anna.scoplan-status" >/dev/null
s --db "$b" export --out "$tmp/bolat.scoplan-status" >/dev/null
s --db "$c" export --out "$tmp/boris.scoplan-status" >/dev/null

# Russia and Kazakhstan report different statuses: two reports, no conflict.
out=$(s --db "$a" import "$tmp/bolat.scoplan-status")
grep -q "2 new changes" <<<"$out" && ! grep -q "conflict" <<<"$out" || fail "import said: $out"
s --db "$b" import "$tmp/anna.scoplan-status" >/dev/null
ja=$(s --db "$a" show 1.2.3 --json) jb=$(s --db "$b" show 1.2.3 --json)
python3 - "$ja" "$jb" <<'EOF' || fail "show --json: $ja / $jb"
import json, sys
a, b = (json.loads(x) for x in sys.argv[1:3])
assert a["statuses"] == b["statuses"] and a["notes"] == b["notes"] and a["history"] == b["history"], "the two data files differ"
assert a["statuses"]["RU"]["status"] == "done" and a["statuses"]["KZ"]["status"] == "blocked", a["statuses"]
assert not a["conflict"] and not b["conflict"] and not any(v["conflict"] for v in a["statuses"].values()), a["statuses"]
assert (a["status"], b["status"]) == ("done", "blocked"), (a["status"], b["status"])
assert len(a["notes"]) == 2, a["notes"]
EOF

# Two Russians set different statuses without seeing each other's: a
# conflict within Russia.
out=$(s --db "$a" import "$tmp/boris.scoplan-status")
grep -q "1 new status conflict" <<<"$out" && grep -q "within Russia (RU)" <<<"$out" || fail "import of Boris's file said: $out"
python3 - "$(s --db "$a" show 1.2.3 --json)" <<'EOF' || fail "show --json after Boris's file"
import json, sys
d = json.loads(sys.argv[1])
assert d["conflict"] is True and d["statuses"]["RU"]["conflict"] is True and d["statuses"]["KZ"]["conflict"] is False, d["statuses"]
assert sorted(c["status"] for c in d["competing"]) == ["done", "in-progress"], d["competing"]
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
