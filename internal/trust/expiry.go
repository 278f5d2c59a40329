package trust

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/asterkit/aster/internal/pyjson"
)

// DefaultLifetime is the expiry used when none is given: 30 days.
const DefaultLifetime = 30 * 24 * time.Hour

// maxExpiry is 9999-12-31T23:59:59Z, the last representable expiry.
const maxExpiry = 253402300799

// ExpiryError is an --expires value that is neither a relative duration nor
// a supported ISO 8601 date or date-time, or that lies out of range.
type ExpiryError struct {
	// Input is the value as given, before trimming: command-line text, so
	// the message quotes it as Python quotes a surrogate-escaped argument.
	Input string
}

// Error is the text `trust sign` prints after "Error: ".
func (e *ExpiryError) Error() string {
	return "invalid --expires format: Invalid isoformat string: " + pyjson.OSStrRepr(e.Input)
}

// EnrollMessage is the text `enroll node` prints after "Error: ".
func (e *ExpiryError) EnrollMessage() string {
	return fmt.Sprintf("cannot parse expiry '%s'. Use '30d', '24h', or ISO 8601.", strings.TrimSpace(e.Input))
}

var (
	relativeRE = regexp.MustCompile(`^(?:([0-9]+)d)?(?:([0-9]+)h)?(?:([0-9]+)m)?$`)
	isoRE      = regexp.MustCompile(`^([0-9]{4})-([0-9]{2})-([0-9]{2})` +
		`(?:[T ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.[0-9]{1,9})?)?)?` +
		`(Z|[+-][0-9]{2}(?::?[0-9]{2})?)?$`)
)

// ParseExpiry turns an --expires value into Unix seconds, relative to now
// (truncated to whole seconds). Accepted, after trimming: "" (now + 30
// days); "<N>d", "<N>h", "<N>m" and their concatenations in that order
// ("1d12h", total at least one minute); "YYYY-MM-DD" (midnight UTC);
// "YYYY-MM-DDTHH:MM[:SS[.fraction]]" with "T" or a space; each optionally
// followed by "Z", "±HH:MM", "±HHMM" or "±HH". A time without offset is UTC;
// fractions are truncated. The result must lie in 1970 … 9999. Failures are
// *ExpiryError.
func ParseExpiry(input string, now time.Time) (int64, error) {
	s := strings.TrimSpace(input)
	base := now.Unix()
	bad := &ExpiryError{Input: input}
	var t int64
	if s == "" {
		t = base + int64(DefaultLifetime/time.Second)
	} else if m := relativeRE.FindStringSubmatch(s); m != nil {
		var total int64
		for i, unit := range []int64{86400, 3600, 60} {
			if m[i+1] == "" {
				continue
			}
			n, err := strconv.ParseInt(m[i+1], 10, 64)
			if err != nil || n > maxExpiry/unit {
				return 0, bad
			}
			total += n * unit
		}
		if total < 60 {
			return 0, bad
		}
		t = base + total
	} else if m := isoRE.FindStringSubmatch(s); m != nil {
		var ok bool
		if t, ok = isoSeconds(m); !ok {
			return 0, bad
		}
	} else {
		return 0, bad
	}
	if t < 0 || t > maxExpiry {
		return 0, bad
	}
	return t, nil
}

// isoSeconds converts the submatches of isoRE to Unix seconds, checking
// every field's range.
func isoSeconds(m []string) (int64, bool) {
	num := func(s string) int {
		n, _ := strconv.Atoi(s) // only digits reach here
		return n
	}
	year, month, day := num(m[1]), num(m[2]), num(m[3])
	hour, minute, sec := num(m[4]), num(m[5]), num(m[6])
	if year < 1 || month < 1 || month > 12 || day < 1 || day > daysIn(year, time.Month(month)) ||
		hour > 23 || minute > 59 || sec > 59 {
		return 0, false
	}
	t := time.Date(year, time.Month(month), day, hour, minute, sec, 0, time.UTC).Unix()
	if z := m[7]; z != "" && z != "Z" {
		digits := strings.ReplaceAll(z[1:], ":", "")
		oh, om := num(digits[:2]), 0
		if len(digits) == 4 {
			om = num(digits[2:])
		}
		if oh > 23 || om > 59 {
			return 0, false
		}
		off := int64(oh*3600 + om*60)
		if z[0] == '+' {
			off = -off
		}
		t += off
	}
	return t, true
}

func daysIn(year int, month time.Month) int {
	return time.Date(year, month+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// FormatTime is the display form of Unix seconds everywhere:
// "YYYY-MM-DDTHH:MM:SS+00:00" in UTC.
func FormatTime(unix int64) string {
	return time.Unix(unix, 0).UTC().Format("2006-01-02T15:04:05+00:00")
}
