package data

// DueSoonDays is how far ahead "due soon" looks.
const DueSoonDays = 90

// IsOverdue reports whether a measure is overdue on the given day: its dated
// deadline has passed and it is not done.
func IsOverdue(m *Measure, st *MeasureState, today Date) bool {
	return st.Status != StatusDone && m.Deadline.Overdue(today)
}

// IsDueSoon reports whether a measure not done falls due within DueSoonDays.
func IsDueSoon(m *Measure, st *MeasureState, today Date) bool {
	return st.Status != StatusDone && m.Deadline.DueWithin(today, DueSoonDays)
}

// Chapter returns the chapter with the given ID ("1"), or nil.
func (p *Plan) Chapter(id string) *Chapter {
	for _, c := range p.Chapters {
		if c.ID() == id {
			return c
		}
	}
	return nil
}
