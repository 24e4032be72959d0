package app

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scoplan/data"
	"scoplan/data/search"
	"scoplan/widgets"
)

// newNoteID stands for the note being written in the editor.
const newNoteID = "new"

// detailView shows one measure in full: text, deadline, bodies, status,
// notes and history. Every change made here is written to the data file at
// once.
type detailView struct {
	se  *session
	app fyne.App
	win fyne.Window
	dlg *dialogs
	do  detailActions

	id      string // the measure the content was built for (the session's shown, when drawn)
	builtAt int    // the store's change count when the content was built
	query   string // the search text the content was built with

	scroll      *container.Scroll
	textBox     *fyne.Container // holds the text, redrawn alone when the search changes
	placeholder fyne.CanvasObject
	root        *fyne.Container

	status  *widgets.Select
	addNote *widgets.Button
	editor  *widgets.Entry // one per opening of the editor, kept across rebuilds
	editing string         // the note being edited: its ID, newNoteID, or ""

	// The draft of the note being written: the text the editor opened
	// with (to tell a change), and when a kept draft was restored into it.
	original string
	restored time.Time
	drafts   *noteDrafts
	kept     map[string]string // the drafts kept for the measure shown, by note
}

// detailActions are what the detail asks of the window.
type detailActions struct {
	focusList    func()
	filterByBody func(body string)
	setStatus    func(id string, st data.Status)
	deleteNote   func(id, note string) // asks first
}

func newDetailView(se *session, a fyne.App, w fyne.Window, dlg *dialogs, do detailActions) *detailView {
	return &detailView{se: se, app: a, win: w, dlg: dlg, do: do}
}

// setEditing opens the editor on a note (its ID, newNoteID) or closes it
// (""); while it is open, the session keeps the measure on show.
func (d *detailView) setEditing(note string) {
	d.editing = note
	d.se.SetWriting(note != "")
}

func (d *detailView) build() fyne.CanvasObject {
	msg := widget.NewLabel(lang.L("Select a measure to see its text, deadline, status and notes."))
	msg.Alignment = fyne.TextAlignCenter
	msg.Wrapping = fyne.TextWrapWord
	d.placeholder = newPlaceholder(widget.NewIcon(theme.DocumentIcon()), msg)
	// Both stay hidden until show says what the pane holds.
	d.placeholder.Hide()
	d.scroll = container.NewVScroll(widget.NewLabel(""))
	d.scroll.Hide()
	d.drafts = &noteDrafts{store: d.se.store, onError: d.dlg.showError}
	d.newEditor("")
	d.root = container.NewStack(d.placeholder, d.scroll)
	return d.root
}

// show displays a measure; "" shows the placeholder.
func (d *detailView) show(id string) {
	if id != d.id && d.editing != "" {
		// The draft stays in the data file and comes back with the editor.
		d.drafts.flush()
		d.setEditing("")
		d.newEditor("")
	}
	sameMeasure := id == d.id
	d.id = id
	if id == "" || d.se.plan.Measure(id) == nil {
		d.id = ""
		d.scroll.Hide()
		d.placeholder.Show()
		return
	}
	d.placeholder.Hide()
	d.scroll.Show()
	offset := d.scroll.Offset
	d.rebuild()
	if sameMeasure {
		d.scroll.Offset = offset
	} else {
		d.scroll.Offset = fyne.Position{}
	}
	d.scroll.Refresh()
}

// refresh rebuilds the content if the store or the search changed since.
func (d *detailView) refresh() {
	if d.id == "" {
		return
	}
	switch {
	case d.builtAt != d.se.changes:
		d.show(d.id)
	case d.query != d.se.query.Text:
		// Only the highlights changed: redraw the text, not the rest.
		d.query = d.se.query.Text
		d.textBox.Objects = []fyne.CanvasObject{d.measureText()}
		d.textBox.Refresh()
	}
}

// measureText is the measure's text with the search's matches marked.
func (d *detailView) measureText() fyne.CanvasObject {
	se := d.se
	var row search.Row
	if i := se.rowIndex(d.id); i >= 0 {
		row = se.rows[i]
	}
	return measureText(se.engine, row, se.plan.Measure(d.id))
}

