package data

import (
	"fmt"
	"regexp"
	"strconv"
	"time"
)

// DeadlineKind says how a deadline is to be read.
type DeadlineKind string

// The kinds of deadline the plan uses. Only KindBy and KindRange are dated
// and can therefore be overdue.
const (
	KindRegular  DeadlineKind = "regular"   // 定期
	KindAnnual   DeadlineKind = "annual"    // 每年
	KindAsAgreed DeadlineKind = "as-agreed" // 根据协商情况
	KindBy       DeadlineKind = "by"        // 2026年前, 2025年1月1日前
	KindRange    DeadlineKind = "range"     // 2023 — 2025年
)

// DeadlineKinds lists every kind, in the order a user picks from.
var DeadlineKinds = []DeadlineKind{KindBy, KindRange, KindAnnual, KindRegular, KindAsAgreed}

// Date is a calendar day without a time of day.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// NewDate returns the date of t in t's location.
func NewDate(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// ParseDate reads YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, fmt.Errorf("%q is not a date of the form YYYY-MM-DD", s)
	}
	return NewDate(t), nil
}

func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day) }

// Time returns midnight UTC of the day.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// DaysUntil returns the number of days from d to other (negative if other is earlier).
func (d Date) DaysUntil(other Date) int {
	return int(other.Time().Sub(d.Time()).Hours() / 24)
}

// IsZero reports whether d is the zero date.
func (d Date) IsZero() bool { return d.Year == 0 }

// Deadline keeps the source's words and their interpretation.
type Deadline struct {
	Text string       // as in the source, trimmed
	Kind DeadlineKind // how to read it
	Due  *Date        // the last day the measure is due on; nil unless dated
	From int          // first year of a range, else 0
}

// Dated reports whether the deadline has a due date and can be overdue.
func (d Deadline) Dated() bool { return d.Due != nil }

// Overdue reports whether a dated deadline has passed on the given day.
func (d Deadline) Overdue(today Date) bool {
	return d.Due != nil && today.Time().After(d.Due.Time())
}

// DaysLeft returns the days from today to the due date (negative when
// overdue) and whether the deadline is dated at all.
func (d Deadline) DaysLeft(today Date) (int, bool) {
	if d.Due == nil {
		return 0, false
	}
	return today.DaysUntil(*d.Due), true
}

// DueWithin reports whether a dated deadline falls due between today and
// today+days, both included.
func (d Deadline) DueWithin(today Date, days int) bool {
	n, ok := d.DaysLeft(today)
	return ok && n >= 0 && n <= days
}

var (
	byYear    = regexp.MustCompile(`^([0-9]{4})\s*年前$`)
	byDay     = regexp.MustCompile(`^([0-9]{4})\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日前$`)
	yearRange = regexp.MustCompile(`^([0-9]{4})\s*[—–\-－~～至]\s*([0-9]{4})\s*年$`)
)

// ParseDeadline interprets a deadline line of the source.
//
// "X年前" (before the year X) is due on the last day before 1 January of X,
// so 2026年前 is due 2025-12-31, consistent with the explicit 2025年1月1日前,
// due 2024-12-31. A range "2023 — 2025年" is due on 2025-12-31.
func ParseDeadline(text string) (Deadline, error) {
	d := Deadline{Text: text}
	switch {
	case text == "定期":
		d.Kind = KindRegular
	case text == "每年":
		d.Kind = KindAnnual
	case text == "根据协商情况":
		d.Kind = KindAsAgreed
	case byYear.MatchString(text):
		y, _ := strconv.Atoi(byYear.FindStringSubmatch(text)[1])
		d.Kind = KindBy
		d.Due = &Date{y - 1, time.December, 31}
	case byDay.MatchString(text):
		m := byDay.FindStringSubmatch(text)
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		day, _ := strconv.Atoi(m[3])
		t := time.Date(y, time.Month(mo), day, 0, 0, 0, 0, time.UTC)
		if t.Year() != y || int(t.Month()) != mo || t.Day() != day {
			return d, fmt.Errorf("deadline %q names a day that does not exist", text)
		}
		due := NewDate(t.AddDate(0, 0, -1))
		d.Kind = KindBy
		d.Due = &due
	case yearRange.MatchString(text):
		m := yearRange.FindStringSubmatch(text)
		from, _ := strconv.Atoi(m[1])
		to, _ := strconv.Atoi(m[2])
		if to < from {
			return d, fmt.Errorf("deadline %q ends before it starts", text)
		}
		d.Kind = KindRange
		d.From = from
		d.Due = &Date{to, time.December, 31}
	default:
		return d, fmt.Errorf("deadline %q is not one scoplan understands", text)
	}
	return d, nil
}
