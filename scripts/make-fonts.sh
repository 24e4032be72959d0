#!/usr/bin/env bash
# Makes the Chinese font scoplan bundles (widgets/fonts/), so that Chinese renders
# on machines with no CJK font: single-face OpenType subsets of Noto Sans CJK
# SC Regular and Bold (a .ttc collection makes Fyne panic), taken from
# Debian's fonts-noto-cjk with python3-fonttools, plus the OFL licence.
#
# The results are committed: building scoplan needs neither package. Run this
# again when the plan, a translation (data/translations/, app/translations/)
# or a Fyne upgrade brings characters outside the subset; app/theme_test.go
# fails until you do.
#
#   sudo apt-get install -y fonts-noto-cjk python3-fonttools
#   bash scripts/make-fonts.sh
#
# Or, without installing a CJK font on the machine (tests must not see one):
#
#   apt-get download fonts-noto-cjk && dpkg-deb -x fonts-noto-cjk_*.deb /tmp/cjk
#   ROOT=/tmp/cjk bash scripts/make-fonts.sh
set -euo pipefail
cd "$(dirname "$0")/.."

root=${ROOT:-}
src=$root/usr/share/fonts/opentype/noto
out=widgets/fonts
# The system Python has Debian's fontTools; a python3 earlier in PATH (pyenv,
# a venv) may not.
py=/usr/bin/python3
[ -x "$py" ] || py=python3
"$py" -c 'import fontTools' 2>/dev/null || { echo "make-fonts: python3-fonttools is not installed" >&2; exit 1; }
for f in NotoSansCJK-Regular.ttc NotoSansCJK-Bold.ttc; do
	[ -f "$src/$f" ] || { echo "make-fonts: $src/$f missing (apt-get install fonts-noto-cjk)" >&2; exit 1; }
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Every character scoplan itself shows: the plan, its translations, the UI
# translations (ours and Fyne's own, for its dialogs), and string literals in
# the GUI's Go sources.
fyne=$(go list -m -f '{{.Dir}}' fyne.io/fyne/v2)
{
	cat data/sco-2030-action-plan.zh.txt
	cat data/translations/*.json app/translations/*.json 2>/dev/null || true
	cat "$fyne"/lang/translations/base.{en,ru,zh_Hans}.json
	cat app/*.go widgets/*.go 2>/dev/null || true
} >"$tmp/text.txt"

# GB2312: all 7445 characters of the standard (6763 hanzi and 682 symbols).
"$py" - "$tmp/gb2312.txt" <<'PY'
import sys
chars = []
for hi in range(0xA1, 0xF8):
    for lo in range(0xA1, 0xFF):
        try:
            chars.append(bytes([hi, lo]).decode("gb2312"))
        except UnicodeDecodeError:
            pass
assert len(chars) == 7445, len(chars)
open(sys.argv[1], "w", encoding="utf-8").write("".join(chars))
PY
cat "$tmp/gb2312.txt" "$tmp/text.txt" >"$tmp/all.txt"

# Latin (with Latin-1, Extended A/B and modifier letters such as Uzbek ʻ),
# Greek, Cyrillic with its supplement (Kazakh, Tajik, Kyrgyz letters), general
# punctuation, currency signs, letterlike symbols (№), arrows, enclosed
# numbers, geometric shapes, CJK symbols and punctuation, full-width forms and
# the replacement character. Code points the font lacks are skipped.
unicodes=U+0020-007E,U+00A0-024F,U+02B0-02FF,U+0370-03FF,U+0400-052F,U+2000-206F,U+20A0-20CF,U+2100-214F,U+2190-21FF,U+2460-24FF,U+25A0-25FF,U+3000-303F,U+FF00-FFEF,U+FFFD

for weight in Regular Bold; do
	# Face 2 of the collection is Noto Sans CJK SC (0 JP, 1 KR, 3 TC, 4 HK).
	name=$("$py" -c "from fontTools.ttLib import TTCollection; print(TTCollection('$src/NotoSansCJK-$weight.ttc').fonts[2]['name'].getDebugName(4))")
	case "$name" in
	"Noto Sans CJK SC" | "Noto Sans CJK SC Bold") ;;
	*) echo "make-fonts: face 2 of NotoSansCJK-$weight.ttc is \"$name\", not Noto Sans CJK SC" >&2; exit 1 ;;
	esac
	# Latin text comes from Fyne's own Latin faces, not from the CJK font:
	# Fyne draws a character with the theme's face if it has it, else with
	# its own face of the style (NotoSans of the weight, italic or not, or
	# DejaVu Sans Mono for monospaced text). So the characters all of those
	# have (Latin, Greek, Cyrillic, the space, Latin punctuation such as
	# “ ” ‘ ’ — … ·) are left out of the subset; Fyne's faces draw them with
	# Latin widths and spacing, not the full-width quotes and narrow spaces
	# of the CJK design. What only the CJK font has stays in (hanzi, CJK
	# punctuation ，。、《》, full-width forms, ℃ …). So do the spaces and the
	# invisible characters (categories Zs, Cc, Cf: the space, no-break
	# space, zero-width space …): Fyne's shaping (go-text) gives them the
	# face of the text around them instead of looking them up, so the CJK
	# face must have them for the space after Chinese text (措施 1.2.8);
	# in Latin text they come from the Latin face all the same.
	case $weight in
	Regular) latin="NotoSans-Regular.ttf NotoSans-Italic.ttf DejaVuSansMono-Powerline.ttf" ;;
	Bold) latin="NotoSans-Bold.ttf NotoSans-BoldItalic.ttf DejaVuSansMono-Powerline.ttf" ;;
	esac
	# shellcheck disable=SC2086 # the names are words
	"$py" - "$tmp/all.txt" "$unicodes" "$tmp/unicodes-$weight.txt" $(for f in $latin; do echo "$fyne/theme/font/$f"; done) <<'PY'
import sys
from fontTools.ttLib import TTFont
text, ranges, out, latin = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
want = {ord(c) for c in open(text, encoding="utf-8").read()}
for r in ranges.split(","):
    lo, _, hi = r[2:].partition("-")
    want.update(range(int(lo, 16), int(hi or lo, 16) + 1))
drop = None
for f in latin:
    cmap = set(TTFont(f).getBestCmap())
    drop = cmap if drop is None else drop & cmap
import unicodedata
drop = {c for c in drop if unicodedata.category(chr(c)) not in ("Zs", "Zl", "Zp", "Cc", "Cf")}
keep = sorted(want - drop)
open(out, "w").write("\n".join("%04X" % c for c in keep) + "\n")
PY
	# No hinting (Fyne's rasteriser does not use CFF hints) and no vertical
	# metrics (Fyne lays out horizontally): about a sixth smaller.
	#
	# Only the OpenType layout that Fyne's shaping applies: it shapes
	# horizontally and names no language, so harfbuzz uses each script's
	# default language system and the horizontal default features. The
	# vertical features (vert, vrt2, vjmo, vkrn, vpal) and the Japanese,
	# Korean and traditional Chinese language systems (their locl variant
	# glyphs) are never used, yet harfbuzz prepares every lookup each time
	# Fyne measures or draws a text, and the variant glyphs made up a third
	# of the file (2.9 MB a face before, 1.6 MB after). Rendered as Fyne
	# does, the plan, its translations, the UI texts and every character of
	# the subset came out pixel for pixel the same with and without them
	# (docs/PERFORMANCE.md). Should Fyne ever name the text's language, the
	# locl variants of that language would have to come back.
	"$py" -m fontTools.subset "$src/NotoSansCJK-$weight.ttc" --font-number=2 \
		--unicodes-file="$tmp/unicodes-$weight.txt" \
		--no-hinting --drop-tables+=vhea,vmtx,VORG \
		--layout-features=ccmp,liga,locl,kern,mark \
		--layout-scripts=DFLT.dflt,cyrl.dflt,grek.dflt,hang.dflt,hani.dflt,kana.dflt,latn.dflt \
		--output-file="$out/NotoSansCJKsc-$weight-subset.otf"
	# The space and the no-break space get the advance they have in Fyne's
	# NotoSans of the weight (0.26 em, the CJK design's is 0.224 em): a
	# space that starts a text (the one after a highlighted word starts
	# the next piece of the label) or follows Chinese is drawn with the CJK
	# face, every other space in Latin text with the Latin one, and word
	# spaces must not change width with that.
	"$py" - "$out/NotoSansCJKsc-$weight-subset.otf" "$fyne/theme/font/NotoSans-$weight.ttf" <<'PY'
import sys
from fontTools.ttLib import TTFont
cjk, latin = TTFont(sys.argv[1]), TTFont(sys.argv[2])
scale = cjk["head"].unitsPerEm / latin["head"].unitsPerEm
for c in (0x20, 0xA0):
    g, lg = cjk.getBestCmap()[c], latin.getBestCmap()[c]
    adv = round(latin["hmtx"][lg][0] * scale)
    cjk["hmtx"][g] = (adv, cjk["hmtx"][g][1])
cjk.save(sys.argv[1])
PY
done

# The licence: the copyright line of the fonts' name table and the SIL Open
# Font License 1.1 text from the package's copyright file.
"$py" - "$out/NotoSansCJKsc-Regular-subset.otf" "$root/usr/share/doc/fonts-noto-cjk/copyright" >"$out/OFL.txt" <<'PY'
import sys
from fontTools.ttLib import TTFont
notice = TTFont(sys.argv[1])["name"].getDebugName(0).lstrip("© ").rstrip(".")
print("Noto Sans CJK SC, subset for scoplan (see README.md).")
print("Copyright " + notice + ", with Reserved Font Name 'Source'.\n")
paragraphs = open(sys.argv[2], encoding="utf-8").read().split("\n\n")
ofl = [p for p in paragraphs if p.startswith("License: SIL-1.1\n")]
assert len(ofl) == 1, "no SIL-1.1 licence text in the copyright file"
for line in ofl[0].splitlines()[1:]:
    line = line[1:] if line.startswith(" ") else line
    print("" if line == "." else line)
PY

# The faces the PDF report embeds, made from these.
bash scripts/make-pdf-fonts.sh

ls -l "$out"