func heading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return l
}

func caption(text string) *widget.RichText {
	r := widget.NewRichText(&widget.TextSegment{Text: text, Style: widget.RichTextStyle{ColorName: theme.ColorNamePlaceHolder, SizeName: theme.SizeNameCaptionText}})
	r.Wrapping = fyne.TextWrapWord
	return r
}

func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// card puts content on a softly coloured, rounded background.
func (d *detailView) card(objs ...fyne.CanvasObject) fyne.CanvasObject {
	th := d.app.Settings().Theme()
	bg := canvas.NewRectangle(th.Color(theme.ColorNameInputBackground, d.app.Settings().ThemeVariant()))
	bg.CornerRadius = th.Size(theme.SizeNameInputRadius)
	return container.NewStack(bg, container.NewPadded(container.NewVBox(objs...)))
}

func (d *detailView) rebuild() {
	se := d.se
	m := se.plan.Measure(d.id)
	st := se.state(d.id)
	d.builtAt, d.query = se.changes, se.query.Text

	var objs []fyne.CanvasObject

	// Header: the ID and where the measure sits in the plan.
	id := widget.NewRichText(&widget.TextSegment{Text: lang.L("Measure {{.ID}}", map[string]any{"ID": m.ID}),
		Style: widget.RichTextStyle{SizeName: theme.SizeNameHeadingText, TextStyle: fyne.TextStyle{Bold: true}}})
	chip := widgets.NewChip(statusLabel(st.Status), statusImportance(st.Status))
	objs = append(objs, container.NewBorder(nil, nil, nil, container.NewCenter(chip), id))
	objs = append(objs, caption(fmt.Sprintf("%s. %s  ›  %s %s", m.Chapter().ID(), planText.Chapter(m.Chapter()), m.Section.ID(), planText.Section(m.Section))))

	// The full text, with the search's matches highlighted; beside an
	// unofficial translation, the authoritative Chinese.
	d.textBox = container.NewStack(d.measureText())
	objs = append(objs, d.textBox, widget.NewSeparator())

	// Deadline: the source's words and what they mean today.
	objs = append(objs, heading(lang.L("Deadline")))
	meaning := widget.NewLabel(deadlineMeaning(m, st, se.today))
	meaning.Wrapping = fyne.TextWrapWord
	switch {
	case data.IsOverdue(m, st, se.today):
		meaning.Importance = widget.DangerImportance
	case data.IsDueSoon(m, st, se.today):
		meaning.Importance = widget.WarningImportance
	}
	source := widget.NewLabelWithStyle(planText.Deadline(m.Deadline), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	objs = append(objs, container.NewBorder(nil, nil, source, nil, meaning))

	// Responsible bodies: each filters the list to its measures.
	objs = append(objs, heading(lang.L("Responsible bodies")))
	// Links that wrap: a body's name in a button asked the pane for its
	// whole width (560 px), more than a 1024 px window has for it.
	for _, b := range m.Bodies {
		b := b
		link := widget.NewHyperlink(planText.Body(b), nil)
		link.Wrapping = fyne.TextWrapWord
		link.OnTapped = func() { d.do.filterByBody(b) }
		objs = append(objs, container.NewBorder(nil, nil, widget.NewIcon(theme.SearchIcon()), nil, link))
	}

	// Status.
	objs = append(objs, widget.NewSeparator(), heading(lang.L("Status")))
	var opts []string
	for _, s := range data.Statuses {
		opts = append(opts, statusLabel(s))
	}
	d.status = widgets.NewSelect(opts, d.onStatusChosen)
	d.status.Selected = statusLabel(st.Status)
	d.status.OnEscape = d.do.focusList
	if se.readOnly() {
		d.status.Disable()
	}
	setBy := caption(lang.L("Nobody has set a status yet."))
	if st.Set != nil {
		r := captionWho(lang.L("Set by {{.Who}} on {{.When}}", map[string]any{"Who": whoMarker, "When": timeLabel(st.Set.Time)}), st.Set.Name, st.Set.Delegation, st.Set.Author)
		if st.Set.Unverified {
			r.Segments = widgets.Guarded(append(r.Segments, unverifiedSegment(true)))
		}
		setBy = r
	}
	objs = append(objs, container.NewBorder(nil, nil, withWidth(d.statusWidth(), d.status), nil, setBy))
	if st.Conflict {
		objs = append(objs, d.conflictCard(st))
	}
	if all := d.delegationStatuses(st); all != nil {
		objs = append(objs, all)
	}

	// Notes.
	objs = append(objs, widget.NewSeparator())
	d.addNote = widgets.NewButton(lang.L("Add note"), theme.ContentAddIcon(), d.startAdd)
	d.addNote.OnEscape = d.do.focusList
	d.addNote.Hidden = se.readOnly()
	notesTitle := heading(lang.L("Notes ({{.Count}})", map[string]any{"Count": len(st.Notes)}))
	objs = append(objs, container.NewBorder(nil, nil, nil, d.addNote, notesTitle))
	d.kept = d.keptDrafts()
	kept := d.kept
	if d.editing == newNoteID {
		objs = append(objs, d.editorBox())
	} else if text, ok := kept[""]; ok {
		objs = append(objs, d.draftCard(newNoteID, text))
	}
	if len(st.Notes) == 0 && d.editing != newNoteID && kept[""] == "" {
		objs = append(objs, caption(lang.L("No notes yet. Notes are shared with colleagues when you exchange status files.")))
	}
	me := se.store.Identity().Key
	for _, n := range st.Notes {
		objs = append(objs, markNewCard(d.noteCard(n, n.Author == me && !se.readOnly()), se.noteIsNew(n)))
	}

	// History, newest first.
	objs = append(objs, widget.NewSeparator(), heading(lang.L("History ({{.Count}})", map[string]any{"Count": len(st.History)})))
	if len(st.History) == 0 {
		objs = append(objs, caption(lang.L("No changes yet.")))
	}
	anyUnverified := false
	hist := append([]*data.Change(nil), st.History...)
	sort.SliceStable(hist, func(i, j int) bool { return hist[j].Time.Before(hist[i].Time) })
	for _, c := range hist {
		segs := markNewLine(withUnverified([]widget.RichTextSegment{
			&widget.TextSegment{Text: timeLabel(c.Time) + "  ", Style: widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePlaceHolder}},
			&widget.TextSegment{Text: who(c.Name, c.Delegation, c.Author), Style: widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: true}}},
			keySegment(c.Author),
			&widget.TextSegment{Text: " " + changeSummary(c), Style: widget.RichTextStyle{Inline: true}},
		}, 2, c.Unverified), se.isNew(c.Time))
		anyUnverified = anyUnverified || c.Unverified
		line := widget.NewRichText(widgets.Guarded(segs)...)
		line.Wrapping = fyne.TextWrapWord
		objs = append(objs, line)
	}
	if anyUnverified {
		objs = append(objs, caption(unverifiedLegend()))
	}

	d.scroll.Content = container.NewPadded(container.NewVBox(objs...))
	d.scroll.Refresh()
}

