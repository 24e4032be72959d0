package cli

import (
	"errors"
	"flag"
	"io/fs"
	"os"
	"strings"

	"scoplan/data"
	"scoplan/storage"
)

// asOfFlag adds --as-of to list, show and report.
func asOfFlag(fs *flag.FlagSet, v *string) {
	fs.StringVar(v, "as-of", "", "show the plan as it stood at the end of this day (YYYY-MM-DD, UTC) or of a recorded meeting's date (its name; see scoplan meeting list): only changes recorded up to then count, and deadlines are judged as of that day unless --today is given")
}

// checkDay checks a day flag (--as-of, --since, --until) before the data
// file is opened: a date, or a name that only a data file that exists can
// hold as a meeting. So a wrong argument never creates a data file.
func (e *env) checkDay(flag, v string) error {
	v = strings.TrimSpace(v)
	if v == "" {
		return nil
	}
	if _, err := data.ParseDate(v); err == nil {
		return nil
	}
	loc, err := storage.Locate(e.dbPath)
	if err != nil {
		return nil // openStore says what is wrong
	}
	if _, err := os.Stat(loc.Path); errors.Is(err, fs.ErrNotExist) {
		return usagef("%s: %q is neither a date (YYYY-MM-DD) nor a recorded meeting", flag, v)
	}
	return nil
}

// resolveDay reads a day flag: a date or a recorded meeting's name.
func resolveDay(flag, v string, meetings []data.Meeting) (data.Date, error) {
	d, ok := data.ResolveDay(v, meetings)
	if !ok {
		return d, usagef("%s: %q is neither a date (YYYY-MM-DD) nor a recorded meeting (see scoplan meeting list)", flag, strings.TrimSpace(v))
	}
	return d, nil
}

// statesAsOf returns every measure's state, as it stands now (asOf "") or
// as it stood at the end of the day asOf names; then, unless --today was
// given, it judges deadlines as of that day.
func (e *env) statesAsOf(s *storage.Store, asOf string) (map[string]*data.MeasureState, error) {
	if strings.TrimSpace(asOf) == "" {
		return s.States(), nil
	}
	changes := s.Changes()
	d, err := resolveDay("--as-of", asOf, data.Meetings(changes))
	if err != nil {
		return nil, err
	}
	if !e.todaySet {
		e.today = d // deadlines are judged as of that day too, unless --today says otherwise
	}
	st := data.StateAsOf(changes, d, data.DelegationKey(s.Identity().Delegation))
	out := make(map[string]*data.MeasureState, len(s.Plan().Measures))
	for _, m := range s.Plan().Measures {
		out[m.ID] = st.Measure(m.ID)
	}
	return out, nil
}
