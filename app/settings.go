package app

import (
	"net/url"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scoplan/data"
	"scoplan/storage"
	"scoplan/widgets"
)

// settingsScreen edits who the user is, how the window looks, and shows
// where the data file is.
type settingsScreen struct {
	se           *session
	app          fyne.App
	loc          storage.Location
	dlg          *dialogs
	onOpenFolder func()
	// onSaved is called once the settings are written, with the language
	// chosen when it changed ("" if not).
	onSaved func(language string)

	name, delegation *widgets.Entry
	picker           *delegationPicker // its entry is delegation
	appearance       *widget.RadioGroup
	language         *widget.Select
	languages        map[string]string // the language options' codes
	before           string            // the appearance when the dialog opened, restored on Cancel
	dialog           *dialog.ConfirmDialog
}

func newSettingsScreen(se *session, a fyne.App, loc storage.Location, dlg *dialogs, onOpenFolder func(), onSaved func(language string)) *settingsScreen {
	return &settingsScreen{se: se, app: a, loc: loc, dlg: dlg, onOpenFolder: onOpenFolder, onSaved: onSaved}
}

func (u *ui) showSettings() {
	s := newSettingsScreen(u.se, u.app, u.loc, u.dialogs, u.openDataFolder, u.settingsSaved)
	u.settings = s
	s.dialog = dialog.NewCustomConfirm(lang.L("Settings"), lang.L("Save"), lang.L("Cancel"), s.build(), s.onClosed, u.win)
	s.dialog.Resize(fyne.NewSize(640, 0))
	u.showDialog(s.dialog, nil)
	u.win.Canvas().Focus(s.name)
}

// appearanceOptions maps the radio's labels to the stored names.
func appearanceOptions() ([]string, map[string]string) {
	labels := []string{lang.L("Light"), lang.L("Dark"), lang.L("Follow the system")}
	names := map[string]string{labels[0]: appearanceLight, labels[1]: appearanceDark, labels[2]: appearanceSystem}
	return labels, names
}

func (s *settingsScreen) build() fyne.CanvasObject {
	id := s.se.store.Identity()
	s.name = widgets.NewEntry()
	s.name.SetText(id.Name)
	s.name.SetPlaceHolder(lang.L("Your name"))
	s.name.Validator = maxBytes
	s.picker = newDelegationPicker(id.Delegation)
	s.delegation = s.picker.entry
	for _, e := range []*widgets.Entry{s.name, s.delegation} {
		e.OnEscape = func() { s.dialog.Hide() }
		e.OnSubmitted = func(string) { s.dialog.Confirm() }
	}
	s.delegation.OnSubmitted = func(string) {
		s.picker.pickOnlyMatch()
		s.dialog.Confirm()
	}

	labels, names := appearanceOptions()
	s.before = string(s.se.store.Setting(settingTheme))
	s.appearance = widget.NewRadioGroup(labels, func(label string) {
		if n, ok := names[label]; ok {
			applyAppearance(s.app, n)
		}
	})
	s.appearance.Horizontal = true
	s.appearance.Required = true
	current := labels[2]
	for l, n := range names {
		if n == s.before {
			current = l
		}
	}
	s.appearance.Selected = current

	path := widget.NewLabel(s.se.store.Path())
	path.Wrapping = fyne.TextWrapBreak
	path.Selectable = true
	open := widget.NewButtonWithIcon(lang.L("Open folder"), theme.FolderOpenIcon(), s.onOpenFolder)
	copyPath := widget.NewButtonWithIcon(lang.L("Copy path"), theme.ContentCopyIcon(), func() {
		s.app.Clipboard().SetContent(s.se.store.Path())
	})
	how := map[string]string{
		"flag":     lang.L("Chosen with --db when scoplan was started."),
		"portable": lang.L("Portable mode: the file beside the program is used."),
		"default":  lang.L("The usual place for your user account."),
	}[s.loc.How]

	var langOpts []string
	var langSelected string
	langOpts, langSelected, s.languages = languageSetting(s.app.Preferences())
	s.language = widget.NewSelect(langOpts, nil)
	s.language.Selected = langSelected

	nameHint := lang.L("Written on every status and note you record")
	var delegationHint, appearanceHint string
	if s.se.readOnly() {
		// Nothing here may be written to the file: say so where the user
		// looks, rather than after Save.
		s.name.Disable()
		s.delegation.Disable()
		s.picker.box.Hide() // the pick list and its note
		nameHint = ""
		delegationHint = lang.L("The data file is read-only: your name and delegation cannot be changed in it.")
		appearanceHint = lang.L("Applies to this window only: the data file, where it is kept, is read-only.")
	}
	form := widget.NewForm(
		&widget.FormItem{Text: lang.L("Name"), Widget: s.name, HintText: nameHint},
		&widget.FormItem{Text: lang.L("Delegation"), Widget: container.NewVBox(s.delegation, s.picker.box), HintText: delegationHint},
		&widget.FormItem{Text: lang.L("Appearance"), Widget: s.appearance, HintText: appearanceHint},
		&widget.FormItem{Text: lang.L("Language"), Widget: s.language,
			HintText: lang.L("Applies when you save. The plan in English and Russian is an unofficial translation; the Chinese text is authoritative.")},
		&widget.FormItem{Text: lang.L("Data file"), Widget: container.NewVBox(path, container.NewHBox(open, copyPath)), HintText: how},
	)
	return form
}

func maxBytes(s string) error {
	if len(s) > data.MaxNameBytes {
		// Translated when used, not at package initialisation: the
		// translations are not loaded then.
		return newPlainError(lang.L("This is too long."))
	}
	return nil
}

func (s *settingsScreen) onClosed(save bool) {
	_, names := appearanceOptions()
	if !save {
		applyAppearance(s.app, s.before)
		return
	}
	// A read-only data file keeps its identity and appearance; the
	// appearance chosen applies to this window, the language (kept in the
	// app's preferences, not in the file) is saved.
	if store := s.se.store; !s.se.readOnly() {
		if err := store.SetIdentity(s.name.Text, s.picker.value()); err != nil {
			s.dlg.showError(err)
			return
		}
		if err := store.SetSetting(settingTheme, []byte(names[s.appearance.Selected])); err != nil {
			s.dlg.showError(err)
			return
		}
	}
	if code := s.languages[s.language.Selected]; code != s.app.Preferences().String(prefLanguage) {
		s.app.Preferences().SetString(prefLanguage, code)
		s.onSaved(code)
		return
	}
	s.onSaved("")
}

// settingsSaved shows the identity saved, and the window in the language
// chosen if it changed.
func (u *ui) settingsSaved(language string) {
	u.syncHint()
	if language != "" {
		// The window is built anew in the language: on the screen it shows.
		u.app.Preferences().SetBool(prefView, u.overviewShowing())
		u.relabel(language)
		return
	}
	u.detail.show(u.se.shown)
}

// openDataFolder opens the folder of the data file in the file manager.
func (u *ui) openDataFolder() {
	dir := filepath.Dir(u.se.store.Path())
	if err := u.app.OpenURL(&url.URL{Scheme: "file", Path: filepath.ToSlash(dir)}); err != nil {
		u.showError(err)
	}
}

type plainError string

func newPlainError(s string) error { return plainError(s) }

func (e plainError) Error() string { return string(e) }
