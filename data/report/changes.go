package report

import (
	"strings"
	"time"

	"scoplan/data"
)

// Since asks for a section of what changed: a meeting brief.
type Since struct {
	// From is the day the section starts after, as the reader named it
	// ("2026-06-12", or a meeting's name and date); AsOf is the day it is
	// as of (the end of the window).
	From, AsOf string
	// Changes are the changes of the window, newest first (data.ChangeList).
	// Those on measures the report does not hold, and meetings, are left out.
	Changes []data.ChangeEntry
	// Files are the status files imported into the data file in the
	// window, oldest first: the brief lists them as the files it includes
	// (a change recorded in the window reached this data file in a file
	// imported after it was recorded; the own changes need none). Files
	// stays nil when the data file keeps no record of imports.
	Files []SinceFile
}

// SinceFile is a status file imported into the data file.
type SinceFile struct {
	Name       string // the file's name
	Signer     string // the name it was signed with
	Delegation string // the signer's delegation, as declared
	Imported   time.Time
}

// ChangesSection is what changed in the window, per chapter, then per
// delegation, newest first within each.
type ChangesSection struct {
	From, AsOf string
	Count      int
	// FilesText lists the status files the brief includes, in the
	// report's language: each file's name, who signed it and when it was
	// imported, or that none was imported in the window.
	FilesText string
	Chapters  []ChangeChapter
}

// ChangeChapter is one chapter's changes.
type ChangeChapter struct {
	Title       string
	Delegations []ChangeGroup
}

// ChangeGroup is one delegation's changes in a chapter.
type ChangeGroup struct {
	Name string // in the report's language
	Rows []ChangeRow
}

// ChangeRow is one change as the brief shows it.
type ChangeRow struct {
	Time     string
	Who      string
	Key      string // the author's key fingerprint
	Measure  string
	Kind     data.ChangeKind
	Status   data.Status
	Previous data.Status
	Text     string
}

// buildChanges groups the changes of the report's measures by chapter (in
// the plan's order) and delegation (in the matrix's order).
func buildChanges(s *Since, items []Item, o Options) *ChangesSection {
	cs := &ChangesSection{From: s.From, AsOf: s.AsOf, FilesText: filesText(s.Files, o)}
	inReport := make(map[string]*data.Measure, len(items))
	for _, it := range items {
		inReport[it.Measure.ID] = it.Measure
	}
	type key struct {
		ch    *data.Chapter
		deleg string
	}
	groups := map[key][]ChangeRow{}
	for _, e := range s.Changes {
		m := inReport[e.Change.Measure]
		if m == nil || e.Change.Kind == data.ChangeMeeting {
			continue
		}
		c := e.Change
		k := key{m.Chapter(), e.Delegation}
		groups[k] = append(groups[k], ChangeRow{Time: stamp(c.Time), Who: c.Name, Key: c.Author, Measure: m.ID, Kind: c.Kind,
			Status: c.Status, Previous: e.Previous, Text: e.Text})
		cs.Count++
	}
	for _, ch := range o.Plan.Chapters {
		seen := map[string]bool{}
		for k := range groups {
			if k.ch == ch {
				seen[k.deleg] = true
			}
		}
		if len(seen) == 0 {
			continue
		}
		cc := ChangeChapter{Title: o.Texts.Chapter(ch)}
		for _, d := range delegationColumns(seen, o.Texts.Lang(), o.Label) {
			cc.Delegations = append(cc.Delegations, ChangeGroup{Name: d.Name, Rows: groups[key{ch, d.Key}]})
		}
		cs.Chapters = append(cs.Chapters, cc)
	}
	return cs
}

// filesText says which status files a brief includes.
func filesText(files []SinceFile, o Options) string {
	head, imported := o.Label("Status files included")+": ", o.Label("imported")
	if len(files) == 0 {
		return head + o.Label("none imported in this window")
	}
	who := whoIn(o.Texts.Lang())
	parts := make([]string, len(files))
	for i, f := range files {
		parts[i] = f.Name + " (" + who(f.Signer, f.Delegation) + ", " + imported + " " + stamp(f.Imported) + ")"
	}
	return head + strings.Join(parts, "; ")
}
