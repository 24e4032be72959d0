package app

import (
	"strconv"
	"time"

	"scoplan/data"
)

// The time after which a change counts as new: the measure list marks the
// measures that changed since then, and the detail their new notes and
// history. The Activity screen's "since" control chooses it; the session
// owns the choice, so every screen marks the same changes.

// sinceChoice is a window of time the user chose.
type sinceChoice struct {
	// key names the choice whatever the day: "days:7", "days:30",
	// "days:90", "meeting:<change ID>" or "beginning".
	key string
	// after is the time from which changes count as new; zero marks
	// nothing (since the beginning everything would be new).
	after time.Time
	set   bool // chosen, or the default worked out
}

// sinceDays is the choice of the last n days.
func sinceDays(n int, now time.Time) sinceChoice {
	return sinceChoice{key: "days:" + strconv.Itoa(n), after: now.AddDate(0, 0, -n), set: true}
}

// sinceMeeting is the choice of a recorded meeting: changes after the end
// of its day.
func sinceMeeting(m data.Meeting) sinceChoice {
	key := "meeting:"
	if m.Change != nil {
		key += m.Change.ID
	}
	return sinceChoice{key: key, after: data.EndOfDay(m.Date), set: true}
}

// since returns the choice now; until one is made, the last recorded
// meeting, or the last 30 days when none is recorded (as the Activity
// screen first offers).
func (se *session) since() sinceChoice {
	if !se.newSince.set {
		if ms := se.store.Meetings(); len(ms) > 0 {
			se.newSince = sinceMeeting(ms[len(ms)-1])
		} else {
			se.newSince = sinceDays(30, now())
		}
	}
	return se.newSince
}

// SetSince makes c the choice and redraws the marks.
func (se *session) SetSince(c sinceChoice) {
	c.set = true
	if c == se.newSince {
		return
	}
	se.newSince = c
	notify(se.onSince)
}

// OnSinceChanged calls f when another window of time is chosen.
func (se *session) OnSinceChanged(f func()) { se.onSince = append(se.onSince, f) }

// isNew reports whether a change made at t counts as new.
func (se *session) isNew(t time.Time) bool {
	after := se.since().after
	return !after.IsZero() && !t.Before(after)
}

// changedSince reports whether a measure has a change (any delegation's
// status, a note) that counts as new.
func (se *session) changedSince(id string) bool {
	if se.since().after.IsZero() {
		return false
	}
	hist := se.state(id).History // oldest first
	for i := len(hist) - 1; i >= 0; i-- {
		if se.isNew(hist[i].Time) {
			return true
		}
	}
	return false
}

// noteIsNew reports whether a note was added or edited in the window.
func (se *session) noteIsNew(n *data.Note) bool {
	return se.isNew(n.Created) || !n.Edited.IsZero() && se.isNew(n.Edited)
}