// conflictCard shows the statuses in conflict, who set them and when, each
// with a button to keep it.
func (d *detailView) conflictCard(st *data.MeasureState) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(lang.L("Status conflict"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Importance = widget.WarningImportance
	objs := []fyne.CanvasObject{
		container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), nil, title),
		wrapped(lang.L("People of your delegation set different statuses without seeing each other's change. Choose the status that holds for your delegation; your choice resolves the conflict for everyone who receives it.")),
	}
	for _, c := range st.Competing {
		c := c
		keep := widgets.NewButton(lang.L("Keep {{.Status}}", map[string]any{"Status": statusLabel(c.Status)}), theme.ConfirmIcon(), func() {
			d.do.setStatus(d.id, c.Status)
		})
		keep.OnEscape = d.do.focusList
		if d.se.readOnly() {
			keep.Disable() // the file cannot take the choice
		}
		line := captionWho(lang.L("{{.Status}}: set by {{.Who}} on {{.When}}", map[string]any{
			"Status": statusLabel(c.Status), "Who": whoMarker, "When": timeLabel(c.Time)}), c.Name, c.Delegation, c.Author)
		objs = append(objs, container.NewBorder(nil, nil, nil, keep, line))
	}
	return d.card(objs...)
}

// noteCard shows a note; the user's own notes can be edited and deleted,
// other people's cannot.
func (d *detailView) noteCard(n *data.Note, mine bool) fyne.CanvasObject {
	when := timeLabel(n.Created)
	if !n.Edited.IsZero() {
		when = lang.L("{{.Created}}, edited {{.Edited}}", map[string]any{"Created": when, "Edited": timeLabel(n.Edited)})
	}
	author := widget.NewRichText(widgets.Guarded(withUnverified([]widget.RichTextSegment{
		&widget.TextSegment{Text: who(n.Name, n.Delegation, n.Author), Style: widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: true}}},
		keySegment(n.Author),
		&widget.TextSegment{Text: "  " + when, Style: widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePlaceHolder, SizeName: theme.SizeNameCaptionText}},
	}, 1, n.Unverified))...)
	author.Wrapping = fyne.TextWrapWord
	if d.editing == n.ID && mine {
		return d.card(author, d.editorBox())
	}
	var actions fyne.CanvasObject
	if mine {
		edit := widgets.NewButton(lang.L("Edit"), theme.DocumentCreateIcon(), func() { d.startEdit(n) })
		del := widgets.NewButton(lang.L("Delete"), theme.DeleteIcon(), func() { d.do.deleteNote(d.id, n.ID) })
		for _, b := range []*widgets.Button{edit, del} {
			b.Importance = widget.LowImportance
			b.OnEscape = d.do.focusList
		}
		actions = container.NewHBox(edit, del)
	}
	objs := []fyne.CanvasObject{container.NewBorder(nil, nil, nil, actions, author), wrapped(n.Text)}
	if text, ok := d.kept[n.ID]; ok && mine {
		objs = append(objs, d.draftLine(n.ID, text))
	}
	return d.card(objs...)
}

