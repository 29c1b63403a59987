package main

import (
	"fmt"
	"regexp"
	"strconv"
	"time"
)

// Instants as JavaScript handles them: Date.parse for the ISO 8601 forms JavaScript defines (the
// forms Rancher and the app write), toISOString for output. JavaScript's Date covers ±8.64e15 ms.

const maxDateMs = 8.64e15

var isoDate = regexp.MustCompile(`^([+-]\d{6}|\d{4})(?:-(\d\d)(?:-(\d\d))?)?(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:\.(\d+))?)?(Z|[+-]\d\d:\d\d)?)?$`)

// jsDateParse is Date.parse for JavaScript's date-time string format; ok is false where
// Date.parse gives NaN. A date-time without an offset is local time, a date alone is UTC.
func jsDateParse(s string) (ms int64, ok bool) {
	m := isoDate.FindStringSubmatch(s)
	if m == nil || m[1] == "-000000" {
		return 0, false
	}
	year, _ := strconv.Atoi(m[1])
	month, day := num(m[2], 1), num(m[3], 1)
	hour, minute, second := num(m[4], 0), num(m[5], 0), num(m[6], 0)
	millis := 0
	if m[7] != "" {
		frac := (m[7] + "00")[:3]
		millis, _ = strconv.Atoi(frac)
	}
	if month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 24 || minute > 59 || second > 59 ||
		(hour == 24 && (minute != 0 || second != 0 || millis != 0)) {
		return 0, false
	}
	loc := time.UTC
	if m[4] != "" && m[8] == "" {
		loc = time.Local
	}
	t := time.Date(year, time.Month(month), day, hour, minute, second, millis*1e6, loc)
	if m[8] != "" && m[8] != "Z" {
		oh, _ := strconv.Atoi(m[8][1:3])
		om, _ := strconv.Atoi(m[8][4:6])
		if oh > 23 || om > 59 {
			return 0, false
		}
		offset := time.Duration(oh)*time.Hour + time.Duration(om)*time.Minute
		if m[8][0] == '+' {
			t = t.Add(-offset)
		} else {
			t = t.Add(offset)
		}
	}
	ms = t.UnixMilli()
	if ms > maxDateMs || ms < -maxDateMs {
		return 0, false
	}
	return ms, true
}

func num(s string, fallback int) int {
	if s == "" {
		return fallback
	}
	n, _ := strconv.Atoi(s)
	return n
}

func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// jsISOString is Date.prototype.toISOString (years outside 0–9999 as ±YYYYYY).
func jsISOString(ms int64) string {
	t := time.UnixMilli(ms).UTC()
	year := t.Year()
	y := fmt.Sprintf("%04d", year)
	if year < 0 || year > 9999 {
		sign := "+"
		if year < 0 {
			sign, year = "-", -year
		}
		y = fmt.Sprintf("%s%06d", sign, year)
	}
	return fmt.Sprintf("%s-%02d-%02dT%02d:%02d:%02d.%03dZ", y, t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond()/1e6)
}
