package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"scoplan/data"
	"scoplan/storage"
)

func init() {
	register(&command{name: "changes", args: "[flags]", summary: "list the changes of a window, newest first",
		help: `Lists every change in the log, newest first: when, who, delegation, measure and
what (a status from → to for that delegation, a note added, edited or deleted
with its text, a meeting recorded). A change counts by the time it was
recorded (UTC). --since DAY lists the changes recorded after the end of that
day: exactly those that "list --as-of DAY" leaves out. --until DAY stops at
the end of that day. A DAY is YYYY-MM-DD or the name of a recorded meeting
(scoplan meeting list).`,
		flags: changesFlags})
	register(&command{name: "meeting", args: "add --name TEXT --date YYYY-MM-DD | list [--json]", summary: "record a meeting, or list the recorded ones",
		help: `"meeting add" records a meeting of the group: a name and a day. It is a change
like any other: it travels in status files, so everyone who imports yours
knows it, and --since and --as-of accept its name for its date.
"meeting list" lists the recorded meetings by date.`,
		flags: meetingFlags})
}

// ChangeJSON is one line of "changes --json".
type ChangeJSON struct {
	ID      string `json:"id"`
	Measure string `json:"measure"`
	Kind    string `json:"kind"`
	Time    string `json:"time"`
	// Author is the author's name then, Key the fingerprint of their key.
	Author string `json:"author"`
	Key    string `json:"key"`
	// Delegation is the author's delegation code (or the free text of an
	// older, unmapped one).
	Delegation string `json:"delegation"`
	// Status is what a status change set; Previous the delegation's status
	// on the measure just before it (PreviousConflict: it was in conflict).
	Status           string `json:"status"`
	Previous         string `json:"previous"`
	PreviousConflict bool   `json:"previous_conflict,omitempty"`
	// Text is a note's text (for a deletion, the text deleted) or a
	// meeting's name; Note the note's ID; Date a meeting's day.
	Text string `json:"text"`
	Note string `json:"note,omitempty"`
	Date string `json:"date,omitempty"`
}

func changeJSON(e data.ChangeEntry) ChangeJSON {
	c := e.Change
	j := ChangeJSON{ID: c.ID, Measure: c.Measure, Kind: string(c.Kind), Time: stamp(c.Time), Author: c.Name, Key: c.Author,
		Delegation: e.Delegation, Status: string(c.Status), Text: e.Text, Date: c.Date}
	if c.Kind == data.ChangeStatus {
		j.Previous, j.PreviousConflict = string(e.Previous), e.PreviousConflict
	}
	if c.Kind == data.ChangeNoteEdit || c.Kind == data.ChangeNoteDelete {
		j.Note = c.Note
	}
	return j
}

// what describes a change in a few English words.
func what(e data.ChangeEntry) string {
	c := e.Change
	switch c.Kind {
	case data.ChangeStatus:
		prev := string(e.Previous)
		if e.PreviousConflict {
			prev += " (in conflict)"
		}
		return fmt.Sprintf("status %s → %s", prev, c.Status)
	case data.ChangeNoteAdd:
		return "note added: " + snippet(e.Text)
	case data.ChangeNoteEdit:
		return "note edited: " + snippet(e.Text)
	case data.ChangeNoteDelete:
		if e.Text == "" {
			return "note deleted"
		}
		return "note deleted: " + snippet(e.Text)
	case data.ChangeMeeting:
		return fmt.Sprintf("meeting recorded: %s, %s", oneLine(c.Text), c.Date)
	}
	return string(c.Kind)
}

// snippet is a note's text on one line, cut to 60 characters, safe for
// the terminal.
func snippet(s string) string { return clipRunes(oneLine(strings.Join(strings.Fields(s), " ")), 60) }

