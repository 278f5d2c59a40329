package publish

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func fixedClock() time.Time { return time.Unix(1767225600, 123_456_789) }

func TestPublishedAt(t *testing.T) {
	tests := []struct {
		epoch string
		want  int64
	}{
		{"", 1767225600123},
		{"0", 0},
		{"1767225600", 1767225600000},
		{"007", 7000},
		{"9223372036854775", 9223372036854775000},
	}
	for _, tt := range tests {
		got, err := PublishedAt(tt.epoch, fixedClock)
		if err != nil || got != tt.want {
			t.Errorf("PublishedAt(%q) = %d, %v; want %d", tt.epoch, got, err, tt.want)
		}
	}
}

func TestPublishedAtRejects(t *testing.T) {
	for _, epoch := range []string{
		"-1", "+1", " 1", "1 ", "1.5", "1e9", "abc", "0x10", "١٢", // Arabic-Indic digits
		"9223372036854776",     // ×1000 overflows int64
		"99999999999999999999", // overflows before multiplying
	} {
		_, err := PublishedAt(epoch, fixedClock)
		var ee *EpochError
		if !errors.As(err, &ee) || ee.Value != epoch {
			t.Errorf("PublishedAt(%q): err = %v, want *EpochError with the value", epoch, err)
		}
	}
}

func TestCollectUsesInjectedEnvAndClock(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"SOURCE_DATE_EPOCH": "42"}
	m, err := Source{Getenv: func(k string) string { return env[k] }, Now: fixedClock, Dir: dir}.Collect()
	if err != nil || m.PublishedAtEpochMS != 42000 {
		t.Fatalf("Collect = %+v, %v; want 42000", m, err)
	}
	env["SOURCE_DATE_EPOCH"] = ""
	m, _ = Source{Getenv: func(k string) string { return env[k] }, Now: fixedClock, Dir: dir}.Collect()
	if m.PublishedAtEpochMS != 1767225600123 {
		t.Fatalf("empty SOURCE_DATE_EPOCH: got %d, want the clock", m.PublishedAtEpochMS)
	}
	env["SOURCE_DATE_EPOCH"] = "x"
	if _, err := (Source{Getenv: func(k string) string { return env[k] }, Dir: dir}).Collect(); err == nil {
		t.Fatal("Collect accepted SOURCE_DATE_EPOCH=x")
	}
}

// outsideRepo keeps git from finding a repository above dir.
func outsideRepo(t *testing.T, dir string) {
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir))
}

func TestCollectOutsideRepository(t *testing.T) {
	dir := t.TempDir()
	outsideRepo(t, dir)
	m, err := Source{Getenv: func(string) string { return "1" }, Dir: dir}.Collect()
	if err != nil {
		t.Fatal(err)
	}
	if m.VCSRevision != nil || m.VCSTag != nil || m.VCSURL != nil {
		t.Fatalf("outside a repository: got %v %v %v, want nulls", m.VCSRevision, m.VCSTag, m.VCSURL)
	}
}

func TestCollectWithoutGit(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	m, err := Source{Getenv: func(string) string { return "1" }}.Collect()
	if err != nil {
		t.Fatal(err)
	}
	if m.VCSRevision != nil || m.VCSTag != nil || m.VCSURL != nil {
		t.Fatal("without git: want null VCS values")
	}
}

func TestCollectGitTimeout(t *testing.T) {
	sleep, err := exec.LookPath("sleep")
	if err != nil {
		t.Skip("no sleep command")
	}
	bin := t.TempDir()
	script := "#!/bin/sh\nexec " + sleep + " 10\n"
	if err := os.WriteFile(filepath.Join(bin, "git"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin)
	defer func(d time.Duration) { gitTimeout = d }(gitTimeout)
	gitTimeout = 50 * time.Millisecond
	start := time.Now()
	m, err := Source{Getenv: func(string) string { return "1" }}.Collect()
	if err != nil {
		t.Fatal(err)
	}
	if m.VCSRevision != nil || m.VCSTag != nil || m.VCSURL != nil {
		t.Fatal("a git that hangs: want null VCS values")
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("Collect waited %v for a hanging git", d)
	}
}

func TestCollectInRepository(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	outsideRepo(t, dir)
	t.Setenv("GIT_CONFIG_GLOBAL", os.DevNull)
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	run := func(args ...string) string {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(),
			"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com",
			"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
		return strings.TrimSpace(string(out))
	}
	run("init", "-q")
	if err := os.WriteFile(filepath.Join(dir, "f"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	run("add", "f")
	run("commit", "-q", "-m", "first")
	run("remote", "add", "origin", "https://alice:s3cret@git.example.com/team/repo.git")
	head := run("rev-parse", "HEAD")

	m, err := Source{Getenv: func(string) string { return "" }, Now: fixedClock, Dir: dir}.Collect()
	if err != nil {
		t.Fatal(err)
	}
	if m.VCSRevision == nil || *m.VCSRevision != head {
		t.Errorf("vcs_revision = %v, want %s", m.VCSRevision, head)
	}
	if m.VCSTag != nil {
		t.Errorf("vcs_tag = %q before tagging, want null", *m.VCSTag)
	}
	if m.VCSURL == nil || *m.VCSURL != "https://git.example.com/team/repo.git" {
		t.Errorf("vcs_url = %v, want the URL without credentials", m.VCSURL)
	}

	run("tag", "v1.2.3")
	m, _ = Source{Getenv: func(string) string { return "" }, Now: fixedClock, Dir: dir}.Collect()
	if m.VCSTag == nil || *m.VCSTag != "v1.2.3" {
		t.Errorf("vcs_tag = %v, want v1.2.3", m.VCSTag)
	}
	if m.PublishedAtEpochMS != fixedClock().UnixMilli() {
		t.Errorf("published_at = %d, want the clock %d", m.PublishedAtEpochMS, fixedClock().UnixMilli())
	}
}

func TestStripCredentials(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://user:token@host/repo.git", "https://host/repo.git"},
		{"https://token@host:8443/repo.git", "https://host:8443/repo.git"},
		{"https://u:p@ss@host/repo", "https://host/repo"},
		{"https://host/path/with@at", "https://host/path/with@at"},
		{"https://host/repo.git", "https://host/repo.git"},
		{"ssh://git@host/repo.git", "ssh://host/repo.git"},
		{"git@github.com:org/repo.git", "git@github.com:org/repo.git"},
		{"/srv/git/repo.git", "/srv/git/repo.git"},
		{"https://u:p@host", "https://host"},
		{"https://u:p@host?x=1", "https://host?x=1"},
	}
	for _, tt := range tests {
		if got := StripCredentials(tt.in); got != tt.want {
			t.Errorf("StripCredentials(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
