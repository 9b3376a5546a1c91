package calendar

import (
	"testing"
	"time"
)

// TestNowruz: the first day of each year is the day of the March equinox
// in Tehran before noon, else the next day (equinox times from the
// astronomical almanac: 2012-03-20 05:14 UTC is 08:44 in Tehran, the 20th;
// 2017-03-20 10:29 UTC is 13:59, so the 21st).
func TestNowruz(t *testing.T) {
	for gy, want := range map[int]int{
		2012: 20, 2016: 20, 2017: 21, 2019: 21, 2020: 20, 2021: 21, 2024: 20,
		2025: 21, 2026: 21, 2028: 20, 2029: 20,
	} {
		if got := nowruz(gy - 621); got != want {
			t.Errorf("year %d begins on March %d, want March %d", gy-621, got, want)
		}
	}
}

func TestToPersian(t *testing.T) {
	for _, tt := range []struct{ g, want [3]int }{
		{[3]int{2024, 3, 20}, [3]int{1403, 1, 1}},
		{[3]int{2024, 3, 19}, [3]int{1402, 12, 29}},
		{[3]int{2025, 3, 20}, [3]int{1403, 12, 30}}, // 1403 is a leap year
		{[3]int{2025, 3, 21}, [3]int{1404, 1, 1}},
		{[3]int{2025, 9, 22}, [3]int{1404, 6, 31}}, // the last day of the 31-day months
		{[3]int{2025, 9, 23}, [3]int{1404, 7, 1}},
		{[3]int{2026, 12, 2}, [3]int{1405, 9, 11}},
		{[3]int{1979, 2, 11}, [3]int{1357, 11, 22}},
		{[3]int{2000, 1, 1}, [3]int{1378, 10, 11}},
	} {
		y, m, d := ToPersian(tt.g[0], tt.g[1], tt.g[2])
		if got := [3]int{y, m, d}; got != tt.want {
			t.Errorf("ToPersian(%v) = %v, want %v", tt.g, got, tt.want)
		}
	}
}

// TestToPersianIsContinuous walks day by day through two centuries: each
// day is the next day of the Persian calendar, months have their lengths
// and only Esfand of a leap year has 30 days.
func TestToPersianIsContinuous(t *testing.T) {
	py, pm, pd := ToPersian(1925, 1, 1)
	for day := days(1925, 1, 2); day < days(2125, 1, 1); day++ {
		g := epochDate(day)
		y, m, d := ToPersian(g[0], g[1], g[2])
		switch {
		case y == py && m == pm && d == pd+1:
		case y == py && m == pm+1 && d == 1 && (pm <= 6 && pd == 31 || pm > 6 && pd == 30):
		case y == py+1 && m == 1 && d == 1 && pm == 12 && (pd == 29 || pd == 30):
		default:
			t.Fatalf("%v reads %d-%d-%d after %d-%d-%d", g, y, m, d, py, pm, pd)
		}
		py, pm, pd = y, m, d
	}
}

// epochDate is the Gregorian date of a day counted as days counts it.
func epochDate(day int) [3]int {
	t := time.Unix(int64(day)*86400, 0).UTC()
	return [3]int{t.Year(), int(t.Month()), t.Day()}
}
