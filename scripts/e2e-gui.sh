#!/usr/bin/env bash
# End-to-end check of the real window: builds scoplan, starts it under Xvfb
# on a fresh temporary data file, drives it with xdotool the way a delegate
# would (search, open a measure, set its status, add a note), saves
# screenshots, quits, and then asks the command line (scoplan show --json on
# the same file) whether the changes are there. Exits non-zero on any failure.
#
# Needs: Xvfb, xdotool, xclip, ImageMagick's import (make test installs them).
# Environment:
#   GO            the go command (default: go)
#   E2E_DISPLAY   the X display number to use (default: 99)
#   E2E_SHOTS     where to keep the screenshots (default: a temporary folder,
#                 removed at the end unless the check fails)
set -euo pipefail
cd "$(dirname "$0")/.."

GO=${GO:-go}
DISP=${E2E_DISPLAY:-99}
for cmd in Xvfb xdotool xclip import; do
	command -v "$cmd" >/dev/null || { echo "e2e-gui: $cmd is not installed (make test installs it)"; exit 1; }
done

tmp=$(mktemp -d)
shots=${E2E_SHOTS:-$tmp/shots}
mkdir -p "$shots"
xvfb_pid=""
app_pid=""
ok=0
cleanup() {
	[ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
	[ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
	wait 2>/dev/null || true
	if [ "$ok" = 1 ] || [ -n "${E2E_SHOTS:-}" ]; then
		rm -rf "$tmp/bin" "$tmp/config" "$tmp/data"
		if [ -z "${E2E_SHOTS:-}" ]; then rm -rf "$tmp"; fi
	else
		echo "e2e-gui: screenshots and logs kept in $tmp"
	fi
	return 0 # the script's own exit status stands
}
trap cleanup EXIT

fail() {
	echo "e2e-gui: FAIL: $*"
	[ -f "$tmp/app.log" ] && sed 's/^/    app: /' "$tmp/app.log"
	exit 1
}

echo "e2e-gui: building"
mkdir -p "$tmp/bin" "$tmp/config" "$tmp/data"
"$GO" build -o "$tmp/bin/scoplan" .
bin=$tmp/bin/scoplan
db=$tmp/data/e2e.db
today=2026-11-23

# Isolate Fyne's preferences (window size, splits) from the user's.
export XDG_CONFIG_HOME=$tmp/config
export LANG=en_US.UTF-8
export DISPLAY=:$DISP

"$bin" --db "$db" whoami --name "Aigerim Nurlanovna" --delegation "Kazakhstan" >/dev/null ||
	fail "whoami could not set the identity"

if [ -e "/tmp/.X$DISP-lock" ] || [ -e "/tmp/.X11-unix/X$DISP" ]; then
	fail "display :$DISP is already in use (set E2E_DISPLAY to a free number)"
fi
# -displayfd: Xvfb writes the display number to fd 3 once it accepts
# connections (and exits if the display is taken), so we talk to our server,
# not to one that is still shutting down.
Xvfb ":$DISP" -screen 0 1280x800x24 -nolisten tcp -displayfd 3 3>"$tmp/xvfb.ready" >"$tmp/xvfb.log" 2>&1 &
xvfb_pid=$!
up=0
for _ in $(seq 200); do
	kill -0 "$xvfb_pid" 2>/dev/null || fail "Xvfb did not start on :$DISP: $(cat "$tmp/xvfb.log")"
	if [ -s "$tmp/xvfb.ready" ] && xdotool getmouselocation >/dev/null 2>&1; then up=1; break; fi
	sleep 0.1
done
[ "$up" = 1 ] || fail "Xvfb on :$DISP does not answer"

start_app() {
	"$bin" --db "$db" --today "$today" >"$tmp/app.log" 2>&1 &
	app_pid=$!
	local t0=$SECONDS
	wid=""
	while [ -z "$wid" ]; do
		wid=$(xdotool search --name '^scoplan$' 2>/dev/null | head -1 || true)
		kill -0 "$app_pid" 2>/dev/null || fail "scoplan exited before showing its window"
		[ $((SECONDS - t0)) -gt 30 ] && fail "no window after 30 s"
		[ -z "$wid" ] && sleep 0.2
	done
	sleep 2 # first frame
	echo "e2e-gui: window up after about $((SECONDS - t0)) s"
}

shot() {
	import -window "$wid" "$shots/$1" || fail "screenshot $1"
}

# Waits for the app to exit by itself.
wait_exit() {
	for _ in $(seq 100); do
		kill -0 "$app_pid" 2>/dev/null || { wait "$app_pid" || fail "scoplan exited with an error"; app_pid=""; return; }
		sleep 0.1
	done
	fail "scoplan did not quit"
}

# Keys are sent to the window with pauses that leave Fyne time to react, also
# on a loaded machine.
key() { xdotool key --delay 120 "$@"; sleep 0.6; }

# Puts text on the clipboard and waits until the clipboard really holds it
# (xclip serves it from a background process that needs a moment).
clip() {
	printf '%s' "$1" | xclip -selection clipboard 2>/dev/null
	for _ in $(seq 50); do
		[ "$(xclip -o -selection clipboard 2>/dev/null)" = "$1" ] && return
		sleep 0.1
	done
	fail "the clipboard does not hold $1"
}

start_app
shot 01-start.png

# Search: Chinese cannot be typed by xdotool, so paste it.
clip '海关'
key ctrl+f
key ctrl+v
sleep 1
shot 02-search.png

# Open the first result (1.2.8) and set its status through the selector's
# pop-up: Down moves from the search into the list, Enter into the detail,
# Enter opens the pop-up, Down×3 reaches Done.
key Down
key Return
key Return
key Down Down Down
key Return
sleep 0.5

# Add a note with the keyboard: Ctrl+N opens the editor, Ctrl+Enter saves.
key ctrl+n
xdotool type --delay 40 "Customs pilot agreed in Tashkent"
key ctrl+Return
sleep 0.5
shot 03-detail.png

key ctrl+2
sleep 0.5
shot 04-overview.png
key ctrl+1

key ctrl+q
wait_exit

# What the window wrote is what the command line reads.
out=$("$bin" --db "$db" --today "$today" show 1.2.8 --json) || fail "scoplan show failed"
echo "$out" | grep -q '"status":"done"' || fail "1.2.8 is not done after the GUI set it: $out"
echo "$out" | grep -q '"text":"Customs pilot agreed in Tashkent"' || fail "the note is missing: $out"
echo "$out" | grep -q '"author":"Aigerim Nurlanovna"' || fail "the note does not carry the identity: $out"
for id in 1.1.5 1.2.2; do
	"$bin" --db "$db" show "$id" --json | grep -q '"status":"not-started"' || fail "$id changed though nobody touched it"
done

# The search comes back after a restart, and the file is still fine.
start_app
shot 05-restart.png
key ctrl+q
wait_exit
"$bin" --db "$db" list >/dev/null || fail "the data file does not open after the GUI closed it"

for f in 01-start.png 02-search.png 03-detail.png 04-overview.png 05-restart.png; do
	[ -s "$shots/$f" ] || fail "screenshot $f is missing"
done
ok=1
echo "e2e-gui: ok (screenshots: ${E2E_SHOTS:-removed; set E2E_SHOTS=DIR to keep them})"
