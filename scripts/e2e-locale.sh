#!/usr/bin/env bash
# The real binary, run under locales that carry no usable language (C, C.UTF-8,
# POSIX, an unknown language, a malformed value) and under real ones, must
# print nothing on stderr: Fyne's lang package runs at start-up even for the
# command line, and before the go-locale patch (app/third_party/go-locale,
# see PATCH.md there) it logged "Fyne error: Error parsing user locale C".
# It also runs the patched go-locale module's own tests, which `go test ./...`
# of the main module does not reach.
set -euo pipefail
cd "$(dirname "$0")/.."

(cd app/third_party/go-locale && go test -count=1 ./...)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/scoplan" .

fail=0
check() { # LANG LANGUAGE LC_ALL args...
	local lang=$1 language=$2 lcall=$3
	shift 3
	local code=0
	env -u LC_MESSAGES LANG="$lang" LANGUAGE="$language" LC_ALL="$lcall" \
		"$tmp/scoplan" --db "$tmp/locale.db" "$@" >"$tmp/out" 2>"$tmp/err" || code=$?
	if [ "$code" != 0 ] || [ -s "$tmp/err" ]; then
		echo "FAIL: LANG='$lang' LANGUAGE='$language' LC_ALL='$lcall' scoplan $*: exit $code, stderr:"
		sed 's/^/    /' "$tmp/err"
		fail=1
	elif [ ! -s "$tmp/out" ]; then
		echo "FAIL: LANG='$lang' scoplan $*: printed nothing"
		fail=1
	fi
}
for l in C C.UTF-8 C.utf8 POSIX POSIX.UTF-8 xx_XX.UTF-8 klingon sr_RS.UTF-8@latin de_DE@euro en_US.UTF-8 ru_RU.UTF-8 zh_CN.UTF-8 ""; do
	check "$l" "" "" list
	check "$l" "" "" show 1.3.1
done
check en_US.UTF-8 "" C.UTF-8 list           # LC_ALL wins over LANG
check C.UTF-8 "ru_RU:en" "" list            # LANGUAGE is ignored under C
check en_US.UTF-8 "xx:zz_ZZ" "" list        # only unknown languages in LANGUAGE
check en_US.UTF-8 "" "" --help
if [ $fail != 0 ]; then
	exit 1
fi
echo "locale: stderr empty under every locale tried"
