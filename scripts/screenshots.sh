#!/usr/bin/env bash
# Makes the screenshots in docs/screenshots/ that README.md shows, from a demo
# data file built with the real command line: three delegates (Kazakhstan,
# China, Russia) record statuses and notes, exchange status files (one status
# conflict comes out of it), and the Kazakh delegate's window is driven with
# xdotool under Xvfb. Then the same window at 1024x700, 1400x900 and
# 1920x1080, in English and in Russian, with a search and a measure open
# (main-LANG-WxH.png) and the overview (overview-LANG-WxH.png); first, the
# overview's matrix of measures × delegations at 1280x800 in English,
# Chinese and Russian (overview-matrix-LANG.png). Before it, issue 12's
# screens at 1280x800 in the three languages (see since below).
# Run it after a visible change to the window, and look at every picture:
#   bash scripts/screenshots.sh            (SHOTS_DISPLAY=N to pick the X display)
#   SHOTS_ONLY=matrix bash scripts/screenshots.sh   (the matrix shots alone)
#   SHOTS_ONLY=since bash scripts/screenshots.sh    (issue 12's shots alone)
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}
DISP=${SHOTS_DISPLAY:-91}
out=docs/screenshots
tmp=$(mktemp -d)
xvfb_pid="" app_pid=""
cleanup() {
	[ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null
	[ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
	wait 2>/dev/null
	rm -rf "$tmp"
	return 0
}
trap cleanup EXIT
fail() { echo "screenshots: $*" >&2; exit 1; }

"$GO" build -o "$tmp/scoplan" .
bin=$tmp/scoplan
today=2026-11-23
kz=$tmp/kz.db kz2=$tmp/kz2.db cn=$tmp/cn.db ru=$tmp/ru.db
export LANG=en_US.UTF-8 XDG_CONFIG_HOME=$tmp/config

"$bin" --db "$kz" whoami --name "Aigerim Nurlanovna" --delegation "Kazakhstan" >/dev/null
"$bin" --db "$kz2" whoami --name "Bolat Nurlanov" --delegation "KZ" >/dev/null
"$bin" --db "$cn" whoami --name "Li Wei" --delegation "China" >/dev/null
"$bin" --db "$ru" whoami --name "Dmitry Sokolov" --delegation "Russia" >/dev/null

# A year's history before today's statuses, back-dated (scripts/backdate):
# the overview's progress over time and the Activity screen draw it. The
# statuses set after it supersede it, as a later report does.
"$GO" build -o "$tmp/backdate" ./scripts/backdate
back() { "$tmp/backdate" -db "$1" -day "$2" "${@:3}"; }
back "$kz" 2026-02-10 in-progress 1.1.1 1.1.4 1.2.4 1.3.1
back "$kz" 2026-04-15 in-progress 1.3.4 1.4.2 2.1.10 3.1.1 1.1.5 1.2.2
back "$kz" 2026-05-20 done 1.1.1 1.1.4
back "$kz" 2026-07-01 blocked 1.2.2
back "$kz" 2026-09-15 done 1.2.4 1.3.1
back "$kz" 2026-10-20 done 1.3.4 1.4.2
back "$cn" 2026-03-05 in-progress 1.5.3 1.6.2 1.6.5 3.2.6 1.5.4
back "$cn" 2026-06-01 done 1.5.3
back "$cn" 2026-08-10 done 1.6.2 1.6.5
back "$cn" 2026-10-01 blocked 2.1.3
back "$ru" 2026-05-05 in-progress 1.1.7 2.1.7
back "$ru" 2026-09-01 blocked 1.1.7 2.1.7 3.1.7
"$bin" --db "$kz" meeting add --name "Tashkent" --date 2026-06-12 >/dev/null

set_all() { # db status ids…
	local db=$1 st=$2
	shift 2
	for id in "$@"; do "$bin" --db "$db" set-status "$id" "$st" >/dev/null; done
}
set_all "$kz" done 1.1.1 1.1.4 1.2.4 1.3.1 1.3.4 1.4.2 2.1.10 3.1.1
set_all "$kz" in-progress 1.1.5 1.2.2 1.2.8 1.3.2 1.5.1 1.6.1 2.1.2
set_all "$cn" done 1.5.3 1.6.2 1.6.5 3.2.6
set_all "$cn" in-progress 1.5.4 1.5.8 2.1.3 3.1.2 3.1.4 3.2.5
set_all "$ru" blocked 1.1.7 2.1.7 3.1.7
"$bin" --db "$kz" note 1.2.8 "Pilot of the single-window exchange between Khorgos and Altynkol customs posts agreed at the Tashkent meeting; evaluation due in March." >/dev/null
"$bin" --db "$cn" note 1.2.8 "海关总署同意在试点中共享电子报关数据。" >/dev/null
"$bin" --db "$ru" note 1.1.7 "Продление плана на 2026–2028 годы обсуждается; проект направлен в Секретариат." >/dev/null
"$bin" --db "$kz" note 1.1.5 "Training programme drafted with the customs academy in Almaty." >/dev/null
# Two Kazakh delegates set 1.2.3 without seeing each other's change: a
# conflict within Kazakhstan. China's and Russia's statuses of it are
# their own reports, not part of the conflict.
"$bin" --db "$kz" set-status 1.2.3 done >/dev/null
"$bin" --db "$kz2" set-status 1.2.3 in-progress >/dev/null
"$bin" --db "$cn" set-status 1.2.3 in-progress >/dev/null

for d in kz kz2 cn ru; do "$bin" --db "$tmp/$d.db" export --out "$tmp/$d.scoplan-status" >/dev/null; done
"$bin" --db "$kz" import "$tmp/kz2.scoplan-status" "$tmp/cn.scoplan-status" "$tmp/ru.scoplan-status" >/dev/null

mkdir -p "$out"
Xvfb ":$DISP" -screen 0 1920x1080x24 -nolisten tcp -displayfd 3 3>"$tmp/ready" >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 100); do [ -s "$tmp/ready" ] && break; kill -0 "$xvfb_pid" || fail "no Xvfb on :$DISP"; sleep 0.1; done
export DISPLAY=:$DISP FYNE_THEME=light
key() { xdotool key --delay 120 "$@"; sleep 0.7; }
# small keeps a screenshot small: 256 colours are plenty for a window.
small() { convert "$1" -strip -colors 256 "PNG8:$1"; }
# start_app LANG: the Kazakh delegate's window in a language; sets app_pid
# and wid.
start_app() {
	rm -rf "$tmp/config"
	LANG=$1 "$bin" --db "$kz" --today "$today" >"$tmp/app.log" 2>&1 &
	app_pid=$!
	wid=""
	for _ in $(seq 150); do
		wid=$(xdotool search --name '^scoplan$' 2>/dev/null | head -1 || true)
		[ -n "$wid" ] && break
		kill -0 "$app_pid" 2>/dev/null || fail "scoplan exited: $(cat "$tmp/app.log")"
		sleep 0.2
	done
	[ -n "$wid" ] || fail "no window"
}
# matrix LANG CODE: the overview's matrix at 1280x800 in a language.
matrix() {
	local lang=$1 code=$2
	start_app "$lang"
	sleep 2
	xdotool windowmove "$wid" 0 0 windowsize "$wid" 1280 800
	sleep 1
	# Keys go to the window under the pointer (there is no window manager).
	xdotool mousemove --window "$wid" 640 400
	key ctrl+f
	key Escape
	key ctrl+2
	sleep 1
	# Down a few rows, so that Kazakhstan's conflict on 1.2.3 shows.
	xdotool mousemove --window "$wid" 500 600 click 5 click 5
	sleep 1
	local geo
	geo=$(xdotool getwindowgeometry "$wid" | awk '/Geometry/ {print $2}')
	[ "$geo" = 1280x800 ] || fail "the window is $geo, not 1280x800, with the matrix ($lang)"
	import -window "$wid" "$out/overview-matrix-$code.png"
	small "$out/overview-matrix-$code.png"
	key ctrl+1
	key ctrl+q
	wait "$app_pid" || true
	app_pid=""
}
# since LANG CODE: what changed since the last meeting (issue 12), at
# 1280x800: the overview with its progress over time (progress-CODE.png),
# the Activity screen since the Tashkent meeting (activity-CODE.png), the
# measure list with the measures changed since then marked New
# (new-marks-CODE.png), and File → Save a report with the PDF and "since"
# the meeting chosen (report-since-CODE.png). PDFX is where the dialog's
# PDF choice is across the window in that language.
since() {
	local lang=$1 code=$2 pdfx=$3
	start_app "$lang"
	sleep 2
	xdotool windowmove "$wid" 0 0 windowsize "$wid" 1280 800
	sleep 1
	xdotool mousemove --window "$wid" 640 400
	key ctrl+2
	sleep 1
	local geo
	geo=$(xdotool getwindowgeometry "$wid" | awk '/Geometry/ {print $2}')
	[ "$geo" = 1280x800 ] || fail "the window is $geo, not 1280x800, with the progress chart ($lang)"
	import -window "$wid" "$out/progress-$code.png"
	small "$out/progress-$code.png"
	key ctrl+3
	sleep 1
	import -window "$wid" "$out/activity-$code.png"
	small "$out/activity-$code.png"
	key ctrl+1
	sleep 1
	# 1.1.5, whose note is new: the detail marks it.
	xdotool mousemove --window "$wid" 620 460 click 1
	sleep 1
	# Down the detail to its notes and history.
	xdotool mousemove --window "$wid" 1060 500 click 5 click 5 click 5 click 5 click 5 click 5 click 5 click 5 click 5 mousemove --window "$wid" 640 780
	sleep 1
	import -window "$wid" "$out/new-marks-$code.png"
	small "$out/new-marks-$code.png"
	key ctrl+r
	sleep 1
	# The dialog is centred: its rows are at the same heights in every
	# language, and the middle of the window is on its since select, whose
	# second choice (the latest meeting) opens 76 px below it.
	xdotool mousemove --window "$wid" "$pdfx" 354 click 1
	sleep 0.5
	xdotool mousemove --window "$wid" 640 530 click 1
	sleep 0.8
	xdotool mousemove --window "$wid" 640 606 click 1
	sleep 0.8
	import -window "$wid" "$out/report-since-$code.png"
	small "$out/report-since-$code.png"
	key Escape
	key ctrl+q
	sleep 1
	kill "$app_pid" 2>/dev/null || true
	wait "$app_pid" || true
	app_pid=""
}
since en_US.UTF-8 en 464
since zh_CN.UTF-8 zh 423
since ru_RU.UTF-8 ru 480
# README.md shows the English ones and the Chinese progress chart; the
# others go beside the run, to be looked at.
more=${SHOTS_MORE:-/tmp/scoplan-screenshots}
mkdir -p "$more"
for f in activity new-marks report-since progress; do
	for code in zh ru; do
		[ "$f-$code" = progress-zh ] || mv "$out/$f-$code.png" "$more/"
	done
done
echo "screenshots: wrote $out/{progress,activity,new-marks,report-since}-en.png, progress-zh.png, the others in $more"
[ "${SHOTS_ONLY:-}" = since ] && exit 0
matrix en_US.UTF-8 en
matrix zh_CN.UTF-8 zh
matrix ru_RU.UTF-8 ru
echo "screenshots: wrote $out/overview-matrix-{en,zh,ru}.png"
[ "${SHOTS_ONLY:-}" = matrix ] && exit 0
start_app "$LANG"
sleep 2
clip() {
	printf '%s' "$1" | xclip -selection clipboard
	for _ in $(seq 50); do [ "$(xclip -o -selection clipboard)" = "$1" ] && return; sleep 0.1; done
	fail "clipboard"
}

clip '海关'
key ctrl+f
key ctrl+v
sleep 1
key Down
sleep 1
import -window "$wid" "$out/main-search.png"
small "$out/main-search.png"

clip '1.2.3'
key ctrl+f
key ctrl+a
key ctrl+v
sleep 1
key Down
key Return
sleep 1
import -window "$wid" "$out/conflict.png"
small "$out/conflict.png"

key ctrl+f
key ctrl+a BackSpace
key Escape
key ctrl+2
sleep 1
import -window "$wid" "$out/overview.png"
small "$out/overview.png"
key ctrl+q
wait "$app_pid" || true
app_pid=""
echo "screenshots: wrote $out/main-search.png, conflict.png, overview.png"

# sized LANG SEARCH SIZE: the window in a language at a size, with a search
# and its first hit open, then the overview.
sized() {
	local lang=$1 query=$2 size=$3 code=${1%%_*}
	local w=${size%x*} h=${size#*x}
	start_app "$lang"
	sleep 2 # the window is built and sized from its preferences first
	xdotool windowmove "$wid" 0 0 windowsize "$wid" "$w" "$h"
	sleep 1
	clip "$query"
	key ctrl+f
	key ctrl+a
	key ctrl+v
	sleep 1
	key Down
	sleep 1
	local geo
	geo=$(xdotool getwindowgeometry "$wid" | awk '/Geometry/ {print $2}')
	[ "$geo" = "$size" ] || fail "the window is $geo, not $size, after the search ($lang)"
	import -window "$wid" "$out/main-$code-$size.png"
	small "$out/main-$code-$size.png"
	key ctrl+2
	sleep 1
	import -window "$wid" "$out/overview-$code-$size.png"
	small "$out/overview-$code-$size.png"
	# A search that matches nothing must not make the window grow (the
	# placeholders once asked for 1326 px of height).
	clip zqxjzqxj
	key ctrl+f
	key ctrl+a
	key ctrl+v
	sleep 1
	geo=$(xdotool getwindowgeometry "$wid" | awk '/Geometry/ {print $2}')
	[ "$geo" = "$size" ] || fail "the window is $geo, not $size, with an empty list ($lang)"
	key ctrl+a BackSpace
	key ctrl+q
	wait "$app_pid" || true
	app_pid=""
}
for size in 1024x700 1400x900 1920x1080; do
	sized en_US.UTF-8 transport "$size"
	sized ru_RU.UTF-8 транспорт "$size"
done
echo "screenshots: wrote $out/main-{en,ru}-{1024x700,1400x900,1920x1080}.png and overview-…"