// editorBox is the note editor with its buttons.
func (d *detailView) editorBox() fyne.CanvasObject {
	save := widgets.NewButton(lang.L("Save note"), theme.DocumentSaveIcon(), d.onSaveNote)
	save.Importance = widget.HighImportance
	discard := widgets.NewButton(lang.L("Discard"), theme.DeleteIcon(), d.onDiscardNote)
	discard.Importance = widget.LowImportance
	save.OnEscape, discard.OnEscape = d.onEscapeNote, d.onEscapeNote
	objs := []fyne.CanvasObject{}
	if !d.restored.IsZero() {
		objs = append(objs, caption(lang.L("Draft restored (kept {{.When}}).", map[string]any{"When": timeLabel(d.restored)})))
	}
	objs = append(objs, d.editor, container.NewHBox(layout.NewSpacer(), discard, save))
	return container.NewVBox(objs...)
}

// newEditor replaces the editor with a fresh one holding text: a fresh
// Entry carries over no selection, caret or undo history from the last note.
func (d *detailView) newEditor(text string) {
	d.editor = widgets.NewMultiLineEntry()
	d.editor.SetMinRowsVisible(4)
	d.editor.SetPlaceHolder(lang.L("Write a note… (Ctrl+Enter saves; Esc keeps a draft)"))
	d.editor.SetText(text)
	d.editor.OnSubmit = d.onSaveNote
	d.editor.OnEscape = d.onEscapeNote
	ed := d.editor
	ed.OnCursorChanged = func() {
		if pos, ok := d.editorPosition(); ok && ed == d.editor {
			placeIMSpot(d.win, ed, pos)
		}
	}
	d.editor.OnChanged = func(text string) {
		if d.editing != "" {
			d.drafts.changed(d.id, draftNote(d.editing), text, d.original)
		}
	}
}

// draftNote is the storage's name for the note being edited.
func draftNote(editing string) string {
	if editing == newNoteID {
		return ""
	}
	return editing
}

