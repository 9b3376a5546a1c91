// Package calendar converts dates of the Gregorian calendar, in which the
// data is written, to the calendars readers use: today the Solar Hijri
// (Persian) calendar of Iran and Afghanistan.
package calendar

import "time"

// The calendars a language may read dates in (its "calendar" message).
const (
	Gregorian = "gregorian"
	Persian   = "persian"
)

// Known reports whether name is a calendar this package converts to.
func Known(name string) bool { return name == Gregorian || name == Persian }

// ToPersian converts a Gregorian date to the Solar Hijri calendar: year,
// month (1 Farvardin … 12 Esfand) and day. A year starts on the day of the
// March equinox, or the next day when the equinox falls after noon in
// Tehran; the years' lengths follow the 33-year cycles that predict that
// day, valid for the years 1–3177 of the calendar (622–3798 CE).
func ToPersian(gy, gm, gd int) (jy, jm, jd int) {
	day := days(gy, gm, gd)
	jy = gy - 621
	start := days(gy, 3, nowruz(jy))
	if day < start {
		jy--
		start = days(gy-1, 3, nowruz(jy))
	}
	k := day - start // days since 1 Farvardin
	if k < 186 {     // the first six months have 31 days
		return jy, 1 + k/31, 1 + k%31
	}
	k -= 186 // the next five 30, Esfand 29 or 30
	return jy, 7 + k/30, 1 + k%30
}

// days counts the days from 1970-01-01 to a Gregorian date.
func days(y, m, d int) int {
	return int(time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Unix() / 86400) // midnight: exact for any year
}

// cycleBreaks are the years of the Solar Hijri calendar where the pattern
// of its 33-year leap cycles shifts.
func cycleBreaks() []int {
	return []int{-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262, 2324, 2394, 2456, 3178}
}

// nowruz is the day of March (Gregorian year jy+621) on which year jy of
// the Solar Hijri calendar begins.
func nowruz(jy int) int {
	gy := jy + 621
	breaks := cycleBreaks()
	leapsJ, from, span := -14, breaks[0], 0
	for _, b := range breaks[1:] {
		span = b - from
		if jy < b {
			break
		}
		leapsJ += span/33*8 + span%33/4
		from = b
	}
	n := jy - from
	leapsJ += n/33*8 + (n%33+3)/4
	if span%33 == 4 && span-n == 4 {
		leapsJ++
	}
	leapsG := gy/4 - (gy/100+1)*3/4 - 150
	return 20 + leapsJ - leapsG
}
