package version

import "testing"

func TestStampWins(t *testing.T) {
	defer func(old string) { stamp = old }(stamp)
	stamp = "v1.2.3"
	if got := String(); got != "v1.2.3" {
		t.Fatalf("String() = %q with stamp v1.2.3", got)
	}
}
