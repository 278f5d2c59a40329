package trust

import (
	"errors"
	"testing"
	"time"
)

func TestParseExpiry(t *testing.T) {
	now := time.Date(2026, 1, 1, 12, 30, 15, 999_000_000, time.UTC)
	base := now.Unix() // fractions of now are dropped
	utc := func(y int, mo time.Month, d, h, mi, s int) int64 {
		return time.Date(y, mo, d, h, mi, s, 0, time.UTC).Unix()
	}
	cases := []struct {
		in   string
		want int64
	}{
		{"", base + 30*86400},
		{"30d", base + 30*86400},
		{"24h", base + 24*3600},
		{"90m", base + 90*60},
		{"1d12h", base + 86400 + 12*3600},
		{"2h30m", base + 2*3600 + 30*60},
		{"1d2h3m", base + 86400 + 2*3600 + 3*60},
		{"0d1m", base + 60},
		{"  7d\n", base + 7*86400},
		{"2030-01-01", utc(2030, 1, 1, 0, 0, 0)},
		{"2030-01-01T00:00:00Z", utc(2030, 1, 1, 0, 0, 0)},
		{"2030-01-01T00:00:00", utc(2030, 1, 1, 0, 0, 0)},
		{"2030-06-15 08:09", utc(2030, 6, 15, 8, 9, 0)},
		{"2030-06-15T08:09Z", utc(2030, 6, 15, 8, 9, 0)},
		{"2030-06-15T08:09:10.999999999", utc(2030, 6, 15, 8, 9, 10)},
		{"2030-06-15T08:09:10.5Z", utc(2030, 6, 15, 8, 9, 10)},
		{"2030-01-01T02:00:00+02:00", utc(2030, 1, 1, 0, 0, 0)},
		{"2030-01-01T02:00:00+0200", utc(2030, 1, 1, 0, 0, 0)},
		{"2030-01-01T02:00:00+02", utc(2030, 1, 1, 0, 0, 0)},
		{"2029-12-31T18:30:00-05:30", utc(2030, 1, 1, 0, 0, 0)},
		{"2028-02-29T00:00:00", utc(2028, 2, 29, 0, 0, 0)},
		{"9999-12-31T23:59:59Z", 253402300799},
		{"1970-01-01T00:00:00Z", 0},
		{"2020-01-01", utc(2020, 1, 1, 0, 0, 0)}, // past: accepted, the caller warns
	}
	for _, c := range cases {
		got, err := ParseExpiry(c.in, now)
		if err != nil || got != c.want {
			t.Errorf("ParseExpiry(%q) = %d, %v; want %d", c.in, got, err, c.want)
		}
	}
}

func TestParseExpiryRejects(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, in := range []string{
		"not-a-date", "xd", "1.5d", "d", "30", "30s", "1h1d", "0m", "0d0h", "-1d", "+1d", "1 d",
		"99999999999999999999d", "3000000d",
		"2030-13-01", "2030-00-10", "2030-02-29", "2030-04-31", "2030-01-00",
		"2030-01-01T24:00", "2030-01-01T23:60", "2030-01-01T23:59:60",
		"2030-01-01T00:00:00.", "2030-01-01T00:00:00.1234567890",
		"2030-01-01T00:00:00+24:00", "2030-01-01T00:00:00+01:60", "2030-01-01T00:00:00+1",
		"2030-01-01T00", "2030-1-01", "20300101T000000", "2030-W01-1", "2030-01-01TT00:00",
		"1969-12-31T23:59:59Z", "0000-01-01", "9999-12-31T23:59:59-01:00", "2030-01-01T00:00:00ZZ",
	} {
		got, err := ParseExpiry(in, now)
		var e *ExpiryError
		if !errors.As(err, &e) || e.Input != in {
			t.Errorf("ParseExpiry(%q) = %d, %v; want an *ExpiryError", in, got, err)
		}
	}
}

func TestExpiryMessages(t *testing.T) {
	cases := []struct{ in, sign, enroll string }{
		{"not-a-date",
			`invalid --expires format: Invalid isoformat string: 'not-a-date'`,
			`cannot parse expiry 'not-a-date'. Use '30d', '24h', or ISO 8601.`},
		{" it's ",
			`invalid --expires format: Invalid isoformat string: " it's "`,
			`cannot parse expiry 'it's'. Use '30d', '24h', or ISO 8601.`},
		{`a'b"c`,
			`invalid --expires format: Invalid isoformat string: 'a\'b"c'`,
			`cannot parse expiry 'a'b"c'. Use '30d', '24h', or ISO 8601.`},
		{"tab\there\\",
			`invalid --expires format: Invalid isoformat string: 'tab\there\\'`,
			"cannot parse expiry 'tab\there\\'. Use '30d', '24h', or ISO 8601."},
		{"\xed\xa0\x80\xff",
			`invalid --expires format: Invalid isoformat string: '\udced\udca0\udc80\udcff'`,
			"cannot parse expiry '\xed\xa0\x80\xff'. Use '30d', '24h', or ISO 8601."},
	}
	for _, c := range cases {
		e := &ExpiryError{Input: c.in}
		if e.Error() != c.sign {
			t.Errorf("Error() for %q = %s, want %s", c.in, e.Error(), c.sign)
		}
		if e.EnrollMessage() != c.enroll {
			t.Errorf("EnrollMessage() for %q = %s, want %s", c.in, e.EnrollMessage(), c.enroll)
		}
	}
}

func TestFormatTime(t *testing.T) {
	if got, want := FormatTime(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC).Unix()), "2030-01-01T00:00:00+00:00"; got != want {
		t.Errorf("FormatTime = %s, want %s", got, want)
	}
}

// FuzzParseExpiry checks that the parser never panics, keeps results in
// range, and reads its own display form back to the same second.
func FuzzParseExpiry(f *testing.F) {
	for _, s := range []string{"30d", "1d12h", "90m", "2030-01-01T00:00:00Z", "2030-01-01 10:00:00.5+05:30", "2030-01-01", "x"} {
		f.Add(s)
	}
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, in string) {
		got, err := ParseExpiry(in, now)
		if err != nil {
			return
		}
		if got < 0 || got > maxExpiry {
			t.Fatalf("ParseExpiry(%q) = %d, out of range", in, got)
		}
		back, err := ParseExpiry(FormatTime(got), now)
		if err != nil || back != got {
			t.Fatalf("display form %s of %q reads back as %d, %v", FormatTime(got), in, back, err)
		}
	})
}
