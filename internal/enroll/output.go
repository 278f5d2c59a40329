package enroll

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/asterkit/aster/internal/atomicfile"
	"github.com/asterkit/aster/internal/identity"
	"github.com/asterkit/aster/internal/inputfile"
	"github.com/asterkit/aster/internal/pyjson"
	"github.com/asterkit/aster/internal/trust"
)

// Banner is the report printed after an enrollment. File is the identity
// file's absolute, symlink-free path; Path its display path (DisplayPath).
// With color, ANSI attributes highlight it.
func Banner(res *Result, file, path string, color bool) string {
	style := func(code, s string) string {
		if !color {
			return s
		}
		return "\x1b[" + code + "m" + s + "\x1b[0m"
	}
	label := func(l string) string { return style("1", l) + strings.Repeat(" ", 14-len(l)) }
	p := res.Peer
	root := p.RootPubkey
	capabilities := p.Attributes["aster.role"]
	if capabilities == "" {
		capabilities = p.Role
	}
	var b strings.Builder
	b.WriteString("\n")
	if color {
		b.WriteString("\x1b[1m\x1b[32m✓ Enrollment credential created\x1b[0m\x1b[0m\n\n")
	} else {
		b.WriteString("✓ Enrollment credential created\n\n")
	}
	fmt.Fprintf(&b, "  %s%s\n", label("File:"), file)
	fmt.Fprintf(&b, "  %s%s\n\n", label("Format:"), "TOML (.aster-identity) with [node] + [[peers]] sections")
	fmt.Fprintf(&b, "  %s%s\n", label("Peer:"), p.Name)
	fmt.Fprintf(&b, "  %s%s (%s)\n", label("Role:"), p.Role, p.Type)
	fmt.Fprintf(&b, "  %s%s\n", label("Capabilities:"), capabilities)
	fmt.Fprintf(&b, "  %s%s...\n", label("Endpoint ID:"), res.EndpointID[:16])
	fmt.Fprintf(&b, "  %s%s...\n", label("Trust root:"), root[:16])
	fmt.Fprintf(&b, "  %s%s\n\n", label("Expires:"), trust.FormatTime(p.ExpiresAt))
	var intro, use []string
	if p.Role == string(trust.Producer) {
		intro = []string{
			"This file lets you run a server signed by your root key.",
			"When this server starts, it presents this credential and the",
			"Aster mesh recognises it as part of your trust domain.",
		}
		use = []string{
			"Set ASTER_IDENTITY_FILE=" + path + " when starting your server,",
			"or place .aster-identity in the working directory.",
		}
	} else {
		intro = []string{
			"This file lets a consumer connect to your trusted-mode servers.",
			"It contains a node identity (secret key) AND a signed enrollment",
			"credential. The server validates the credential and grants the",
			"capabilities listed below.",
		}
		use = []string{
			"aster shell <peer-addr> --rcan " + path,
			"aster call <peer-addr> Service.method '<json>' --rcan " + path,
		}
	}
	fmt.Fprintf(&b, "  %s\n\n", style("2", strings.Join(intro, "\n  ")))
	fmt.Fprintf(&b, "  Use it:\n  %s\n\n", strings.Join(use, "\n  "))
	fmt.Fprintf(&b, "  ⚠  %s\n", style("33", "Keep this file secret -- it is both an identity AND a credential."))
	until := time.Unix(p.ExpiresAt, 0).UTC().Format("2006-01-02")
	fmt.Fprintf(&b, "  %s\n\n", style("2", fmt.Sprintf("Anyone with this file can act as %s until %s.", pyjson.StrRepr(p.Name), until)))
	return b.String()
}

// KeyLine is the line naming the node key: reused from path, or generated.
func KeyLine(res *Result, path string) string {
	if res.Reused {
		return fmt.Sprintf("Reusing node key from %s (endpoint_id=%s...)", path, res.EndpointID[:16])
	}
	return fmt.Sprintf("Generated new node key (endpoint_id=%s...)", res.EndpointID[:16])
}

// QuietLine is the one line --quiet prints.
func QuietLine(res *Result, path string) string {
	return fmt.Sprintf("%s %s %s", path, res.EndpointID, trust.FormatTime(res.Peer.ExpiresAt))
}

// gitignoreComment precedes the entry added to .gitignore.
const gitignoreComment = "# Aster node secret -- do not commit"

// Gitignore adds the identity file at abs (absolute, symlinks resolved) to
// the .gitignore at the top of its git work tree, unless git is missing,
// the file is outside a work tree or git ignores it already. The entry is
// the file's name (or its path from the top when the name is not
// .aster-identity) followed by "*", so it also covers the temporary and
// lock files written beside it ("<name>.tmp-<random>", "<name>.lock"),
// which hold the same secret while they exist. A .gitignore that is a
// symbolic link is written through. It returns the notice to print (""
// when nothing was added).
func Gitignore(abs string) (string, error) {
	if _, err := exec.LookPath("git"); err != nil {
		return "", nil
	}
	dir, name := filepath.Dir(abs), filepath.Base(abs)
	out, err := exec.Command("git", "-C", dir, "rev-parse", "--show-toplevel").Output()
	if err != nil {
		return "", nil
	}
	top := strings.TrimRight(string(out), "\r\n")
	covered := true
	for _, n := range []string{name, name + ".tmp-0"} {
		ignored, err := gitIgnores(dir, n)
		if err != nil {
			return "", err
		}
		covered = covered && ignored
	}
	if covered {
		return "", nil
	}
	entry := ignorePattern(name)
	if name != identity.DefaultPath {
		realTop, err := filepath.EvalSymlinks(top)
		if err != nil {
			return "", err
		}
		rel, err := filepath.Rel(realTop, abs)
		if err != nil {
			return "", err
		}
		entry = "/" + ignorePattern(filepath.ToSlash(rel))
	}
	ignore := filepath.Join(top, ".gitignore")
	text, err := inputfile.Read(ignore, inputfile.Ignore)
	switch {
	case err == nil:
		if len(text) > 0 && !bytes.HasSuffix(text, []byte("\n")) {
			text = append(text, '\n')
		}
		text = append(text, "\n"+gitignoreComment+"\n"+entry+"\n"...)
	case errors.Is(err, os.ErrNotExist):
		text = []byte(gitignoreComment + "\n" + entry + "\n")
	default:
		return "", err
	}
	if err := atomicfile.WriteFile(ignore, text, atomicfile.Options{Perm: 0o644, FollowSymlink: true}); err != nil {
		return "", err
	}
	return fmt.Sprintf("Added %s to %s", entry, ignore), nil
}

// gitIgnores reports whether git ignores the file name in dir.
func gitIgnores(dir, name string) (bool, error) {
	err := exec.Command("git", "-C", dir, "check-ignore", "-q", "--", name).Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return true, nil
	case errors.As(err, &exit) && exit.ExitCode() == 1:
		return false, nil
	}
	return false, fmt.Errorf("git check-ignore failed: %v", err)
}

// ignorePattern is the .gitignore pattern matching every name that starts
// with path: its glob characters escaped, then "*".
func ignorePattern(path string) string {
	var b strings.Builder
	for i, r := range path {
		if strings.ContainsRune(`\*?[`, r) || i == 0 && (r == '!' || r == '#') {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String() + "*"
}
