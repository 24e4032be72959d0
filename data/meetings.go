package data

import (
	"slices"
	"strings"
)

// Meeting is a meeting of the group as the log records it.
type Meeting struct {
	Name string
	Date Date
	// Change is the change that recorded it (who and when).
	Change *Change
}

// Meetings returns the meetings the changes record, by date, then name,
// then change ID. The same name and date recorded twice (two delegates
// recording one meeting) is one meeting: the earliest record is kept.
func Meetings(changes []*Change) []Meeting {
	var ms []Meeting
	for _, c := range changes {
		if c.Kind != ChangeMeeting {
			continue
		}
		d, err := ParseDate(c.Date)
		if err != nil {
			continue // Validate refuses it; never here
		}
		ms = append(ms, Meeting{Name: c.Text, Date: d, Change: c})
	}
	slices.SortFunc(ms, func(a, b Meeting) int {
		if c := strings.Compare(a.Date.String(), b.Date.String()); c != 0 {
			return c
		}
		if c := strings.Compare(a.Name, b.Name); c != 0 {
			return c
		}
		return CompareHistory(a.Change, b.Change)
	})
	return slices.CompactFunc(ms, func(a, b Meeting) bool { return a.Date == b.Date && a.Name == b.Name })
}

// FindMeeting returns the recorded meeting whose name is name, compared
// without regard to case or surrounding space. When several meetings share
// the name, the latest is taken.
func FindMeeting(ms []Meeting, name string) (Meeting, bool) {
	name = strings.TrimSpace(name)
	for i := len(ms) - 1; i >= 0; i-- {
		if strings.EqualFold(ms[i].Name, name) {
			return ms[i], true
		}
	}
	return Meeting{}, false
}

// ResolveDay reads a day given as YYYY-MM-DD or as the name of a recorded
// meeting (its date).
func ResolveDay(s string, ms []Meeting) (Date, bool) {
	if d, err := ParseDate(strings.TrimSpace(s)); err == nil {
		return d, true
	}
	if m, ok := FindMeeting(ms, s); ok {
		return m.Date, true
	}
	return Date{}, false
}
