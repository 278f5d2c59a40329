// Package publish gathers the publication metadata a manifest carries: the
// publication time (SOURCE_DATE_EPOCH or the clock) and the git revision,
// tag and origin URL of the current directory.
package publish

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"os"
	"os/exec"
	"strings"
	"time"
)

// Metadata is the publication metadata of one run, shared by every entry
// it writes. A nil VCS value is written as null.
type Metadata struct {
	PublishedAtEpochMS int64
	VCSRevision        *string
	VCSTag             *string
	VCSURL             *string
}

// Source says where Collect reads from. The zero value reads the process
// environment, the wall clock and git in the current directory.
type Source struct {
	// Getenv looks up environment variables; nil means os.Getenv.
	Getenv func(string) string
	// Now reads the clock; nil means time.Now.
	Now func() time.Time
	// Dir is the directory git runs in; "" means the current directory.
	Dir string
}

// EpochError is a SOURCE_DATE_EPOCH value that is not a whole, non-negative
// number of seconds whose milliseconds fit in 63 bits.
type EpochError struct {
	Value string
}

func (e *EpochError) Error() string {
	return fmt.Sprintf("invalid SOURCE_DATE_EPOCH %q", e.Value)
}

// gitTimeout bounds each git command.
var gitTimeout = 5 * time.Second

// Collect reads the publication time and the git metadata once. The only
// error is an *EpochError.
func (s Source) Collect() (Metadata, error) {
	getenv, now := s.Getenv, s.Now
	if getenv == nil {
		getenv = os.Getenv
	}
	if now == nil {
		now = time.Now
	}
	ms, err := PublishedAt(getenv("SOURCE_DATE_EPOCH"), now)
	if err != nil {
		return Metadata{}, err
	}
	m := Metadata{PublishedAtEpochMS: ms}
	m.VCSRevision = git(s.Dir, "rev-parse", "HEAD")
	m.VCSTag = git(s.Dir, "describe", "--tags", "--exact-match")
	if url := git(s.Dir, "remote", "get-url", "origin"); url != nil {
		stripped := StripCredentials(*url)
		m.VCSURL = &stripped
	}
	return m, nil
}

// PublishedAt is the publication time in Unix milliseconds: epoch × 1000
// when epoch (a SOURCE_DATE_EPOCH value) is non-empty, else now truncated
// to the millisecond.
func PublishedAt(epoch string, now func() time.Time) (int64, error) {
	if epoch == "" {
		return now().UnixMilli(), nil
	}
	var secs int64
	for _, c := range []byte(epoch) {
		if c < '0' || c > '9' {
			return 0, &EpochError{Value: epoch}
		}
		d := int64(c - '0')
		if secs > (math.MaxInt64/1000-d)/10 {
			return 0, &EpochError{Value: epoch}
		}
		secs = secs*10 + d
	}
	return secs * 1000, nil
}

// git runs git with args in dir and returns its trimmed standard output, or
// nil when git is missing, fails or takes longer than gitTimeout.
func git(dir string, args ...string) *string {
	ctx, cancel := context.WithTimeout(context.Background(), gitTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "git", args...)
	cmd.Dir = dir
	cmd.WaitDelay = time.Second
	var out bytes.Buffer
	cmd.Stdout = &out
	if err := cmd.Run(); err != nil {
		return nil
	}
	s := strings.TrimSpace(out.String())
	return &s
}

// StripCredentials removes the userinfo part (user:token@) from a URL with
// a scheme. Other text, including scp-like git@host:path, is returned
// unchanged.
func StripCredentials(url string) string {
	i := strings.Index(url, "://")
	if i < 0 {
		return url
	}
	start := i + len("://")
	end := len(url)
	if j := strings.IndexAny(url[start:], "/?#"); j >= 0 {
		end = start + j
	}
	at := strings.LastIndexByte(url[start:end], '@')
	if at < 0 {
		return url
	}
	return url[:start] + url[start+at+1:]
}
