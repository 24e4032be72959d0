package storage

import (
	"errors"

	"scoplan/data"
)

// ErrMeetingRecorded says a meeting of that name and day is already recorded.
var ErrMeetingRecorded = errors.New("a meeting of that name and day is already recorded")

// AddMeeting records a meeting of the group: a change of kind meeting,
// about no measure, that travels in status files like any other so that
// everyone shares the dates "since" and "as of" can name.
func (s *Store) AddMeeting(name string, day data.Date) (*data.Change, error) {
	if err := data.CheckMeetingName(name); err != nil {
		return nil, err
	}
	return s.write(func() (*data.Change, error) {
		for _, m := range data.Meetings(s.state.Changes()) {
			if m.Name == name && m.Date == day {
				return nil, ErrMeetingRecorded
			}
		}
		c := s.newChange(data.ChangeMeeting, "")
		c.Text, c.Date = name, day.String()
		return c, nil
	})
}

// Meetings returns the meetings the log records, by date.
func (s *Store) Meetings() []data.Meeting {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return data.Meetings(s.state.Changes())
}
