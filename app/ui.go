package app

import (
	"errors"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scoplan/data"
	"scoplan/data/search"
	"scoplan/storage"
	"scoplan/widgets"
)

// Preference keys (Fyne's per-machine preferences) for the window's geometry.
const (
	prefWidth      = "window.width"
	prefHeight     = "window.height"
	prefSplitLeft  = "split.left"    // navigation+filters | list+detail
	prefSplitList  = "split.list"    // list | detail
	prefSplitNav   = "split.nav"     // navigation over filters
	prefView       = "view.overview" // the overview was showing
	querySaveDelay = 800 * time.Millisecond
)

// ui is the main window: a search field always on top, then either the
// measures (navigation and filters, list, detail) or the overview.
type ui struct {
	app fyne.App
	win fyne.Window
	se  *session
	loc storage.Location
	*dialogs

	nav      *navigation
	filters  *filterPanel
	list     *measureList
	detail   *detailView
	overview *overviewScreen
	exch     *exchange // status files and the shared folder (exchange.go)
	reports  *reports  // File → Save a report (reports.go)
	bar      *statusBar

	search       *widgets.Entry
	measuresView fyne.CanvasObject
	overviewView fyne.CanvasObject // nil until the overview is first shown
	views        *fyne.Container   // holds the measures and the overview
	showMeasures *widget.Button
	showOverview *widget.Button
	showActivity *widget.Button
	activity     *activityScreen
	activityView fyne.CanvasObject // nil until the activity is first shown
	splitLeft    *container.Split
	splitList    *container.Split
	splitNav     *container.Split

	hint *fyne.Container

	settings *settingsScreen // the settings dialog last opened

	saveTimer *time.Timer
}

// newUI builds each screen from what it needs (the session, the window,
// the dialogs and callbacks) and wires them to the session's changes.
func newUI(a fyne.App, w fyne.Window, se *session, loc storage.Location) *ui {
	u := &ui{app: a, win: w, se: se, loc: loc, dialogs: &dialogs{win: w}}
	se.guard = u.safely
	u.nav = newNavigation(se, u.setSection, u.focusList)
	u.filters = newFilterPanel(se, u.focusList)
	u.list = newMeasureList(se, a, w, u.openDetail, u.showAll)
	u.detail = newDetailView(se, a, w, u.dialogs, detailActions{
		focusList:    u.focusList,
		filterByBody: u.filterByBody,
		setStatus:    u.setStatus,
		deleteNote:   u.confirmDeleteNote,
	})
	u.overview = newOverviewScreen(se, a, u.openMeasure)
	u.activity = newActivityScreen(se, u.openMeasure)
	u.exch = newExchange(se, u.dialogs)
	u.reports = newReports(se, u.dialogs, u.exch.run)
	u.bar = newStatusBar(se, u.unlessDialog(u.showSettings), u.unlessDialog(u.showConflicts))

	se.OnQueryChanged(func() {
		u.bar.clear()
		if u.search != nil && u.search.Text != se.query.Text {
			u.search.SetText(se.query.Text)
		}
		u.scheduleQuerySave()
	})
	se.OnShown(func() { u.detail.show(se.shown) })
	se.OnSinceChanged(u.markSince)
	se.OnRowsChanged(func() {
		u.list.sync()
		u.nav.sync()
		u.filters.sync()
		u.detail.refresh()
		u.overview.refresh()
		u.bar.sync()
	})
	return u
}

