package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"github.com/spf13/pflag"

	"github.com/asterkit/aster/internal/enroll"
	"github.com/asterkit/aster/internal/identity"
	"github.com/asterkit/aster/internal/keyring"
	"github.com/asterkit/aster/internal/profile"
	"github.com/asterkit/aster/internal/trust"
)

func init() {
	register(&Command{
		Path:    "enroll node",
		Summary: "Sign an enrollment credential for this node into its .aster-identity file",
		Usage: "aster enroll node --role producer|consumer --name NAME [--profile P] [--identity PATH]\n" +
			"      [--expires 30d|24h|ISO] [--type policy|ott] [--attributes k=v,k2=v2] [--attr K=V]...\n" +
			"      [--capabilities a,b] [--root-key PATH] [--signer local] [--quiet]",
		Example: "aster enroll node --role producer --name billing-producer --profile prod",
		Flags: func(f *pflag.FlagSet) {
			f.StringP("role", "r", "", "producer or consumer (required)")
			f.StringP("name", "n", "", "name of the peer entry (required)")
			f.StringP("profile", "p", "", "profile whose root key signs (default: $ASTER_PROFILE, else the active profile)")
			f.StringP("identity", "i", "", "identity file (default .aster-identity)")
			f.StringP("out", "o", "", "alias of --identity")
			f.StringP("expires", "e", "", "expiry: 30d, 24h, 1d12h or an ISO 8601 date/time (default 30d)")
			f.StringP("type", "t", "policy", "consumer credential type: policy or ott")
			f.StringP("attributes", "a", "", "attributes as k=v,k2=v2 or as a JSON object of strings")
			f.StringArray("attr", nil, "one attribute KEY=VALUE (repeatable)")
			f.StringP("capabilities", "c", "", "capabilities, stored verbatim as aster.role")
			f.String("root-key", "", "root key file to sign with instead of the profile's key")
			f.String("signer", "", "signer type (only: local)")
			f.BoolP("quiet", "q", false, "print only: <path> <endpoint_id> <expiry>")
		},
		Complete: map[string]func() []string{
			"role":    func() []string { return []string{"producer", "consumer"} },
			"type":    func() []string { return []string{"policy", "ott"} },
			"profile": profileNames,
			"signer":  func() []string { return []string{"local"} },
		},
		Run: runEnrollNode,
	})
}

func runEnrollNode(c *Context) error {
	role, name, typ := c.String("role"), c.String("name"), c.String("type")
	if len(c.Args) > 0 {
		return Usagef("unexpected argument %q", c.Args[0]).WithHint("Usage: aster enroll node --role producer|consumer --name NAME [flags]")
	}
	switch role {
	case "":
		return Usagef("--role is required").WithHint("Pass --role producer or --role consumer.")
	case "producer", "consumer":
	default:
		return Usagef("--role must be 'producer' or 'consumer', got '%s'", role)
	}
	if name == "" || strings.IndexFunc(name, unicode.IsControl) >= 0 {
		return Usagef("--name must be a non-empty name without control characters").WithHint("Example: --name billing-producer")
	}
	ctype := trust.Type(typ)
	if !ctype.IsConsumer() {
		return Usagef("--type must be 'policy' or 'ott', got '%s'", typ)
	}
	if role == "producer" && ctype == trust.OTT {
		return Usagef("--type applies to consumer enrollments only")
	}
	signed, err := enrollAttributes(c.String("attributes"), c.Strings("attr"), c.String("capabilities"), role)
	if err != nil {
		return err
	}
	now := time.Now()
	expiresAt, err := trust.ParseExpiry(c.String("expires"), now)
	var ee *trust.ExpiryError
	if errors.As(err, &ee) {
		return Failf("%s", ee.EnrollMessage())
	} else if err != nil {
		return Failf("%v", err)
	}
	if expiresAt <= now.Unix() {
		fmt.Fprintf(c.Stderr, "Warning: expiry %s is not in the future; the credential is already expired.\n", trust.FormatTime(expiresAt))
	}

	profiles, err := openProfiles(c)
	if err != nil {
		return err
	}
	p := profiles.Select(c.String("profile"))
	if len(profiles.Config.Names()) > 1 {
		fmt.Fprintf(c.Stderr, "[profile: %s]\n", p)
	}
	s := c.String("signer")
	if s == "" {
		if pr, ok := profiles.Config.Get(p); ok {
			s = pr.Get("signer")
		}
	}
	if s != "" && s != "local" {
		return Failf("unknown signer type '%s'.", s).WithHint("Supported: local")
	}
	root, err := profiles.RootKey(expandHome(c.String("root-key")), p, c.Stderr)
	if err != nil {
		return rootKeyError(err)
	}

	path := c.String("identity")
	if path == "" {
		path = c.String("out")
	}
	if path == "" {
		path = identity.DefaultPath
	}
	path = enroll.DisplayPath(path)
	res, err := enroll.Run(enroll.Request{
		Path: path, Role: role, Name: name, Type: ctype, ExpiresAt: expiresAt,
		Attributes: signed, Root: root, Notify: c.Stderr,
	})
	if err != nil {
		return enrollError(err)
	}

	abs, err := filepath.Abs(path)
	if err == nil {
		if real, err := filepath.EvalSymlinks(abs); err == nil {
			abs = real
		}
	}
	notice, err := enroll.Gitignore(abs)
	if err != nil {
		fmt.Fprintf(c.Stderr, "Warning: could not add %s to .gitignore: %v\n", path, err)
	}
	if c.Bool("quiet") {
		if notice != "" {
			fmt.Fprintln(c.Stderr, notice)
		}
		fmt.Fprintln(c.Stdout, enroll.QuietLine(res, path))
		return nil
	}
	fmt.Fprintln(c.Stdout, enroll.KeyLine(res, path))
	if notice != "" {
		fmt.Fprintln(c.Stdout, notice)
	}
	fmt.Fprint(c.Stdout, enroll.Banner(res, abs, path, colorOut(c)))
	return nil
}

