#!/usr/bin/env bash
# End-to-end check of the shared folder through real Syncthing: three
# delegates, each with a Syncthing instance of its own and a data file kept
# OUTSIDE the synced folder, run `scoplan sync --watch` on their instance's
# folder. They all write at once; one Syncthing instance is stopped, its
# delegate writes, and it is started again. The script waits until every
# data file holds every change, then checks that all three agree (list
# --json equal, every note there), that a conflict copy and a Syncthing
# temporary file planted in a folder were handled, and that no data file is
# inside a synced folder.
#
# Everything stays on this machine: each instance listens on 127.0.0.1 only,
# with global and local discovery, relays, NAT traversal, usage reporting,
# crash reporting and upgrades off. Those options are written into each
# config.xml before the instance first starts (so it never listens anywhere
# else, even for a moment); devices and the shared folder are then set
# through the REST API with the key from each config.xml.
#
# Needs: syncthing (Debian's package, 1.19 or newer), curl, python3 (make
# test installs them). Environment: GO (default go).
set -euo pipefail
cd "$(dirname "$0")/.."

GO=${GO:-go}
for cmd in syncthing curl python3; do
	command -v "$cmd" >/dev/null || { echo "e2e-syncthing: $cmd is not installed (make test installs it)"; exit 1; }
done
start_time=$(date +%s)

