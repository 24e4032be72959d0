package data

import "slices"

// ProgressPoint is how many measures stood at each status at the end of a
// day (UTC, as StateAsOf counts it).
type ProgressPoint struct {
	Day                       Date
	Done, InProgress, Blocked int
	// NotStarted is the rest of the measures counted.
	NotStarted int
}

// Count returns the point's number of measures at status s.
func (p ProgressPoint) Count(s Status) int {
	switch s {
	case StatusDone:
		return p.Done
	case StatusInProgress:
		return p.InProgress
	case StatusBlocked:
		return p.Blocked
	}
	return p.NotStarted
}

// CombinedStatus is a measure's status for all delegations together, from
// every delegation's own report of it: done when any delegation reports it
// done; else blocked when any reports it blocked; else in progress when any
// reports work under way; else not started. Each delegation's report is
// the status in force for it (the latest, in a conflict).
func CombinedStatus(m *MeasureState) Status {
	out := StatusNotStarted
	for _, d := range m.Statuses {
		out = furthest(out, d.Status)
	}
	return out
}

// furthest is the one of two statuses CombinedStatus keeps.
func furthest(a, b Status) Status {
	rank := func(s Status) int {
		switch s {
		case StatusDone:
			return 3
		case StatusBlocked:
			return 2
		case StatusInProgress:
			return 1
		}
		return 0
	}
	if rank(b) > rank(a) {
		return b
	}
	return a
}

// ProgressOverTime returns, for every day (UTC) on which a status change
// was recorded, how many of the measures stood at each status at the end of
// that day: the counts of StateAsOf(changes, day, ...) over those measures,
// one point per day, oldest first. The status counted is the delegation
// key deleg's own report, or CombinedStatus when deleg is "" (all
// delegations). Changes on other measures are left out.
//
// It reads the log once in the order of recorded time, following each
// delegation's status of each measure as its changes come in (as
// ChangeList does), rather than deriving the plan anew for every day.
func ProgressOverTime(changes []*Change, measures []string, deleg string) []ProgressPoint {
	counted := make(map[string]bool, len(measures))
	for _, id := range measures {
		counted[id] = true
	}
	var cs []*Change
	for _, c := range changes {
		if c.Kind == ChangeStatus && counted[c.Measure] && (deleg == "" || DelegationKey(c.Delegation) == deleg) {
			cs = append(cs, c)
		}
	}
	slices.SortStableFunc(cs, func(a, b *Change) int { return a.Time.Compare(b.Time) })

	type group struct{ measure, deleg string }
	type slot struct {
		track *statusTrack
		at    int // its place in its measure's statuses
	}
	tracks := map[group]slot{}
	reported := map[string][]Status{} // every delegation's status of a measure, by slot
	status := map[string]Status{}     // the measure's status counted now
	counts := map[Status]int{StatusNotStarted: len(counted)}
	var out []ProgressPoint
	emit := func(day Date) {
		out = append(out, ProgressPoint{Day: day, Done: counts[StatusDone], InProgress: counts[StatusInProgress],
			Blocked: counts[StatusBlocked], NotStarted: counts[StatusNotStarted]})
	}
	var day Date
	for i, c := range cs {
		d := NewDate(c.Time.UTC())
		if i > 0 && d != day {
			emit(day)
		}
		day = d
		g := group{c.Measure, DelegationKey(c.Delegation)}
		sl, ok := tracks[g]
		if !ok {
			sl = slot{newStatusTrack(), len(reported[c.Measure])}
			tracks[g] = sl
			reported[c.Measure] = append(reported[c.Measure], StatusNotStarted)
		}
		sl.track.add(c)
		rs := reported[c.Measure]
		rs[sl.at], _ = sl.track.status()
		now := StatusNotStarted
		for _, r := range rs {
			now = furthest(now, r)
		}
		was, ok := status[c.Measure]
		if !ok {
			was = StatusNotStarted
		}
		if now != was {
			counts[was]--
			counts[now]++
			status[c.Measure] = now
		}
	}
	if len(cs) > 0 {
		emit(day)
	}
	return out
}
