#!/usr/bin/env bash
# Installs what building and testing scoplan needs on Debian/Ubuntu, and only
# what is missing: a C compiler and the X11/GL headers for Fyne (cgo), Xvfb,
# xdotool, ImageMagick and xclip for the end-to-end tests of the real window,
# python3 for the exchange end-to-end script's JSON checks, Syncthing for the
# shared folder's end-to-end script, ibus with ibus-libpinyin, a D-Bus daemon
# and procps (pgrep) for the Chinese input method check, poppler-utils
# (pdftotext, pdfinfo) for the PDF report's tests,
# and Go itself when the machine has none (the official toolchain, fetched
# from the Go module proxy into /usr/local/go, or ~/.local/go without root).
# Extra Debian package names may be passed as arguments (`make release` adds
# the mingw-w64 cross compiler).
set -euo pipefail
cd "$(dirname "$0")/.."

pkgs=(make git curl unzip ca-certificates python3 poppler-utils gcc libgl1-mesa-dev xorg-dev xvfb xdotool imagemagick xclip x11-utils procps dbus ibus ibus-libpinyin syncthing "$@")
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# Go: any Go 1.21 or newer fetches the exact toolchain go.mod asks for by
# itself (GOTOOLCHAIN=auto); with no Go at all, fetch that toolchain here.
go_bin=$(command -v go || true)
for g in /usr/local/go/bin/go "$HOME/.local/go/bin/go"; do
  [ -n "$go_bin" ] || { [ -x "$g" ] && go_bin=$g; }
done
if [ -z "$go_bin" ]; then
  want=$(sed -n 's/^go \([0-9.]*\)$/\1/p' go.mod)
  arch=$(dpkg --print-architecture)
  dest=/usr/local/go
  [ -z "$sudo" ] || dest="$HOME/.local/go"
  proxy=${GOPROXY:-https://proxy.golang.org}
  proxy=${proxy%%,*}
  url="$proxy/golang.org/toolchain/@v/v0.0.1-go$want.linux-$arch.zip"
  echo "install-deps: fetching Go $want from $url"
  tmp=$(mktemp -d)
  curl -fsSL -o "$tmp/go.zip" "$url"
  unzip -q "$tmp/go.zip" -d "$tmp"
  mkdir -p "$(dirname "$dest")"
  rm -rf "$dest"
  mv "$tmp/golang.org/toolchain@v0.0.1-go$want.linux-$arch" "$dest"
  chmod -R u+w "$dest"
  chmod +x "$dest"/bin/* "$dest"/pkg/tool/*/* 2>/dev/null || true
  rm -rf "$tmp"
  echo "install-deps: Go installed in $dest (add $dest/bin to your PATH)"
fi