// build makes the window's content, menus and shortcuts.
func (u *ui) build() fyne.CanvasObject {
	prefs := u.app.Preferences()

	u.search = widgets.NewEntry()
	u.search.SetPlaceHolder(lang.L("Search measures, bodies and notes (Ctrl+F)"))
	u.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	u.search.SetText(u.se.query.Text)
	u.search.OnChanged = u.onSearch
	u.search.OnEscape = func() {
		if u.search.Text != "" {
			u.search.SetText("")
			return
		}
		u.focusList()
	}
	u.search.OnDown = u.focusList
	u.search.OnSubmitted = func(string) { u.focusList() }

	u.showMeasures = widget.NewButtonWithIcon(lang.L("Measures"), theme.ListIcon(), u.onShowMeasures)
	u.showOverview = widget.NewButtonWithIcon(lang.L("Overview"), theme.GridIcon(), u.onShowOverview)
	u.showActivity = widget.NewButtonWithIcon(lang.L("Activity"), theme.HistoryIcon(), u.onShowActivity)
	top := container.NewBorder(nil, nil, nil, container.NewHBox(u.showMeasures, u.showOverview, u.showActivity), u.search)

	u.splitNav = container.NewVSplit(u.nav.build(), u.filters.build())
	u.splitNav.Offset = prefs.FloatWithFallback(prefSplitNav, 0.36)
	u.splitList = container.NewHSplit(u.list.build(), u.detail.build())
	u.splitList.Offset = prefs.FloatWithFallback(prefSplitList, 0.52)
	u.splitLeft = container.NewHSplit(u.splitNav, u.splitList)
	u.splitLeft.Offset = prefs.FloatWithFallback(prefSplitLeft, 0.3)
	u.measuresView = u.splitLeft
	// The overview is built when it is first shown.
	u.overview.reset()
	u.overviewView = nil
	u.activityView = nil
	u.views = container.NewStack(u.measuresView)

	u.win.SetMainMenu(u.menu())
	u.addShortcuts()
	u.win.Canvas().SetOnTypedKey(u.onUnfocusedKey)

	u.hint = u.buildHint()
	content := container.NewBorder(container.NewVBox(container.NewPadded(top), u.readOnlyBanner(), u.hint, widget.NewSeparator()), u.bar.build(), nil, nil,
		u.views)
	if prefs.Bool(prefView) {
		u.onShowOverview()
	} else {
		u.onShowMeasures()
	}
	start := string(u.se.store.Setting(settingMeasure))
	if u.se.plan.Measure(start) == nil || (u.se.rowIndex(start) < 0 && len(u.se.rows) > 0) {
		start = ""
		if len(u.se.rows) > 0 {
			start = u.se.rows[0].Measure.ID
		}
	}
	// The detail is drawn by afterFirstFrame (or relabel).
	u.se.shown = start
	u.list.selectMeasure(start)
	return content
}

// buildHint is a bar that asks a user who has not said who they are to do
// so: their name and delegation go on every status and note.
func (u *ui) buildHint() *fyne.Container {
	msg := widget.NewLabel(lang.L("Set your name and delegation, so that colleagues see who recorded each status and note."))
	msg.Wrapping = fyne.TextWrapWord
	set := widget.NewButtonWithIcon(lang.L("Set name…"), theme.AccountIcon(), u.showSettings)
	set.Importance = widget.HighImportance
	bar := container.NewPadded(container.NewBorder(nil, nil, widget.NewIcon(theme.InfoIcon()), set, msg))
	u.hint = bar
	u.syncHint()
	return bar
}

// syncHint shows the identity hint while the name or delegation is missing.
func (u *ui) syncHint() {
	id := u.se.store.Identity()
	u.hint.Hidden = id.Name != "" && id.Delegation != ""
	u.hint.Refresh()
	u.bar.sync()
}

// menu is the main menu; its shortcuts work wherever the focus is.
func (u *ui) menu() *fyne.MainMenu {
	mod := fyne.KeyModifierShortcutDefault
	item := func(label string, key fyne.KeyName, m fyne.KeyModifier, action func()) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, u.unlessDialog(action))
		if key != "" {
			it.Shortcut = &desktop.CustomShortcut{KeyName: key, Modifier: m}
		}
		return it
	}
	quit := item(lang.L("Quit"), fyne.KeyQ, mod, nil)
	quit.Action, quit.IsQuit = u.quit, true
	file := fyne.NewMenu(lang.L("File"),
		item(lang.L("Import status files…"), fyne.KeyI, mod, u.exch.onImport),
		item(lang.L("Export status file…"), fyne.KeyE, mod, u.exch.onExport),
		item(lang.L("Shared folder…"), "", 0, u.exch.onSharedFolder),
		item(lang.L("Save a report…"), fyne.KeyR, mod, u.reports.onReport),
		fyne.NewMenuItemSeparator(),
		item(lang.L("Settings…"), fyne.KeyComma, mod, u.showSettings),
		item(lang.L("Open data folder"), "", 0, u.openDataFolder),
		fyne.NewMenuItemSeparator(),
		quit,
	)
	edit := fyne.NewMenu(lang.L("Edit"),
		item(lang.L("Find"), fyne.KeyF, mod, u.focusSearch),
		item(lang.L("Add note"), fyne.KeyN, mod, u.startNote),
		fyne.NewMenuItemSeparator(),
		item(lang.L("Clear filters"), fyne.KeyL, mod|fyne.KeyModifierShift, u.clearFilters),
		item(lang.L("Show all measures"), "", 0, u.showAll),
	)
	view := fyne.NewMenu(lang.L("View"),
		item(lang.L("Measures"), fyne.Key1, mod, u.onShowMeasures),
		item(lang.L("Overview"), fyne.Key2, mod, u.onShowOverview),
		item(lang.L("Activity"), fyne.Key3, mod, u.onShowActivity),
	)
	help := fyne.NewMenu(lang.L("Help"),
		item(lang.L("Keyboard shortcuts"), fyne.KeySlash, mod, u.showShortcuts),
		item(lang.L("About scoplan"), "", 0, u.showAbout),
	)
	return fyne.NewMainMenu(file, edit, view, help)
}

