package statusfile

import (
	"errors"
	"testing"
	"time"

	"scoplan/data"
)

// TestMeetingLines: a meeting (about no measure) is accepted; a meeting
// that names a measure or a wrong day, and any other change about no
// measure, are refused.
func TestMeetingLines(t *testing.T) {
	me := Fingerprint(testPub)
	meeting := func() *data.Change {
		return &data.Change{ID: id(9), Kind: data.ChangeMeeting, Author: me, Name: "Anna", Time: now.Add(-time.Hour), Clock: 5,
			Text: "Tashkent, Council of Heads of Government", Date: "2026-06-12"}
	}
	opts := Options{Plan: data.Load(), Now: now}
	f, err := Parse("ok", encode(t, header(), append(sample(), meeting())), opts)
	if err != nil {
		t.Fatalf("a meeting refused: %v", err)
	}
	if c := f.Lines[len(f.Lines)-1].Change; c == nil || c.Kind != data.ChangeMeeting || c.Date != "2026-06-12" {
		t.Fatalf("meeting read as %+v", c)
	}
	for name, mod := range map[string]func(c *data.Change){
		"meeting on a measure": func(c *data.Change) { c.Measure = "1.1.1" },
		"meeting on a bad day": func(c *data.Change) { c.Date = "2026-02-30" },
		"note on no measure":   func(c *data.Change) { c.Kind, c.Date = data.ChangeNoteAdd, "" },
		"status on no measure": func(c *data.Change) { c.Kind, c.Date, c.Text, c.Status = data.ChangeStatus, "", "", data.StatusDone },
		"date on a note":       func(c *data.Change) { c.Kind, c.Measure = data.ChangeNoteAdd, "1.1.1" },
	} {
		c := meeting()
		mod(c)
		_, err := Parse(name, encodeLines(t, header(), lines(t, append(sample(), c))), opts)
		if !errors.Is(err, ErrDamaged) && !errors.Is(err, ErrUnknownMeasure) {
			t.Errorf("%s: %v", name, err)
		}
	}
}
