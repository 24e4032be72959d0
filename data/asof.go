package data

import "time"

// EndOfDay returns the first instant after day d, midnight UTC of the next
// day: "as of d" means every change recorded before it.
//
// A change counts by its recorded time (Change.Time, the author's wall
// clock, in UTC), not by when it reached this data file. A change made on a
// computer whose clock was wrong counts on the day that clock showed; a
// change dated after d never counts as of d, however early it was imported.
func EndOfDay(d Date) time.Time { return d.Time().AddDate(0, 0, 1) }

// RecordedBefore returns the changes recorded before t, in the order given.
func RecordedBefore(changes []*Change, t time.Time) []*Change {
	out := make([]*Change, 0, len(changes))
	for _, c := range changes {
		if c.Time.Before(t) {
			out = append(out, c)
		}
	}
	return out
}

// StateAsOf returns the state derived from the changes recorded up to the
// end of day d (UTC, see EndOfDay), viewed for the delegation key own: the
// plan as it stood that day, by the log as this data file knows it now.
func StateAsOf(changes []*Change, d Date, own string) *State {
	s := NewState()
	s.SetOwn(own)
	s.Add(RecordedBefore(changes, EndOfDay(d))...)
	return s
}
