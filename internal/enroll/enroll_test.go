package enroll

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/asterkit/aster/internal/identity"
	"github.com/asterkit/aster/internal/testenv"
	"github.com/asterkit/aster/internal/trust"
)

func vectorFile(t *testing.T, parts ...string) string {
	return filepath.Join(append([]string{testenv.Vectors(t)}, parts...)...)
}

// TestVectorSteps replays the three enrollments of vector 21 through Run.
func TestVectorSteps(t *testing.T) {
	root, err := trust.ReadRootKey(vectorFile(t, "20_credentials", "keys", "root.key"))
	if err != nil {
		t.Fatal(err)
	}
	ref, err := identity.Read(vectorFile(t, "21_enroll_identity", "step1_producer.aster-identity"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), ".aster-identity")
	if err := identity.Write(path, &identity.File{Seed: ref.Seed}); err != nil {
		t.Fatal(err)
	}
	at := func(s string) int64 {
		v, err := trust.ParseExpiry(s, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	steps := []struct {
		file  string
		req   Request
		attrs trust.Attributes
	}{
		{"step1_producer", Request{Role: "producer", Name: "billing-producer", ExpiresAt: at("2030-01-01T00:00:00")},
			trust.Attributes{{Key: "aster.name", Value: "billing"}, {Key: "team", Value: "payments"}, {Key: "aster.role", Value: "producer"}}},
		{"step2_plus_consumer", Request{Role: "consumer", Name: "ops-console", Type: trust.Policy, ExpiresAt: at("2030-01-01T00:00:00Z")},
			trust.Attributes{{Key: "aster.role", Value: "ops.status,ops.logs"}}},
		{"step3_replaced_producer", Request{Role: "producer", Name: "billing-producer", ExpiresAt: at("2031-06-30T12:00:00")},
			trust.Attributes{{Key: "aster.role", Value: "producer"}}},
	}
	for _, s := range steps {
		req := s.req
		req.Path, req.Root, req.Attributes, req.Notify = path, root, s.attrs, &bytes.Buffer{}
		res, err := Run(req)
		if err != nil {
			t.Fatalf("%s: %v", s.file, err)
		}
		if !res.Reused || res.EndpointID != ref.EndpointID {
			t.Errorf("%s: reused=%v endpoint %s", s.file, res.Reused, res.EndpointID)
		}
		got, _ := os.ReadFile(path)
		want, _ := os.ReadFile(vectorFile(t, "21_enroll_identity", s.file+".aster-identity"))
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs:\n%s", s.file, got)
		}
	}
}

// TestConsumersSignStoredAttributes enrolls consumers whose aster.role is
// dropped by the writer: the stored credential still verifies as clients
// present it. ott credentials get a nonce.
func TestConsumersSignStoredAttributes(t *testing.T) {
	root, err := trust.ReadRootKey(vectorFile(t, "20_credentials", "keys", "root.key"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "id")
	now := time.Now()
	for _, typ := range []trust.Type{trust.Policy, trust.OTT} {
		res, err := Run(Request{Path: path, Role: "consumer", Name: string(typ), Type: typ, ExpiresAt: now.Unix() + 3600,
			Attributes: trust.Attributes{{Key: "aster.role", Value: "consumer"}, {Key: "aster.name", Value: string(typ)}, {Key: "zone", Value: "eu"}},
			Root:       root, Notify: &bytes.Buffer{}})
		if err != nil {
			t.Fatal(err)
		}
		if res.Reused != (typ == trust.OTT) || (res.Peer.Nonce != "") != (typ == trust.OTT) {
			t.Errorf("%s: reused=%v nonce=%q", typ, res.Reused, res.Peer.Nonce)
		}
	}
	f, err := identity.Read(path)
	if err != nil {
		t.Fatal(err)
	}
	id := f.Trust()
	for _, p := range id.Peers {
		if len(p.Attributes) != 1 || p.Attributes["zone"] != "eu" {
			t.Errorf("%s: stored attributes %v", p.Name, p.Attributes)
		}
		if _, err := id.VerifyPeer(p, trust.VerifyOptions{Now: now}); err != nil {
			t.Errorf("%s: %v", p.Name, err)
		}
	}
}

func TestDisplayPath(t *testing.T) {
	if os.PathSeparator != '/' {
		t.Skip("POSIX paths")
	}
	for in, want := range map[string]string{
		".aster-identity":        ".aster-identity",
		"./.aster-identity":      ".aster-identity",
		"a//b/./c/":              "a/b/c",
		"../x/./y":               "../x/y",
		"/abs//dir/./f":          "/abs/dir/f",
		"./":                     ".",
		"sub/../.aster-identity": "sub/../.aster-identity",
	} {
		if got := DisplayPath(in); got != want {
			t.Errorf("DisplayPath(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestBannerColor(t *testing.T) {
	res := &Result{EndpointID: strings.Repeat("ab", 32), Peer: identity.Peer{
		Name: "it's", Role: "consumer", Type: "ott", RootPubkey: strings.Repeat("cd", 32), ExpiresAt: 1893456000,
		Attributes: map[string]string{"aster.role": "ops"},
	}}
	plain := Banner(res, "/abs/id", "id", false)
	if strings.Contains(plain, "\x1b") {
		t.Errorf("plain banner has escapes")
	}
	for _, want := range []string{
		"  Role:         consumer (ott)\n", "  Capabilities: ops\n",
		"Anyone with this file can act as \"it's\" until 2030-01-01.\n\n",
		"  aster shell <peer-addr> --rcan id\n",
	} {
		if !strings.Contains(plain, want) {
			t.Errorf("plain banner lacks %q:\n%s", want, plain)
		}
	}
	color := Banner(res, "/abs/id", "id", true)
	for _, want := range []string{
		"\n\x1b[1m\x1b[32m✓ Enrollment credential created\x1b[0m\x1b[0m\n",
		"  \x1b[1mFile:\x1b[0m         /abs/id\n",
		"  \x1b[2mThis file lets a consumer",
		"capabilities listed below.\x1b[0m\n",
		"  ⚠  \x1b[33mKeep this file secret",
		"  \x1b[2mAnyone with this file",
	} {
		if !strings.Contains(color, want) {
			t.Errorf("colour banner lacks %q", want)
		}
	}
}

func TestGitignoreWithoutFinalNewline(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("git", "init", "-q", dir).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v %s", err, out)
	}
	os.WriteFile(filepath.Join(dir, ".gitignore"), []byte("*.log"), 0o644)
	notice, err := Gitignore(filepath.Join(dir, "node.id"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "Added /node.id* to " + filepath.Join(dir, ".gitignore"); notice != want {
		t.Errorf("notice %q, want %q", notice, want)
	}
	got, _ := os.ReadFile(filepath.Join(dir, ".gitignore"))
	if want := "*.log\n\n# Aster node secret -- do not commit\n/node.id*\n"; string(got) != want {
		t.Errorf(".gitignore = %q, want %q", got, want)
	}
}

func TestIgnorePattern(t *testing.T) {
	for in, want := range map[string]string{
		".aster-identity": ".aster-identity*",
		"svc/node.id":     "svc/node.id*",
		"a*b?[c]\\d":      "a\\*b\\?\\[c]\\\\d*",
		"!x":              "\\!x*",
		"#x":              "\\#x*",
	} {
		if got := ignorePattern(in); got != want {
			t.Errorf("ignorePattern(%q) = %q, want %q", in, got, want)
		}
	}
}
