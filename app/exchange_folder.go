package app

import (
	"errors"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scoplan/storage"
	"scoplan/storage/shared"
)

// settingSharedFolder is the data file's setting naming the shared folder.
const settingSharedFolder = "exchange.folder"

// startFolder starts keeping the data file in step with dir.
func (x *exchange) startFolder(dir string) error {
	if x.se.readOnly() {
		return storage.ErrReadOnly // a pass would import into the file
	}
	x.stop()
	news := x.folderNews
	x.folderNews = lang.L("Watching the folder; nothing merged yet.")
	f, err := shared.Start(shared.Options{Store: x.se.store, Dir: dir, OnSync: func(s shared.Status) {
		fyne.Do(func() { x.onFolderSync(s) })
	}})
	if err != nil {
		x.folderNews = news
		return err
	}
	x.folder = f
	return nil
}

// useFolder makes dir the shared folder and remembers it. A folder that
// holds the data file itself is refused: the data file would travel to
// every computer, torn whenever it is copied in the middle of a write.
func (x *exchange) useFolder(dir string) error {
	store := x.se.store
	if p := shared.CheckDataFile(store.Path(), dir); p != nil && p.InShared != "" {
		return errors.New(dataFileWarning(p))
	}
	if err := x.startFolder(dir); err != nil {
		return err
	}
	return store.SetSetting(settingSharedFolder, []byte(dir))
}

// dataFileWarning says in the user's words why the data file must not be
// where it is.
func dataFileWarning(p *shared.DataFileProblem) string {
	if p.InShared != "" {
		return lang.L("Your data file {{.File}} is inside the shared folder {{.Folder}}. Other computers would receive copies of it cut off in the middle of a write, and lose work. Choose a folder that does not hold the data file: share status files, never the data file.",
			map[string]any{"File": p.DataFile, "Folder": p.InShared})
	}
	return lang.L("Your data file {{.File}} is in a folder that {{.Tool}} keeps in step ({{.Folder}}). Copies of it on other computers can be cut off in the middle of a write, and lose work. Keep the data file outside that folder (File → Open data folder shows where it is) and share status files through the shared folder instead.",
		map[string]any{"File": p.DataFile, "Tool": string(p.Synced.Tool), "Folder": p.Synced.Root})
}

// onFolderSync records what a pass over the shared folder did. New changes
// redraw the window through the store; refused files are listed in the
// Shared folder dialog rather than interrupting the user, since a file that
// is still being copied in is refused until it is complete.
func (x *exchange) onFolderSync(s shared.Status) {
	var parts []string
	if s.Imported != nil && !s.Imported.Total.NothingNew() {
		parts = append(parts, lang.L("merged: {{.Summary}}", map[string]any{"Summary": summaryText(s.Imported.Total)}))
	}
	if s.Exported {
		parts = append(parts, lang.L("your status file was updated"))
	}
	for _, err := range s.Refused {
		parts = append(parts, refusalMessage(err))
	}
	if s.Err != nil {
		parts = append(parts, userMessage(s.Err))
	}
	if len(parts) > 0 {
		x.folderNews = timeLabel(s.Time) + ": " + strings.Join(parts, "; ")
		if x.newsLabel != nil {
			x.newsLabel.Segments = caption(x.folderNews).Segments
			x.newsLabel.Refresh()
		}
	}
}

// onSharedFolder shows the shared folder: what it is for, which folder,
// what happened last; the user chooses or stops it here.
func (x *exchange) onSharedFolder() {
	store := x.se.store
	var d dialog.Dialog
	current := lang.L("No shared folder is set.")
	if x.folder != nil {
		current = lang.L("Shared folder: {{.Folder}}", map[string]any{"Folder": x.folder.Dir()})
	}
	folderLabel := wrapped(current)
	folderLabel.TextStyle.Bold = true
	body := container.NewVBox(
		wrapped(lang.L("Point scoplan at a folder you share with your delegation: a USB stick, a network share, or a folder kept in step by Syncthing, Nextcloud or the like. scoplan writes your signed status file there after every change, and merges everyone else's status files when it starts and whenever they change (it looks every few seconds).")),
		folderLabel,
	)
	dir := ""
	if x.folder != nil {
		dir = x.folder.Dir()
	}
	if p := shared.CheckDataFile(store.Path(), dir); p != nil {
		warning := wrapped(dataFileWarning(p))
		warning.Importance = widget.DangerImportance
		body.Add(warning)
	}
	if x.folder != nil {
		body.Add(caption(lang.L("Your file there: {{.File}}", map[string]any{"File": filepath.Base(x.folder.OwnFile())})))
		x.newsLabel = caption(x.folderNews)
		body.Add(x.newsLabel)
	}
	choose := widget.NewButtonWithIcon(lang.L("Choose folder…"), theme.FolderOpenIcon(), func() {
		chooseFolder(x.win, fileChoice{title: lang.L("Shared folder")}, func(dir string) {
			if err := x.useFolder(dir); err != nil {
				x.showError(err)
				return
			}
			if d != nil {
				d.Hide()
			}
			x.onSharedFolder()
		}, x.showError)
	})
	buttons := container.NewHBox(choose)
	if x.folder != nil {
		buttons.Add(widget.NewButtonWithIcon(lang.L("Stop sharing"), theme.CancelIcon(), func() {
			x.stop()
			x.folderNews = ""
			if err := store.SetSetting(settingSharedFolder, nil); err != nil {
				x.showError(err)
			}
			d.Hide()
		}))
	}
	body.Add(buttons)
	d = dialog.NewCustom(lang.L("Shared folder"), lang.L("Close"), body, x.win)
	d.Resize(fyne.NewSize(640, 0))
	x.showDialog(d, func() { x.newsLabel = nil })
}