// unlessDialog runs action only while no dialog is open: a dialog is
// modal, and a shortcut typed over it (Ctrl+I over "Status file
// exported") would stack another dialog on top of it.
func (u *ui) unlessDialog(action func()) func() {
	return func() {
		if u.win.Canvas().Overlays().Top() == nil {
			action()
		}
	}
}

// addShortcuts registers the menu's shortcuts on the canvas too, for
// drivers that show no menu bar.
func (u *ui) addShortcuts() {
	for _, m := range u.win.MainMenu().Items {
		for _, it := range m.Items {
			if it.Shortcut != nil && it.Action != nil {
				action := it.Action
				u.win.Canvas().AddShortcut(it.Shortcut, func(fyne.Shortcut) { action() })
			}
		}
	}
}

// onUnfocusedKey handles keys typed while no widget has the focus.
func (u *ui) onUnfocusedKey(ev *fyne.KeyEvent) {
	if u.win.Canvas().Overlays().Top() != nil {
		if ev.Name == fyne.KeyEscape && u.dialog != nil {
			u.dialog.Hide()
		}
		return
	}
	switch ev.Name {
	case fyne.KeyEscape, fyne.KeyUp, fyne.KeyDown:
		u.focusList()
	case fyne.KeyReturn, fyne.KeyEnter:
		u.openDetail()
	}
}

// ---- state changes: every screen is redrawn from the session ----

// safely runs fn and turns a panic into a plain error dialog: a defect in
// drawing must not close the window. Every change was written when it was
// made, so nothing is lost.
func (u *ui) safely(fn func()) {
	defer func() {
		if r := recover(); r != nil {
			fyne.LogError("scoplan: recovered from a panic", fmt.Errorf("%v", r))
			u.showError(errors.New(lang.L("Something went wrong while redrawing the window. Your changes are saved in the data file; restart scoplan if the window looks wrong.")))
		}
	}()
	fn()
}

func (u *ui) onSearch(text string) {
	if text == u.se.query.Text {
		return
	}
	if u.overviewShowing() {
		u.onShowMeasures()
	}
	u.se.SetText(text)
	u.list.scrollToTop()
}

// setSection narrows the list to a chapter or section, from its top.
func (u *ui) setSection(scope string) {
	if u.se.SetSection(scope) {
		u.list.scrollToTop()
	}
}

// clearFilters clears every filter, keeping the search and the section.
func (u *ui) clearFilters() { u.se.ClearFilters() }

// showAll clears the search, the filters and the section.
func (u *ui) showAll() { u.se.SetQuery(search.Query{}) }

func (u *ui) filterByBody(b string) {
	u.se.ChangeFilter(func(f *search.Filter) { f.Bodies = []string{b} })
	u.onShowMeasures()
}

// scheduleQuerySave writes the query to the data file once typing pauses,
// so that a keystroke never waits for the disk.
func (u *ui) scheduleQuerySave() {
	if u.saveTimer != nil {
		u.saveTimer.Stop()
	}
	u.saveTimer = time.AfterFunc(querySaveDelay, func() { fyne.Do(u.saveQuery) })
}

func (u *ui) saveQuery() {
	if u.saveTimer != nil {
		u.saveTimer.Stop()
		u.saveTimer = nil
	}
	err := u.se.saveQuery()
	if err == nil {
		err = u.se.store.SetSetting(settingMeasure, []byte(u.se.shown))
	}
	if err != nil && !errors.Is(err, storage.ErrClosed) {
		u.showError(err)
	}
}

// ---- navigation between screens and focus ----

// overviewShowing reports whether the overview is on screen.
func (u *ui) overviewShowing() bool {
	return u.overviewView != nil && u.overviewView.Visible()
}