tmp=$(mktemp -d)
pids=()
ok=0
cleanup() {
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
	if [ "$ok" = 1 ] && [ -z "${E2E_KEEP:-}" ]; then rm -rf "$tmp"; else echo "e2e-syncthing: logs kept in $tmp"; fi
	return 0
}
trap cleanup EXIT
fail() {
	echo "e2e-syncthing: FAIL: $*"
	for f in "$tmp"/*.log; do [ -f "$f" ] && { echo "--- $f"; tail -n 30 "$f"; }; done
	exit 1
}

echo "e2e-syncthing: building"
"$GO" build -o "$tmp/scoplan" .
bin=$tmp/scoplan
export HOME=$tmp/home STNODEFAULTFOLDER=1 STNOUPGRADE=1
mkdir -p "$HOME"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

names=(A B C)
declare -A gui sync_port key devid home folder db
for n in "${names[@]}"; do
	home[$n]=$tmp/st-$n
	folder[$n]=$tmp/shared-$n
	db[$n]=$tmp/data-$n/scoplan.db
	mkdir -p "${folder[$n]}" "$tmp/data-$n"
	gui[$n]=$(free_port)
	sync_port[$n]=$(free_port)
	devid[$n]=$(syncthing generate --home="${home[$n]}" 2>&1 | sed -n 's/.*Device ID: *//p')
	[ -n "${devid[$n]}" ] || fail "syncthing generate gave no device ID for $n"
	cfg=${home[$n]}/config.xml
	sed -i \
		-e "s#<address>127.0.0.1:8384</address>#<address>127.0.0.1:${gui[$n]}</address>#" \
		-e "s#<listenAddress>default</listenAddress>#<listenAddress>tcp://127.0.0.1:${sync_port[$n]}</listenAddress>#" \
		-e "s#<globalAnnounceEnabled>true#<globalAnnounceEnabled>false#" \
		-e "s#<localAnnounceEnabled>true#<localAnnounceEnabled>false#" \
		-e "s#<relaysEnabled>true#<relaysEnabled>false#" \
		-e "s#<natEnabled>true#<natEnabled>false#" \
		-e "s#<urAccepted>0#<urAccepted>-1#" \
		-e "s#<autoUpgradeIntervalH>[0-9]*#<autoUpgradeIntervalH>0#" \
		-e "s#<startBrowser>true#<startBrowser>false#" \
		-e "s#<crashReportingEnabled>true#<crashReportingEnabled>false#" \
		"$cfg"
	for want in "<address>127.0.0.1:${gui[$n]}</address>" "<listenAddress>tcp://127.0.0.1:${sync_port[$n]}</listenAddress>" \
		"<globalAnnounceEnabled>false" "<localAnnounceEnabled>false" "<relaysEnabled>false" "<natEnabled>false"; do
		grep -q "$want" "$cfg" || fail "config.xml of $n lacks $want"
	done
	key[$n]=$(sed -n 's#.*<apikey>\(.*\)</apikey>.*#\1#p' "$cfg")
done

declare -A st_pid
start_st() { # name
	local n=$1
	syncthing serve --home="${home[$n]}" --no-browser --no-restart --logflags=0 >>"$tmp/syncthing-$n.log" 2>&1 &
	pids+=("$!") # first: the cleanup stops it whatever happens next
	st_pid[$n]=$!
	for _ in $(seq 100); do
		curl -fs -H "X-API-Key: ${key[$n]}" "http://127.0.0.1:${gui[$n]}/rest/system/ping" >/dev/null 2>&1 && return 0
		sleep 0.2
	done
	fail "syncthing $n did not answer"
}
api() { # name method path [json]
	local n=$1 m=$2 p=$3
	curl -fsS -X "$m" -H "X-API-Key: ${key[$n]}" -H 'Content-Type: application/json' \
		"http://127.0.0.1:${gui[$n]}$p" ${4:+--data "$4"}
}

for n in "${names[@]}"; do start_st "$n"; done
echo "e2e-syncthing: three Syncthing instances on 127.0.0.1 (${gui[A]}, ${gui[B]}, ${gui[C]})"

devices_json=$(for n in "${names[@]}"; do printf '{"deviceID":"%s"},' "${devid[$n]}"; done)
devices_json="[${devices_json%,}]"
for n in "${names[@]}"; do
	for m in "${names[@]}"; do
		[ "$n" = "$m" ] && continue
		api "$n" POST /rest/config/devices "{\"deviceID\":\"${devid[$m]}\",\"name\":\"$m\",\"addresses\":[\"tcp://127.0.0.1:${sync_port[$m]}\"],\"autoAcceptFolders\":false}" >/dev/null
	done
	api "$n" POST /rest/config/folders "{\"id\":\"scoplan\",\"label\":\"scoplan\",\"path\":\"${folder[$n]}\",\"type\":\"sendreceive\",\"devices\":$devices_json,\"fsWatcherEnabled\":true,\"fsWatcherDelayS\":1,\"rescanIntervalS\":5}" >/dev/null
done
# Options again through the API: they must already be what config.xml says.
for n in "${names[@]}"; do
	api "$n" GET /rest/config/options | python3 -c '
import json, sys
o = json.load(sys.stdin)
bad = [k for k, v in {"globalAnnounceEnabled": False, "localAnnounceEnabled": False, "relaysEnabled": False, "natEnabled": False}.items() if o.get(k) != v]
bad += [a for a in o["listenAddresses"] if not a.startswith("tcp://127.0.0.1:")]
sys.exit("options not local: %s" % bad if bad else 0)' || fail "syncthing $n options"
done

connected() { # name: every other device connected
	api "$1" GET /rest/system/connections | python3 -c '
import json, sys
c = json.load(sys.stdin)["connections"]
sys.exit(0 if sum(1 for v in c.values() if v["connected"]) >= 2 else 1)'
}
for _ in $(seq 150); do
	connected A && connected B && connected C && break
	sleep 0.2
done
connected A && connected B && connected C || fail "the instances did not connect to each other"
echo "e2e-syncthing: connected"

# Each delegate: a data file outside the synced folder, and a watcher.
declare -A deleg=([A]=KZ [B]=RU [C]=CN)
for n in "${names[@]}"; do
	"$bin" --db "${db[$n]}" whoami --name "Delegate $n" --delegation "${deleg[$n]}" >/dev/null
done
declare -A w_pid
start_watch() {
	local n=$1
	"$bin" --db "${db[$n]}" sync --folder "${folder[$n]}" --watch --interval 400ms >>"$tmp/watch-$n.log" 2>&1 &
	pids+=("$!")
	w_pid[$n]=$!
}
for n in "${names[@]}"; do start_watch "$n"; done

# The data files are outside every synced folder: the watchers gave no warning.
sleep 1
for n in "${names[@]}"; do
	grep -q "warning" "$tmp/watch-$n.log" && fail "watcher $n warned: $(cat "$tmp/watch-$n.log")"
done
# ... and a data file inside a folder Syncthing keeps in step is warned
# about: Syncthing marks its folders with .stfolder. The data file sits in a
# subfolder that .stignore keeps out of the sync, so it stays on A alone.
for _ in $(seq 50); do [ -e "${folder[A]}/.stfolder" ] && break; sleep 0.2; done
[ -e "${folder[A]}/.stfolder" ] || fail "Syncthing did not mark its folder with .stfolder"
printf '/private\n' >"${folder[A]}/.stignore"
mkdir -p "${folder[A]}/private" "$tmp/plain"
"$bin" --db "${folder[A]}/private/inside.db" sync --folder "$tmp/plain" >"$tmp/inside.log" 2>&1 || true
grep -q "warning: the data file .* is in a folder that Syncthing keeps in step" "$tmp/inside.log" ||
	fail "no warning for a data file in a Syncthing folder: $(cat "$tmp/inside.log")"
rm -rf "${folder[A]}/private"

# Everyone writes at once: each delegate adds notes and sets statuses while
# the others' watchers and Syncthing run. The CLI waits for the data file
# while a pass of its own watcher holds it.
expected=0
write() { # name i
	local n=$1 i=$2
	"$bin" --db "${db[$n]}" note "1.1.$i" "note $i by $n" >/dev/null
}
for i in 1 2 3 4 5; do
	writers=()
	for n in "${names[@]}"; do
		write "$n" "$i" &
		writers+=("$!")
	done
	for j in "${writers[@]}"; do wait "$j" || fail "a write failed"; done
	expected=$((expected + 3))
done
"$bin" --db "${db[A]}" set-status 1.2.1 done >/dev/null
"$bin" --db "${db[B]}" set-status 1.2.1 blocked >/dev/null
"$bin" --db "${db[C]}" set-status 1.2.2 in-progress >/dev/null
expected=$((expected + 3))

# Syncthing C stops; delegate C writes meanwhile; C starts again.
kill "${st_pid[C]}"
wait "${st_pid[C]}" 2>/dev/null || true
"$bin" --db "${db[C]}" note 1.3.1 "written while Syncthing C was stopped" >/dev/null
expected=$((expected + 1))
sleep 2
start_st C

# Planted in B's folder: a Syncthing temporary file (garbage: never read)
# and a conflict copy of a colleague's file holding one more change.
printf 'SCOPLAN-STATUS 1\n{half' >"${folder[B]}/.syncthing.scoplan-0000000000000000.scoplan-status.tmp"
printf 'SCOPLAN-STATUS 1\n{half' >"${folder[B]}/~syncthing~scoplan-0000000000000001.scoplan-status.tmp"
"$bin" --db "$tmp/extra.db" whoami --name "Delegate D" --delegation UZ >/dev/null
"$bin" --db "$tmp/extra.db" note 1.4.1 "from a conflict copy" >/dev/null
dkey=$("$bin" --db "$tmp/extra.db" whoami --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["key"])')
"$bin" --db "$tmp/extra.db" export --out "$tmp/copy.scoplan-status" >/dev/null
cp "$tmp/copy.scoplan-status" "${folder[B]}/scoplan-$dkey.sync-conflict-20261204-120000-ABCDEFG.scoplan-status"
expected=$((expected + 1))

changes() { # data file: number of changes its whoami reports
	"$bin" --db "$1" whoami --json | python3 -c 'import json,sys; print(json.load(sys.stdin).get("changes", 0))'
}
echo "e2e-syncthing: waiting until every data file holds all $expected changes"
all=0
for _ in $(seq 180); do
	all=1
	for n in "${names[@]}"; do
		[ "$(changes "${db[$n]}" 2>/dev/null || echo 0)" = "$expected" ] || { all=0; break; }
	done
	[ "$all" = 1 ] && break
	sleep 0.5
done
for n in "${names[@]}"; do echo "  $n holds $(changes "${db[$n]}") changes"; done
[ "$all" = 1 ] || fail "not every data file holds all $expected changes"

# All agree, and nothing was lost.
# Each data file shows its own delegation's status as "status": what must
# agree is everything else, every delegation's status included.
for n in "${names[@]}"; do
	"$bin" --db "${db[$n]}" --today 2026-12-04 list --json | python3 -c '
import json, sys
for line in sys.stdin:
    m = json.loads(line)
    for own in ("status", "conflict", "overdue", "due_soon"):
        del m[own]
    print(json.dumps(m, sort_keys=True, ensure_ascii=False))' >"$tmp/list-$n.json"
done
cmp -s "$tmp/list-A.json" "$tmp/list-B.json" || fail "A and B disagree"
cmp -s "$tmp/list-A.json" "$tmp/list-C.json" || fail "A and C disagree"
for id in 1.1.1 1.1.2 1.1.3 1.1.4 1.1.5 1.3.1 1.4.1; do
	"$bin" --db "${db[A]}" show "$id" --json
done >"$tmp/show-A.json"
python3 - "$tmp/list-A.json" "$tmp/show-A.json" <<'EOF' || fail "a change is missing"
import json, sys
ms = {m["id"]: m for m in map(json.loads, open(sys.argv[1]))}
shown = {m["id"]: m for m in map(json.loads, open(sys.argv[2]))}
def texts(i): return sorted(n["text"] for n in shown[i]["notes"])
for i in range(1, 6):
    want = sorted(f"note {i} by {n}" for n in "ABC")
    assert texts(f"1.1.{i}") == want, (i, texts(f"1.1.{i}"))
assert texts("1.3.1") == ["written while Syncthing C was stopped"], texts("1.3.1")
assert texts("1.4.1") == ["from a conflict copy"], texts("1.4.1")
st = lambda i: {k: (v["status"], v["conflict"]) for k, v in ms[i]["statuses"].items()}
assert st("1.2.2") == {"CN": ("in-progress", False)}, st("1.2.2")
# Kazakhstan and Russia report different statuses: two reports, no conflict.
assert st("1.2.1") == {"KZ": ("done", False), "RU": ("blocked", False)}, st("1.2.1")
EOF
# The conflict copy was named once by B's watcher; the temporary files were never read.
[ "$(grep -c 'a conflict copy made by a sync tool' "$tmp/watch-B.log")" = 1 ] || fail "B's watcher did not name the conflict copy exactly once"
grep -q 'refused' "$tmp/watch-"*.log && fail "a watcher refused a file: $(grep -h refused "$tmp"/watch-*.log)"
# No data file inside a synced folder.
for n in "${names[@]}"; do
	find "${folder[$n]}" -name '*.db' | grep -q . && fail "a data file is inside ${folder[$n]}"
done

# SIGTERM ends each watcher cleanly.
for n in "${names[@]}"; do kill -TERM "${w_pid[$n]}"; done
for n in "${names[@]}"; do
	wait "${w_pid[$n]}" || fail "watcher $n exited with $?"
	tail -n 1 "$tmp/watch-$n.log" | grep -q '^stopped$' || fail "watcher $n did not stop cleanly"
done
ok=1
echo "e2e-syncthing: ok: 3 delegates, $expected changes in every data file, in $(( $(date +%s) - start_time )) s"