// open opens the editor on a note (newNoteID for a new one) whose saved
// text is original, with the draft kept for it if there is one.
func (d *detailView) open(note, original string) {
	d.setEditing(note)
	d.original, d.restored = original, time.Time{}
	text := original
	if dr, ok, err := d.se.store.LoadDraft(d.id, draftNote(note)); err != nil {
		d.dlg.showError(err)
	} else if ok {
		text, d.restored = dr.Text, dr.Saved
	}
	d.newEditor(text)
	d.rebuild()
	d.focusEditor()
	// Editing goes on at the end of the text, where a note is added to.
	d.editor.CursorToEnd()
}

// startAdd opens the editor for a new note and focuses it.
func (d *detailView) startAdd() {
	if d.id == "" {
		return
	}
	if d.editing == newNoteID {
		d.focusEditor()
		return
	}
	d.drafts.flush()
	d.open(newNoteID, "")
}

func (d *detailView) startEdit(n *data.Note) {
	d.drafts.flush()
	d.open(n.ID, n.Text)
}

func (d *detailView) focusEditor() {
	if c := d.win.Canvas(); c != nil {
		c.Focus(d.editor)
	}
	d.scroll.ScrollToOffset(d.editorOffset())
	if pos, ok := d.editorPosition(); ok {
		placeIMSpot(d.win, d.editor, pos)
	}
}

// editorOffset is the scroll offset that shows the editor a third of the
// way down the pane. The editor's place is found through the containers of
// the content: the window's driver knows the place of an object only once
// it has been drawn, and the editor was just built.
func (d *detailView) editorOffset() fyne.Position {
	pos, _ := offsetIn(d.scroll.Content, d.editor)
	y := pos.Y - d.scroll.Size().Height/3
	return fyne.NewPos(0, max(y, 0))
}

// editorPosition is where the editor is in the window, or false when it is
// not in the pane.
func (d *detailView) editorPosition() (fyne.Position, bool) {
	pos, ok := offsetIn(d.scroll.Content, d.editor)
	if !ok {
		return pos, false
	}
	base := fyne.CurrentApp().Driver().AbsolutePositionForObject(d.scroll)
	return base.Add(pos).Subtract(d.scroll.Offset), true
}

// offsetIn is the position of obj inside root, found through the
// containers that hold it.
func offsetIn(root, obj fyne.CanvasObject) (fyne.Position, bool) {
	if root == obj {
		return fyne.Position{}, true
	}
	c, ok := root.(*fyne.Container)
	if !ok {
		return fyne.Position{}, false
	}
	for _, o := range c.Objects {
		if p, ok := offsetIn(o, obj); ok {
			return o.Position().Add(p), true
		}
	}
	return fyne.Position{}, false
}

func (d *detailView) onSaveNote() {
	text := d.editor.Text
	var ok bool
	if d.editing == newNoteID {
		ok = d.report(d.se.AddNote(d.id, text))
	} else if d.editing != "" {
		ok = d.report(d.se.EditNote(d.id, d.editing, text))
	}
	if ok {
		d.drafts.discard(d.id, draftNote(d.editing))
		d.close()
	}
}

// report shows an error and reports whether there was none.
func (d *detailView) report(err error) bool {
	if err != nil {
		d.dlg.showError(err)
		return false
	}
	return true
}

// close closes the editor; what is in it must have been saved, kept or
// discarded before.
func (d *detailView) close() {
	d.setEditing("")
	d.restored = time.Time{}
	d.newEditor("")
	offset := d.scroll.Offset // the notes stay in view, with a kept draft where the editor was
	d.rebuild()
	d.scroll.Offset = offset
	d.scroll.Refresh()
	d.win.Canvas().Focus(d.addNote)
}

// onEscapeNote closes the editor and keeps what was written as a draft:
// Escape is also how an input method's composition is cancelled, and a
// key pressed by habit must not throw text away. The draft is shown below
// the notes, with a button to continue and one to discard it.
func (d *detailView) onEscapeNote() {
	if d.editing == "" {
		d.do.focusList()
		return
	}
	d.drafts.changed(d.id, draftNote(d.editing), d.editor.Text, d.original)
	d.drafts.flush()
	d.close()
}

