#!/usr/bin/env bash
# Runs the widget and app tests (their markup goldens included) with every
# font folder Fyne looks in hidden, so that CI proves the tests do not depend
# on the machine's fonts: all text must come from the fonts bundled in
# widgets/fonts and Fyne's own.
#
# Fyne does not ask fontconfig for fallback fonts: it scans font folders
# itself (go-text's fontscan, see scripts/systemfonts). Each folder it would
# scan gets an empty folder bind-mounted over it in a private mount
# namespace (nothing else on the machine is affected), HOME and the XDG
# folders point into a temporary folder, and before the tests run the
# script proves, with fontscan itself, that no font is left.
#
#   bash scripts/test-nofonts.sh [go test flags …]     (default: ./widgets ./app)
#
# FONTS=DIR shows the tests the fonts in DIR, and only those, in
# /usr/share/fonts instead of none (to see what other fonts on a machine
# would do).
#
# Needs root, or unprivileged user namespaces (unshare -r), for the mounts.
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}
args=("$@")
[ ${#args[@]} -gt 0 ] || args=(-count=1 ./widgets ./app)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/empty" "$tmp/home/config" "$tmp/home/cache" "$tmp/home/data"
show=$tmp/empty
want=0
if [ -n "${FONTS:-}" ]; then
	show=$(cd "$FONTS" && pwd)
	want=$(find "$show" -type f \( -iname '*.ttf' -o -iname '*.otf' -o -iname '*.ttc' \) | wc -l)
fi

# The go command and the tests still find the build and module caches.
export GOCACHE=$("$GO" env GOCACHE) GOMODCACHE=$("$GO" env GOMODCACHE) GOPATH=$("$GO" env GOPATH)
"$GO" build -o "$tmp/systemfonts" ./scripts/systemfonts

# The environment inside: a HOME and XDG folders with no fonts in them.
env=(env HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/config" XDG_CACHE_HOME="$tmp/home/cache"
	XDG_DATA_HOME="$tmp/home/data" XDG_DATA_DIRS="$tmp/empty" GOCACHE="$GOCACHE"
	GOMODCACHE="$GOMODCACHE" GOPATH="$GOPATH" GOFLAGS="${GOFLAGS:-}" PATH="$PATH")

# The folders to hide: those fontscan searches with that environment (the
# fixed ones and fontconfig's), and the fixed ones even if missing now.
mapfile -t dirs < <("${env[@]}" "$tmp/systemfonts" -dirs)
dirs+=(/usr/X11R6/lib/X11/fonts /usr/local/share/fonts /usr/share/fonts /usr/share/texmf/fonts/opentype/public)
mapfile -t dirs < <(printf '%s\n' "${dirs[@]}" | sort -u)

unshare=(unshare -m)
[ "$(id -u)" = 0 ] || unshare=(unshare -r -m)
"${unshare[@]}" true 2>/dev/null || {
	echo "test-nofonts: cannot make a mount namespace (${unshare[*]}): run as root or allow user namespaces" >&2
	exit 1
}

hidden() { # runs a command with the font folders hidden (FONTS: in /usr/share/fonts)
	"${unshare[@]}" sh -c '
		empty=$1 show=$2; shift 2
		while [ "$1" != -- ]; do
			if [ -d "$1" ]; then mount --bind "$empty" "$1" || exit 1; fi
			shift
		done
		shift
		if [ "$show" != "$empty" ]; then mount --bind "$show" /usr/share/fonts || exit 1; fi
		exec "$@"' sh "$tmp/empty" "$show" "${dirs[@]}" -- "${env[@]}" "$@"
}

# The proof: what fontscan finds inside (its last line is the number).
files=$(hidden sh -c 'find "$@" -type f 2>/dev/null | wc -l' sh "${dirs[@]}")
echo "test-nofonts: files in the font folders inside: $files"
hidden "$tmp/systemfonts" >"$tmp/found"
inside=$(tail -1 "$tmp/found")
outside=$("$tmp/systemfonts" | tail -1)
echo "test-nofonts: fonts Fyne would find: $inside inside (want ${FONTS:+at least }$want), $outside outside; hidden: ${dirs[*]}"
# With FONTS, a collection (.ttc) counts once as a file and once a face.
if { [ "$want" = 0 ] && { [ "$inside" != 0 ] || [ "$files" != 0 ]; }; } || [ "$inside" -lt "$want" ]; then
	echo "test-nofonts: fonts are still visible:" >&2
	cat "$tmp/found" >&2
	exit 1
fi

hidden "$GO" test "${args[@]}"
