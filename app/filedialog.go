package app

// File dialogs: the system's own on Windows and macOS, Fyne's elsewhere.
//
// A delegate on Windows or macOS expects the system's file dialog: its
// sidebar (Desktop, Downloads, USB drives, network places), its language,
// its size. Two maintained Go libraries show it:
//
//   - github.com/sqweek/dialog (ISC licence; commits into 2026): Windows
//     through comdlg32/shell32 calls in pure Go (no cgo; the mingw-w64 cross
//     build from Linux needs nothing more), macOS through Cocoa's
//     NSOpenPanel/NSSavePanel in-process (cgo, which Fyne needs there
//     anyway), Linux through GTK 3 (cgo and libgtk-3-dev). It takes a title,
//     a suggested name and extension filters; it gives no owner window (on
//     Windows the dialog is not modal to scoplan's) and picks one file.
//   - github.com/ncruces/zenity (MIT; active): no cgo anywhere; Windows
//     through IFileDialog with an owner window and multiple files; macOS by
//     running osascript, so the dialog belongs to another process; Linux by
//     running the zenity or qarma programs, which a delegate's laptop may
//     not have.
//
// sqweek/dialog is the one the Go module proxy serves (zenity is refused
// there, so CI on a fresh machine could not fetch it), shows the dialog
// in-process on macOS, and needs nothing for the Windows cross build: it is
// used on Windows and macOS (filedialog_native.go). On Linux and the BSDs
// scoplan keeps Fyne's dialog (filedialog_fyne.go) rather than depend on
// GTK's headers and libraries; it is shown in list view and over most of
// the window, so that file names are not cut. Its buttons come from
// Fyne's own translations, in the language scoplan chose, its title from
// scoplan's; Fyne 2.7.1 writes its places ("Home", "Documents",
// "Computer" …) as plain English strings (dialog/file.go, loadFavorites),
// which no translation reaches, so scoplan translates them in the list
// itself (translatePlaces).
//
// Each dialog calls done with the chosen path on the UI goroutine, fail with
// an error, and nothing at all when the user cancels.

// fileChoice is what a file dialog is for.
type fileChoice struct {
	title string   // the dialog's title
	name  string   // the file name a save dialog suggests
	exts  []string // the extensions it lists first, with the dot (".csv")
}
