package report

import (
	"strings"
	"testing"
	"time"

	"scoplan/data"
)

// TestBriefListsItsStatusFiles: the section of what changed, in the HTML
// and the PDF, is stamped with the day it is as of and lists the status
// files it includes (name, signer with delegation, when imported), or says
// that none was imported in the window.
func TestBriefListsItsStatusFiles(t *testing.T) {
	at := func(h int) time.Time { return t0.Add(time.Duration(h) * time.Hour) }
	log := []*data.Change{
		{ID: id(1), Kind: data.ChangeStatus, Measure: "1.1.1", Author: "aaaaaaaaaaaaaaaa", Name: "Иван Смирнов", Delegation: "RU", Time: at(30), Clock: 1, Status: data.StatusInProgress},
	}
	entries := data.ChangeList(log, data.ChangeFilter{After: data.EndOfDay(data.Date{Year: 2026, Month: 11, Day: 2})})
	files := []SinceFile{
		{Name: "ivan.scoplan-status", Signer: "Иван Смирнов", Delegation: "RU", Imported: time.Date(2026, 11, 20, 9, 30, 0, 0, time.UTC)},
		{Name: "wang.scoplan-status", Signer: "王伟", Delegation: "China", Imported: time.Date(2026, 11, 21, 14, 5, 0, 0, time.UTC)},
	}
	for _, lang := range []data.Lang{data.English, data.Chinese, data.Russian} {
		l := Labels(lang)
		since := &Since{From: "2026-11-02 (Tashkent)", AsOf: "2026-11-23", Changes: entries, Files: files}
		r := Build(items(t), Options{Texts: data.In(lang), Label: l, Today: today, Generated: t0, Since: since})
		want := []string{
			l("As of") + ": 2026-11-23",
			l("Status files included") + ": ivan.scoplan-status (Иван Смирнов (" + data.DelegationLabel("RU", string(lang)) + "), " + l("imported") + " 2026-11-20 09:30 UTC)",
			"wang.scoplan-status (王伟 (" + data.DelegationLabel("CN", string(lang)) + "), " + l("imported") + " 2026-11-21 14:05 UTC)",
		}
		html, err := r.HTML()
		if err != nil {
			t.Fatal(err)
		}
		pdf, err := r.Encode(PDF)
		if err != nil {
			t.Fatal(err)
		}
		text, _ := pdfText(t, pdf)
		for _, w := range want {
			if !strings.Contains(string(html), w) {
				t.Errorf("%s: the HTML lacks %q", lang, w)
			}
			if !strings.Contains(text, squeeze(w)) {
				t.Errorf("%s: the PDF lacks %q", lang, w)
			}
		}
		since.Files = nil
		r = Build(items(t), Options{Texts: data.In(lang), Label: l, Today: today, Generated: t0, Since: since})
		html, _ = r.HTML()
		if none := l("Status files included") + ": " + l("none imported in this window"); !strings.Contains(string(html), none) {
			t.Errorf("%s: no files: the HTML lacks %q", lang, none)
		}
	}
}
