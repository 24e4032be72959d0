#!/usr/bin/env bash
# Makes the faces the PDF report embeds (internal/fontdata/), with
# python3-fonttools; scripts/make-fonts.sh runs it after making the CJK
# subsets, and it can run alone (it needs no CJK font on the machine).
#
# Go's PDF libraries embed TrueType (glyf) outlines only, and our CJK subsets
# are CFF-based OpenType, so:
#   - NotoSansCJKsc-{Regular,Bold}-subset.ttf: the CJK subsets of
#     widgets/fonts/ with their cubic CFF outlines turned into quadratic
#     TrueType ones (fontTools' cu2qu, within 1 unit of the 1000-unit em, the
#     approach of fontTools' otf2ttf snippet);
#   - NotoSans-{Regular,Bold}-pdf.ttf: Fyne's own NotoSans (TrueType, OFL),
#     subset to Latin, Greek, Cyrillic and punctuation, which the CJK
#     subsets leave out.
#
#   bash scripts/make-pdf-fonts.sh
set -euo pipefail
cd "$(dirname "$0")/.."

py=/usr/bin/python3
[ -x "$py" ] || py=python3
"$py" -c 'import fontTools' 2>/dev/null || { echo "make-pdf-fonts: python3-fonttools is not installed" >&2; exit 1; }
out=internal/fontdata
fyne=$(go list -m -f '{{.Dir}}' fyne.io/fyne/v2)

for weight in Regular Bold; do
	"$py" - "widgets/fonts/NotoSansCJKsc-$weight-subset.otf" "$out/NotoSansCJKsc-$weight-subset.ttf" <<'PY'
import sys
from fontTools.ttLib import TTFont, newTable
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen

font = TTFont(sys.argv[1], recalcTimestamp=False)
assert font.sfntVersion == "OTTO", "not a CFF-based font"
order = font.getGlyphOrder()
glyphs = font.getGlyphSet()
glyf = newTable("glyf")
glyf.glyphOrder = order
glyf.glyphs = {}
for name in order:
    pen = TTGlyphPen(glyphs)
    # CFF contours run counter-clockwise, TrueType ones clockwise.
    glyphs[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
    glyf.glyphs[name] = pen.glyph()
del font["CFF "]
font["glyf"] = glyf
font["loca"] = newTable("loca")
maxp = font["maxp"]
maxp.tableVersion = 0x00010000
for a in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
          "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
    setattr(maxp, a, 0)
maxp.maxZones = 1
font["post"].formatType = 3.0  # no glyph names: smaller
font["head"].glyphDataFormat = 0
font.sfntVersion = "\x00\x01\x00\x00"
font.save(sys.argv[2])
PY
	"$py" -m fontTools.subset "$fyne/theme/font/NotoSans-$weight.ttf" \
		--unicodes="U+0020-007E,U+00A0-024F,U+0250-02FF,U+0370-03FF,U+0400-052F,U+1E00-1EFF,U+2000-206F,U+20A0-20CF,U+2100-214F,U+2190-21FF,U+2212,U+FFFD" \
		--no-hinting --layout-features='' --drop-tables+=GSUB,GPOS,GDEF \
		--output-file="$out/NotoSans-$weight-pdf.ttf"
done
cat "$fyne/theme/font/LICENSE.txt" >"$out/OFL-NotoSans.txt"
cat widgets/fonts/OFL.txt >"$out/OFL-NotoSansCJK.txt"
ls -l "$out"