// onDiscardNote closes the editor and throws its text away, after asking
// when there is new text to lose.
func (d *detailView) onDiscardNote() {
	if d.editing == "" {
		return
	}
	id, note := d.id, draftNote(d.editing)
	discard := func() {
		d.drafts.discard(id, note)
		if d.id == id && draftNote(d.editing) == note {
			d.close()
		}
	}
	if strings.TrimSpace(d.editor.Text) == "" || d.editor.Text == d.original {
		discard()
		return
	}
	d.confirmDiscard(discard)
}

func (d *detailView) confirmDiscard(discard func()) {
	dlg := dialog.NewConfirm(lang.L("Discard draft"), lang.L("Throw away the text written in this note? It cannot be brought back."),
		func(ok bool) {
			if ok {
				discard()
			}
		}, d.win)
	dlg.SetConfirmText(lang.L("Discard"))
	d.dlg.showDialog(dlg, nil)
}

// keptDrafts returns the drafts kept for the measure shown, by note ("" for
// a new note).
func (d *detailView) keptDrafts() map[string]string {
	all, err := d.se.store.Drafts(d.id)
	if err != nil {
		d.dlg.showError(err)
		return nil
	}
	kept := map[string]string{}
	for _, dr := range all {
		if d.editing == "" || dr.Note != draftNote(d.editing) { // the open one is in the editor
			kept[dr.Note] = dr.Text
		}
	}
	return kept
}

// draftCard shows the kept draft of a new note.
func (d *detailView) draftCard(note, text string) fyne.CanvasObject {
	return d.card(d.draftLine(note, text))
}

// draftLine says a draft is kept, with its beginning, and offers to go on
// writing it or to discard it.
func (d *detailView) draftLine(note, text string) fyne.CanvasObject {
	cont := widgets.NewButton(lang.L("Continue"), theme.DocumentCreateIcon(), func() {
		if note == newNoteID {
			d.startAdd()
			return
		}
		for _, n := range d.se.state(d.id).Notes {
			if n.ID == note {
				d.startEdit(n)
			}
		}
	})
	id := d.id
	del := widgets.NewButton(lang.L("Discard"), theme.DeleteIcon(), func() {
		d.confirmDiscard(func() {
			d.drafts.discard(id, draftNote(note))
			d.rebuild()
		})
	})
	for _, b := range []*widgets.Button{cont, del} {
		b.Importance = widget.LowImportance
		b.OnEscape = d.do.focusList
	}
	msg := lang.L("Unsaved draft: {{.Text}}", map[string]any{"Text": excerpt(text, 80)})
	if note != newNoteID {
		msg = lang.L("Unsaved edit: {{.Text}}", map[string]any{"Text": excerpt(text, 80)})
	}
	line := caption(msg)
	return container.NewBorder(nil, nil, widget.NewIcon(theme.DocumentIcon()), container.NewHBox(cont, del), line)
}

// excerpt is the first n runes of text on one line.
func excerpt(text string, n int) string {
	r := []rune(strings.Join(strings.Fields(text), " "))
	if len(r) > n {
		return string(r[:n]) + "…"
	}
	return string(r)
}

// flushDraft writes the draft being typed now, e.g. before the window closes.
func (d *detailView) flushDraft() { d.drafts.flush() }

func (d *detailView) onStatusChosen(label string) {
	if d.id == "" {
		return
	}
	for _, s := range data.Statuses {
		if statusLabel(s) == label {
			d.do.setStatus(d.id, s)
			return
		}
	}
}

// statusWidth fits the longest status name in the selector.
func (d *detailView) statusWidth() float32 {
	th := d.app.Settings().Theme()
	w := float32(0)
	for _, s := range data.Statuses {
		w = max(w, fyne.MeasureText(statusLabel(s), th.Size(theme.SizeNameText), fyne.TextStyle{}).Width)
	}
	return w + th.Size(theme.SizeNameInlineIcon) + 4*th.Size(theme.SizeNameInnerPadding)
}

// focus moves the keyboard into the detail, on the status selector.
func (d *detailView) focus() {
	if d.id != "" && d.status != nil {
		d.win.Canvas().Focus(d.status)
	}
}
