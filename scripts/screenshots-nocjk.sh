#!/usr/bin/env bash
# Screenshots of the main window in English, Chinese and Russian on a
# machine with no font at all: every system font folder is hidden (an empty
# folder is bind-mounted over it in a private mount namespace, so nothing
# else on the machine is affected; Fyne scans those folders itself and does
# not go through fontconfig, so FONTCONFIG_FILE alone would not hide them).
# Whatever renders comes from the fonts bundled in the binary.
#
#   bash scripts/screenshots-nocjk.sh [DISPLAY_NUMBER]   (default 98)
#
# Needs root (or CAP_SYS_ADMIN) for unshare/mount, and xvfb, xdotool, xclip,
# imagemagick. Writes docs/screenshots/main-{en,zh,ru}-nocjk.png and fails
# if the binary reports a locale, font or translation error.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-98}
out=docs/screenshots
tmp=$(mktemp -d)
xvfb=""
cleanup() {
	[ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT

go build -o "$tmp/scoplan" .
Xvfb ":$n" -screen 0 1300x820x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
sleep 1
export DISPLAY=":$n"

hidden() { # runs a command with the system's font folders hidden
	mkdir -p "$tmp/empty" "$tmp/home"
	exec unshare -m sh -c '
		for d in /usr/share/fonts /usr/local/share/fonts /usr/X11R6/lib/X11/fonts; do
			[ -d "$d" ] && mount --bind "$0" "$d"
		done
		exec "$@"' "$tmp/empty" env HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/config" \
		XDG_CACHE_HOME="$tmp/home/cache" XDG_DATA_HOME="$tmp/home/data" "$@"
}

# Proof that the fonts are hidden inside, not outside.
inside=$(hidden sh -c 'find /usr/share/fonts /usr/local/share/fonts -type f 2>/dev/null | wc -l')
outside=$(find /usr/share/fonts -type f | wc -l)
echo "font files visible: $inside with the folders hidden, $outside on the machine"
[ "$inside" = 0 ] || { echo "fonts are still visible" >&2; exit 1; }

shot() { # LANG query file
	local lang=$1 query=$2 file=$3
	rm -f "$tmp/shot.db"
	# hidden execs, so the background job's PID is scoplan's own.
	LANG=$lang LANGUAGE='' LC_ALL='' hidden "$tmp/scoplan" --db "$tmp/shot.db" --today 2026-11-23 2>"$tmp/stderr" &
	local pid=$!
	local wid=""
	for _ in $(seq 60); do
		wid=$(xdotool search --name '^scoplan$' 2>/dev/null | head -1) && [ -n "$wid" ] && break
		sleep 0.5
	done
	[ -n "$wid" ] || { echo "no window for LANG=$lang" >&2; exit 1; }
	sleep 2
	if [ -n "$query" ]; then
		# xdotool cannot type Chinese, nor Cyrillic reliably: paste it. xclip
		# serves one paste, then exits.
		printf %s "$query" | xclip -selection clipboard -loops 1 -i &
		sleep 0.5
		xdotool key --window "$wid" ctrl+f
		xdotool key --window "$wid" ctrl+v
		sleep 1.5
		xdotool key --window "$wid" Down # into the list: the first hit's detail
		sleep 1.5
	fi
	import -window "$wid" "$out/$file"
	kill "$pid"
	wait "$pid" 2>/dev/null || true
	if [ -s "$tmp/stderr" ]; then
		echo "LANG=$lang: scoplan wrote on stderr:" >&2
		cat "$tmp/stderr" >&2
		# A locale, font or translation error fails; others (Fyne's
		# preferences watcher can read its own half-written file) are shown.
		if grep -qiE "locale|font|translat" "$tmp/stderr"; then
			exit 1
		fi
	fi
	echo "wrote $out/$file (LANG=$lang${query:+, searched \"$query\"})"
}

shot C.UTF-8 "food security" main-en-nocjk.png
shot zh_CN.UTF-8 "liangshi" main-zh-nocjk.png
shot ru_RU.UTF-8 "продовольственная безопасность" main-ru-nocjk.png
