#!/usr/bin/env bash
# Runs the Windows release binaries under wine: --version, the 77 measures, and
# portable mode (a scoplan.db beside scoplan.exe is the data file), for
# scoplan.exe and its console twin scoplan.com beside it, which must also
# pass on the exit code (2 for a wrong command line). Wine hands a GUI
# program Linux's stdout, so it cannot show that the twin is what a real
# Windows console needs: scripts/checkrelease checks its subsystem.
#   bash scripts/check-wine.sh PATH/scoplan.exe VERSION COMMIT
set -euo pipefail
exe=$(realpath "$1"); version=$2; commit=$3
com=${exe%.exe}.com
[ -f "$com" ] || { echo "wine: no console twin $com beside $exe" >&2; exit 1; }
work=$(mktemp -d)
trap 'wineserver -k >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
export WINEPREFIX="$work/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
export LANG=en_US.UTF-8
run() { wine "$@" 2>/dev/null | tr -d '\r'; }
winpath() { echo "Z:${1//\//\\}"; }
datafile() { run "$1" whoami --json | sed -n 's/.*"data_file":"\([^"]*\)".*/\1/p' | sed 's/\\\\/\\/g'; }

# Wine lets a console be read back (consoleprobe, below) only when its
# desktop has a display: an Xvfb of our own (WINE_DISPLAY, default 98),
# there before wine first starts.
disp=${WINE_DISPLAY:-98}
[ ! -e "/tmp/.X$disp-lock" ] && [ ! -e "/tmp/.X11-unix/X$disp" ] ||
  { echo "wine: display :$disp is in use (set WINE_DISPLAY to a free number)" >&2; exit 1; }
Xvfb ":$disp" -screen 0 1024x768x24 -nolisten tcp -displayfd 3 3>"$work/xvfb.ready" >/dev/null 2>&1 &
xvfb=$!
trap 'wineserver -k >/dev/null 2>&1 || true; kill $xvfb 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do [ -s "$work/xvfb.ready" ] && break; sleep 0.1; done
[ -s "$work/xvfb.ready" ] || { echo "wine: Xvfb did not start on :$disp" >&2; exit 1; }
export DISPLAY=":$disp"

wineboot -i >/dev/null 2>&1 || true
# wine 8.0 lacks bcryptprimitives.dll, which every Go 1.22+ program needs at
# start-up: give the prefix a test-only shim (see scripts/wine/).
here=$(cd "$(dirname "$0")" && pwd)
x86_64-w64-mingw32-gcc -shared -O2 -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
  "$here/wine/bcryptprimitives.c" "$here/wine/bcryptprimitives.def" -ladvapi32
export WINEDLLOVERRIDES="$WINEDLLOVERRIDES;bcryptprimitives=n"
for bin in "$exe" "$com"; do
  name=$(basename "$bin")
  got=$(run "$bin" --version)
  [ "$got" = "scoplan $version (commit $commit)" ] || { echo "wine: $name --version says '$got'" >&2; exit 1; }
  n=$(run "$bin" --db "$(winpath "$work/a.db")" list --json | grep -c '"id"')
  [ "$n" = 77 ] || { echo "wine: $name list --json gave $n measures, want 77" >&2; exit 1; }
  code=0; msg=$(wine "$bin" no-such-command 2>&1 >/dev/null | tr -d '\r') || code=$?
  [ "$code" = 2 ] || { echo "wine: $name no-such-command exited with $code, want 2" >&2; exit 1; }
  grep -q 'unknown command "no-such-command"' <<<"$msg" || { echo "wine: $name no-such-command said '$msg'" >&2; exit 1; }
  echo "wine: $name --version, list --json (77 measures), exit code 2 for a wrong command: ok"
done

# Windows gives a GUI program typed in cmd no standard handles: it must attach
# to the console it was started from (cli/console_windows.go). consoleprobe
# starts it so and reads that console back.
GOOS=windows GOARCH=amd64 CGO_ENABLED=0 "${GO:-go}" build -o "$work/consoleprobe.exe" "$here/wine/consoleprobe"
probe() {
  rm -f "$work/probe.txt"
  wine "$work/consoleprobe.exe" "$(winpath "$work/probe.txt")" "$@" >/dev/null 2>"$work/probe.err" ||
    { echo "wine: consoleprobe failed: $(tr -d '\r' <"$work/probe.err")" >&2; return 1; }
  tr -d '\r' <"$work/probe.txt"
}
got=$(probe "$exe" --version)
[ "$got" = "$(printf 'exit 0\nscoplan %s (commit %s)' "$version" "$commit")" ] ||
  { echo "wine: scoplan.exe --version started as from cmd printed into its console: '$got'" >&2; exit 1; }
got=$(probe "$exe" no-such-command)
grep -qx 'exit 2' <<<"$got" && grep -q 'unknown command "no-such-command"' <<<"$got" ||
  { echo "wine: scoplan.exe no-such-command started as from cmd printed into its console: '$got'" >&2; exit 1; }
echo "wine: scoplan.exe started with no standard handles prints into its parent's console: ok"

mkdir -p "$work/usb"
cp "$exe" "$work/usb/scoplan.exe"
cp "$com" "$work/usb/scoplan.com"
run "$work/usb/scoplan.exe" --db "$(winpath "$work/usb/scoplan.db")" whoami --name "Portable" >/dev/null
file=$(datafile "$work/usb/scoplan.exe")
want=$(winpath "$work/usb/scoplan.db")
[ "${file,,}" = "${want,,}" ] || { echo "wine: portable mode uses '$file', want '$want'" >&2; exit 1; }
file=$(datafile "$work/usb/scoplan.com")
[ "${file,,}" = "${want,,}" ] || { echo "wine: scoplan.com in portable mode uses '$file', want '$want'" >&2; exit 1; }
name=$(run "$work/usb/scoplan.exe" whoami --json | sed -n 's/.*"name":"\([^"]*\)".*/\1/p')
[ "$name" = "Portable" ] || { echo "wine: portable data file not used (name '$name')" >&2; exit 1; }
rm "$work/usb/scoplan.db"
file=$(datafile "$work/usb/scoplan.exe")
case "$file" in
  *'\AppData\Roaming\scoplan\scoplan.db') echo "wine: portable mode ok; default data file $file" ;;
  *) echo "wine: default data file is '$file', want %AppData%\\scoplan\\scoplan.db" >&2; exit 1 ;;
esac
