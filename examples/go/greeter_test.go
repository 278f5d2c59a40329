package greeter

import "testing"

// The server-side start-up check: the embedded manifest matches the code.
func TestVerifyAsterManifest(t *testing.T) {
	if err := VerifyAsterManifest(); err != nil {
		t.Fatal(err)
	}
}
