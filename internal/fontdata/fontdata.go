// Package fontdata holds the TrueType faces the PDF report embeds, apart from
// the Fyne theme (widgets/fonts), so that packages that never import Fyne
// (data/report, the command line) can use them.
//
// Go's PDF libraries embed TrueType (glyf) outlines only, and the CJK faces
// the GUI draws with are CFF-based OpenType, so scripts/make-pdf-fonts.sh
// makes these from them: the CJK subsets with their outlines converted to
// TrueType, and Fyne's NotoSans (already TrueType) subset to the Latin,
// Greek, Cyrillic and punctuation the CJK subsets leave out. Licence: SIL
// Open Font License 1.1 (OFL-NotoSansCJK.txt, OFL-NotoSans.txt).
package fontdata

import _ "embed"

var (
	// CJKRegular and CJKBold are Noto Sans CJK SC subsets (widgets/fonts)
	// as TrueType.
	//go:embed NotoSansCJKsc-Regular-subset.ttf
	CJKRegular []byte
	//go:embed NotoSansCJKsc-Bold-subset.ttf
	CJKBold []byte

	// LatinRegular and LatinBold are NotoSans subsets for Latin, Greek,
	// Cyrillic and punctuation.
	//go:embed NotoSans-Regular-pdf.ttf
	LatinRegular []byte
	//go:embed NotoSans-Bold-pdf.ttf
	LatinBold []byte
)