// showView shows one of the three views and marks its button.
func (u *ui) showView(view fyne.CanvasObject, button *widget.Button) {
	for _, v := range []fyne.CanvasObject{u.measuresView, u.overviewView, u.activityView} {
		if v != nil && v != view {
			v.Hide()
		}
	}
	view.Show()
	for _, b := range []*widget.Button{u.showMeasures, u.showOverview, u.showActivity} {
		b.Importance = widget.MediumImportance
		if b == button {
			b.Importance = widget.HighImportance
		}
		b.Refresh()
	}
}

func (u *ui) onShowMeasures() { u.showView(u.measuresView, u.showMeasures) }

func (u *ui) onShowOverview() {
	if u.overviewView == nil {
		u.overviewView = u.overview.build()
		u.views.Add(u.overviewView)
	}
	u.overview.refresh()
	u.showView(u.overviewView, u.showOverview)
	u.overview.focus(u.win.Canvas())
}

// onShowActivity shows the timeline of changes.
func (u *ui) onShowActivity() {
	if u.activityView == nil {
		u.activityView = u.activity.build()
		u.views.Add(u.activityView)
	}
	u.activity.refresh()
	u.showView(u.activityView, u.showActivity)
}

// openMeasure shows a measure from elsewhere (the overview): the measures
// view, the measure selected if the list has it, and its detail.
func (u *ui) openMeasure(id string) {
	u.onShowMeasures()
	u.se.Show(id)
	u.list.selectMeasure(id)
	u.detail.focus()
}

// openDetail moves the keyboard into the detail of the selected measure.
func (u *ui) openDetail() {
	if u.se.shown == "" {
		u.se.Show(u.list.selected())
	}
	u.detail.focus()
}

func (u *ui) focusList() {
	u.onShowMeasures()
	u.list.takeFocus()
}

func (u *ui) focusSearch() {
	u.onShowMeasures()
	u.win.Canvas().Focus(u.search)
	u.search.TypedShortcut(&fyne.ShortcutSelectAll{})
}

// startNote opens the note editor on the measure shown (Ctrl+N).
func (u *ui) startNote() {
	u.onShowMeasures()
	if u.se.shown == "" {
		if id := u.list.selected(); id != "" {
			u.se.Show(id)
		} else if len(u.se.rows) > 0 {
			u.list.selectFirst()
		}
	}
	u.detail.startAdd()
}

// ---- writes: each goes to the data file at once ----

// setStatus records a status; the status bar says what the list does not
// show (a conflict resolved, the measure gone from the list).
func (u *ui) setStatus(id string, st data.Status) {
	resolved, left, err := u.se.SetStatus(id, st)
	if err != nil {
		u.showError(err)
		return
	}
	if resolved || left {
		u.bar.say(statusNotice(id, st, resolved, left))
	}
}

func (u *ui) confirmDeleteNote(id, note string) {
	d := dialog.NewConfirm(lang.L("Delete note"),
		lang.L("Delete this note? Colleagues who already have it will see it deleted after the next exchange."),
		func(ok bool) {
			if !ok {
				return
			}
			if err := u.se.DeleteNote(id, note); err != nil {
				u.showError(err)
			}
		}, u.win)
	d.SetConfirmText(lang.L("Delete"))
	d.SetDismissText(lang.L("Keep"))
	u.showDialog(d, nil)
}

// saveGeometry remembers the window's size and split positions.
func (u *ui) saveGeometry() {
	p := u.app.Preferences()
	if s := u.win.Canvas().Size(); s.Width > 0 && s.Height > 0 {
		p.SetFloat(prefWidth, float64(s.Width))
		p.SetFloat(prefHeight, float64(s.Height))
	}
	p.SetFloat(prefSplitLeft, u.splitLeft.Offset)
	p.SetFloat(prefSplitList, u.splitList.Offset)
	p.SetFloat(prefSplitNav, u.splitNav.Offset)
	p.SetBool(prefView, u.overviewShowing())
}

// onClose saves what must survive and closes the window.
func (u *ui) onClose() {
	u.detail.flushDraft()
	u.exch.stop()
	u.saveQuery()
	u.saveGeometry()
	u.win.Close()
}

func (u *ui) quit() {
	u.detail.flushDraft() // File → Quit keeps a note being written, as closing the window does
	u.exch.stop()
	u.saveQuery()
	u.saveGeometry()
	u.app.Quit()
}