func changesFlags(fs *flag.FlagSet) func(*env, []string) error {
	since := fs.String("since", "", "only changes recorded after the end of this day (YYYY-MM-DD, UTC) or of a recorded meeting's date (its name)")
	until := fs.String("until", "", "only changes recorded up to the end of this day (YYYY-MM-DD, UTC) or of a recorded meeting's date (its name)")
	deleg := fs.String("delegation", "", "only changes by people of this delegation: a code (KZ) or any name of it")
	section := fs.String("section", "", "only changes on the measures of this chapter (C) or section (C.S); leaves out meetings")
	asJSON := fs.Bool("json", false, "print one JSON object per line")
	return func(e *env, args []string) error {
		if len(args) > 0 {
			return usagef("unexpected argument %q", args[0])
		}
		var f data.ChangeFilter
		if strings.TrimSpace(*deleg) != "" {
			d, ok := data.LookupDelegation(*deleg)
			if !ok {
				return usagef("--delegation: unknown delegation %q (scoplan whoami --help)", *deleg)
			}
			f.Delegation = d.Code
		}
		if *section != "" {
			plan := data.Load()
			if plan.Section(*section) == nil && plan.Chapter(*section) == nil {
				return usagef("--section: no chapter or section %q", *section)
			}
			f.Section = *section
		}
		if err := e.checkDay("--since", *since); err != nil {
			return err
		}
		if err := e.checkDay("--until", *until); err != nil {
			return err
		}
		s, err := e.openStore()
		if err != nil {
			return err
		}
		changes := s.Changes()
		s.Close()
		meetings := data.Meetings(changes)
		if strings.TrimSpace(*since) != "" {
			d, err := resolveDay("--since", *since, meetings)
			if err != nil {
				return err
			}
			f.After = data.EndOfDay(d)
		}
		if strings.TrimSpace(*until) != "" {
			d, err := resolveDay("--until", *until, meetings)
			if err != nil {
				return err
			}
			f.Before = data.EndOfDay(d)
		}
		list := data.ChangeList(changes, f)
		if *asJSON {
			enc := json.NewEncoder(e.stdout)
			enc.SetEscapeHTML(false)
			for _, c := range list {
				if err := enc.Encode(changeJSON(c)); err != nil {
					return err
				}
			}
			return nil
		}
		printChanges(e.stdout, list)
		return nil
	}
}

func printChanges(w io.Writer, list []data.ChangeEntry) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "TIME\tWHO\tDELEGATION\tMEASURE\tWHAT")
	for _, e := range list {
		c := e.Change
		m := c.Measure
		if m == "" {
			m = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", c.Time.UTC().Format("2006-01-02 15:04"), clipRunes(oneLine(c.Name), 24), oneLine(e.Delegation), m, what(e))
	}
	tw.Flush()
	fmt.Fprintf(w, "%s\n", plural(len(list), "change", "changes"))
}

// MeetingJSON is one line of "meeting list --json".
type MeetingJSON struct {
	Name       string `json:"name"`
	Date       string `json:"date"`
	ID         string `json:"id"`
	Author     string `json:"author"`
	Delegation string `json:"delegation"`
	Recorded   string `json:"recorded"`
}

func meetingFlags(fs *flag.FlagSet) func(*env, []string) error {
	name := fs.String("name", "", "add: the meeting's name, e.g. \"Tashkent, Council of Heads of Government\"")
	date := fs.String("date", "", "add: the meeting's day, YYYY-MM-DD")
	asJSON := fs.Bool("json", false, "list: print one JSON object per line")
	return func(e *env, args []string) error {
		if len(args) != 1 || args[0] != "add" && args[0] != "list" {
			return usagef("give add or list")
		}
		if args[0] == "list" {
			if *name != "" || *date != "" {
				return usagef("list takes no --name or --date")
			}
			s, err := e.openStore()
			if err != nil {
				return err
			}
			ms := s.Meetings()
			s.Close()
			if *asJSON {
				enc := json.NewEncoder(e.stdout)
				enc.SetEscapeHTML(false)
				for _, m := range ms {
					c := m.Change
					if err := enc.Encode(MeetingJSON{Name: m.Name, Date: m.Date.String(), ID: c.ID, Author: c.Name,
						Delegation: data.DelegationKey(c.Delegation), Recorded: stamp(c.Time)}); err != nil {
						return err
					}
				}
				return nil
			}
			tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "DATE\tNAME\tRECORDED BY")
			for _, m := range ms {
				fmt.Fprintf(tw, "%s\t%s\t%s (%s)\n", m.Date, oneLine(m.Name), oneLine(m.Change.Name), oneLine(data.DelegationKey(m.Change.Delegation)))
			}
			tw.Flush()
			fmt.Fprintf(e.stdout, "%s\n", plural(len(ms), "meeting", "meetings"))
			return nil
		}
		if *asJSON {
			return usagef("add takes no --json")
		}
		n := strings.TrimSpace(*name)
		if err := data.CheckMeetingName(n); err != nil {
			return usagef("--name: %s", err)
		}
		if _, ok := data.ResolveDay(n, nil); ok {
			return usagef("--name: a meeting's name cannot be a date")
		}
		d, err := data.ParseDate(strings.TrimSpace(*date))
		if err != nil {
			return usagef("--date: %s", err)
		}
		if d.Year < 2000 {
			return usagef("--date: %s is before 2000", d)
		}
		s, err := e.openStore()
		if err != nil {
			return err
		}
		defer s.Close()
		if _, err := s.AddMeeting(n, d); err != nil {
			if err == storage.ErrMeetingRecorded {
				fmt.Fprintf(e.stdout, "%s, %s is already recorded; nothing changed\n", n, d)
				return nil
			}
			return err
		}
		fmt.Fprintf(e.stdout, "meeting recorded: %s, %s\n", n, d)
		return nil
	}
}
