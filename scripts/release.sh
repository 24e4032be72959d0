#!/usr/bin/env bash
# Builds the release files into dist/ and checks them:
#   dist/scoplan-VERSION-linux-amd64.tar.xz   (fyne package: binary, icon, desktop entry)
#   dist/scoplan-VERSION-windows-amd64.zip    (cross-compiled with mingw-w64, no installer):
#     scoplan/scoplan.exe   GUI subsystem, icon and version information: double-click it
#     scoplan/scoplan.com   its console twin, the same file but for the subsystem field:
#                           "scoplan list" typed in cmd or PowerShell runs it (.COM before .EXE)
# macOS cannot be built on Linux: see README.md, "Releases".
# Binaries are built with -trimpath and stripped (fyne package -release), and stamped
# with the version from FyneApp.toml and the git commit.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh gcc-mingw-w64-x86-64 xz-utils file zip wine wine64
GO=${GO:-$(command -v go || echo /usr/local/go/bin/go)}
GOBIN=$($GO env GOPATH)/bin
FYNE_TOOL_VERSION=v1.7.4
if ! "$GOBIN/fyne" version 2>/dev/null | grep -q "${FYNE_TOOL_VERSION#v}"; then
  $GO install "fyne.io/tools/cmd/fyne@$FYNE_TOOL_VERSION"
fi
fyne="$GOBIN/fyne"

version=$(sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
[ -z "$(git status --porcelain 2>/dev/null)" ] || commit="$commit-dirty"
export CGO_ENABLED=1
# The commit is stamped by a generated file rather than -ldflags: fyne package
# builds the Windows binary twice and drops GOFLAGS' -ldflags the second time.
stamp=zz_release_commit.go
printf 'package main\n\nimport "scoplan/cli"\n\nfunc init() { cli.Commit = "%s" }\n' "$commit" > "$stamp"

# fyne package bumps the build number in FyneApp.toml and leaves files in the
# source folder: keep the tree as it was.
backup=$(mktemp)
wintmp=$(mktemp -d)
cp FyneApp.toml "$backup"
cleanup() { cp "$backup" FyneApp.toml; rm -f "$backup" "$stamp" fyne.syso fyne_metadata_init.go scoplan.exe.manifest FyneApp.ico scoplan.tar.xz scoplan.exe; rm -rf "$wintmp"; }
trap cleanup EXIT

mkdir -p dist
linux="dist/scoplan-$version-linux-amd64.tar.xz"
windows="dist/scoplan-$version-windows-amd64.zip"
rm -f "$linux" "$windows" "dist/scoplan-$version-windows-amd64.exe"

echo "== Linux x86-64"
"$fyne" package -os linux -release
mv scoplan.tar.xz "$linux"
cp "$backup" FyneApp.toml

echo "== Windows x86-64 (mingw-w64)"
CC=x86_64-w64-mingw32-gcc CXX=x86_64-w64-mingw32-g++ "$fyne" package -os windows -release
# The console twin (see cli/console_windows.go): cmd and PowerShell wait for a
# console program and pass on its output and exit code, never for a GUI one.
mkdir -p "$wintmp/scoplan"
mv scoplan.exe "$wintmp/scoplan/scoplan.exe"
$GO run ./scripts/consoletwin -in "$wintmp/scoplan/scoplan.exe" -out "$wintmp/scoplan/scoplan.com"
(cd "$wintmp" && zip -q -X -r - scoplan) > "$windows"

echo "== checks"
listing=$(tar tJf "$linux")
for want in scoplan/usr/local/bin/scoplan scoplan/usr/local/share/applications/org.scoplan.app.desktop scoplan/usr/local/share/pixmaps/org.scoplan.app.png scoplan/Makefile; do
  grep -qx "$want" <<<"$listing" || { echo "release: $linux lacks $want" >&2; exit 1; }
done
tmp=$(mktemp -d)
tar xJf "$linux" -C "$tmp"
bin="$tmp/scoplan/usr/local/bin/scoplan"
file "$bin" | grep -q ", stripped" || { echo "release: the Linux binary is not stripped" >&2; exit 1; }
grep -q "^Exec=scoplan" "$tmp/scoplan/usr/local/share/applications/org.scoplan.app.desktop" || { echo "release: desktop entry has no Exec=scoplan" >&2; exit 1; }
got=$("$bin" --version)
[ "$got" = "scoplan $version (commit $commit)" ] || { echo "release: --version says '$got'" >&2; exit 1; }
n=$("$bin" --db "$tmp/check.db" list --json | wc -l)
[ "$n" = 77 ] || { echo "release: the Linux binary lists $n measures" >&2; exit 1; }
rm -rf "$tmp"
unzip -Z1 "$windows" | sort | tr '\n' ' ' | grep -qx 'scoplan/ scoplan/scoplan.com scoplan/scoplan.exe ' \
  || { echo "release: $windows does not hold scoplan/scoplan.exe and scoplan/scoplan.com: $(unzip -Z1 "$windows" | tr '\n' ' ')" >&2; exit 1; }
rm -rf "$wintmp/scoplan"
unzip -q "$windows" -d "$wintmp"
$GO run ./scripts/checkrelease -exe "$wintmp/scoplan/scoplan.exe" -com "$wintmp/scoplan/scoplan.com" -version "$version"

if command -v wine >/dev/null 2>&1 && [ "${SCOPLAN_SKIP_WINE:-}" != 1 ]; then
  echo "== wine"
  GO=$GO bash scripts/check-wine.sh "$wintmp/scoplan/scoplan.exe" "$version" "$commit"
else
  echo "== wine not installed: the Windows binary was not run (install wine64 to check it)"
fi

echo "== dist"
ls -l dist