// enrollAttributes builds the signed attributes: --attributes, then
// --attr flags, then aster.role from --capabilities or else the role.
func enrollAttributes(list string, flags []string, capabilities, role string) (trust.Attributes, error) {
	out, err := parseAttributes(list)
	if err != nil {
		return nil, err
	}
	if err := addAttrFlags(&out, flags); err != nil {
		return nil, err
	}
	if capabilities != "" {
		out.Set("aster.role", capabilities)
	}
	if _, ok := out.Get("aster.role"); !ok {
		out.Set("aster.role", role)
	}
	return out, nil
}

// rootKeyError turns a root key failure into the message and the way out.
func rootKeyError(err error) error {
	var nk *profile.NoRootKeyError
	var kf *trust.KeyFileError
	var bad *keyring.MalformedError
	switch {
	case errors.As(err, &nk):
		return Failf("%s", nk.Error()).WithHint("%s", nk.Hint())
	case errors.As(err, &kf) && kf.NotFound:
		return Failf("%v", err).WithHint("Pass the path of a root key file (aster trust keygen root writes one).")
	case errors.As(err, &kf):
		return Failf("%v", err).WithHint("Pass a root key file written by aster trust keygen root.")
	case errors.As(err, &bad):
		return Failf("%v", err).WithHint("Remove the entry and run aster profile create again, or pass --root-key.")
	}
	return Failf("%v", err)
}

// enrollError turns an enrollment failure into the message and the way out.
func enrollError(err error) error {
	var re *enroll.ReadError
	var pe *enroll.PathError
	var le *enroll.LockedError
	var we *enroll.WriteError
	var nk *enroll.NoNodeKeyError
	switch {
	case errors.As(err, &nk):
		return Failf("%v", err).WithHint("The file was left unchanged; restore its [node] section, or pass --identity with another path.")
	case errors.As(err, &re):
		return Failf("%v", err).WithHint("The file was left unchanged; fix it, or pass --identity with another path.")
	case errors.As(err, &pe):
		return Failf("%v", err).WithHint("The file was left unchanged; fix its [node] section, or pass --identity with another path.")
	case errors.As(err, &le):
		return Failf("%v", err)
	case errors.As(err, &we):
		return Failf("%v", err).WithHint("Check that the directory exists and is writable.")
	}
	return Failf("%v", err)
}

// colorOut reports whether stdout is a terminal that takes colour.
func colorOut(c *Context) bool {
	f, ok := c.Stdout.(*os.File)
	if !ok {
		return false
	}
	if _, set := os.LookupEnv("NO_COLOR"); set || os.Getenv("TERM") == "dumb" {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
