package cli

import (
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"time"

	"github.com/spf13/pflag"

	"github.com/asterkit/aster/internal/trust"
)

func init() {
	register(&Command{
		Path:    "trust sign",
		Summary: "Sign consumer and producer enrollment credentials",
		Usage: "aster trust sign consumer|producer [flags]\n" +
			"  aster trust sign [--type producer|policy|ott] [--attributes JSON|k=v,…] [flags]   (reference spelling; no positional = producer)",
		Example:  "aster trust sign --root-key root.key --type policy --attributes '{\"aster.role\":\"ops.status\"}'",
		Flags:    signFlags,
		Complete: signCompletions,
		Run:      func(c *Context) error { return signCredential(c, "") },
	})
	register(&Command{
		Path:    "trust sign consumer",
		Summary: "Sign a consumer enrollment credential (policy or ott)",
		Usage: "aster trust sign consumer [--root-key PATH] [--type policy|ott] [--expires 30d|24h|ISO]\n" +
			"      [--attr KEY=VALUE]... [--attributes JSON|k=v,…] [--endpoint-id HEX] [--out PATH]",
		Example:  "aster trust sign consumer --root-key root.key --attr aster.role=ops.status --expires 7d",
		Flags:    signFlags,
		Complete: signCompletions,
		Run:      func(c *Context) error { return signCredential(c, "consumer") },
	})
	register(&Command{
		Path:    "trust sign producer",
		Summary: "Sign a producer enrollment credential for one endpoint",
		Usage: "aster trust sign producer --endpoint-id HEX [--root-key PATH] [--expires 30d|24h|ISO]\n" +
			"      [--attr KEY=VALUE]... [--attributes JSON|k=v,…] [--out PATH]",
		Example:  "aster trust sign producer --root-key root.key --endpoint-id 3d40…660c --attr aster.name=billing",
		Flags:    signFlags,
		Complete: signCompletions,
		Run:      func(c *Context) error { return signCredential(c, "producer") },
	})
}

// signFlags are the flags of every spelling of trust sign.
func signFlags(f *pflag.FlagSet) {
	f.String("root-key", "", "root key file (default: the profile's root key)")
	f.String("profile", "", "profile whose root key signs when --root-key is not given")
	f.String("type", "", "credential type: policy or ott for consumers (default policy); producer in the reference spelling")
	f.String("expires", "", "expiry: 30d, 24h, 90m, 1d12h or ISO 8601 (no offset = UTC; default 30d)")
	f.StringArray("attr", nil, "attribute KEY=VALUE, repeatable; a repeated key keeps its first position and the last value")
	f.String("attributes", "", "attributes as a JSON object of strings or as k=v,k2=v2, applied before --attr")
	f.String("endpoint-id", "", "EndpointId (64 hex) the credential is bound to; required for producers")
	f.String("out", ".aster/credential.json", "where to write the credential (mode 0600)")
}

// signCompletions are the values shell completion offers to trust sign.
var signCompletions = map[string]func() []string{
	"profile": profileNames,
	"type":    func() []string { return []string{"policy", "ott", "producer"} },
}

// signCredential is `trust sign`; kind is "consumer", "producer", or ""
// for the reference spelling, where --type decides.
func signCredential(c *Context, kind string) error {
	typ, endpoint := c.String("type"), c.String("endpoint-id")
	if len(c.Args) > 0 {
		return Usagef("unexpected argument %q", c.Args[0]).WithHint("Run '%s --help' for usage.", c.fullName())
	}
	credType, err := resolveSignType(kind, typ)
	if err != nil {
		return err
	}
	var endpointID string
	if endpoint != "" {
		if endpointID, err = trust.ParseEndpointID(endpoint); err != nil {
			return Usagef("--endpoint-id must be 64 hex digits (an EndpointId), got '%s'", endpoint)
		}
	}
	var attributes trust.Attributes
	if err := addAttrFlags(&attributes, c.Strings("attr")); err != nil {
		return err
	}
	if credType == trust.Producer && endpointID == "" {
		return Failf("--endpoint-id is required for producer credentials").
			WithHint("Pass --endpoint-id HEX (the node's EndpointId, 64 hex digits), or sign a consumer credential.")
	}
	merged, err := parseAttributes(c.String("attributes"))
	if err != nil {
		return err
	}
	for _, a := range attributes {
		merged.Set(a.Key, a.Value)
	}
	if _, err := merged.CanonicalJSON(); err != nil {
		return Failf("cannot sign: %v", err).WithHint("Attribute keys and values must be Unicode text (no lone surrogates).")
	}
	now := time.Now()
	expiresAt, err := trust.ParseExpiry(c.String("expires"), now)
	if err != nil {
		return Failf("%v", err).WithHint("Pass --expires as a duration (30d, 12h, 1d12h), a date (2030-01-01) or a date and time (2030-01-01T00:00:00Z).")
	}
	if expiresAt <= now.Unix() {
		fmt.Fprintf(c.Stderr, "Warning: expiry %s is not in the future; the credential is already expired.\n", trust.FormatTime(expiresAt))
	}
	root, err := loadSigningKey(c, c.String("root-key"), c.String("profile"))
	if err != nil {
		return err
	}
	cred := &trust.Credential{Type: credType, EndpointID: endpointID, ExpiresAt: expiresAt, Attributes: merged}
	if credType == trust.OTT {
		if cred.Nonce, err = trust.NewNonce(rand.Reader); err != nil {
			return Failf("cannot generate a nonce: %v", err)
		}
	}
	if err := cred.Sign(root); err != nil {
		return Failf("cannot sign: %v", err)
	}
	path := expandHome(c.String("out"))
	if err := trust.WriteFile(path, cred.MarshalFile(), 0o600, 0o700, false); err != nil {
		return writeKeyFailure(c, err)
	}
	fmt.Fprintf(c.Stdout, "Signed credential written to: %s\n  Type:       %s\n  Expires at: %s\n", path, credType, trust.FormatTime(expiresAt))
	return nil
}

// resolveSignType decides the credential type from the command's kind and
// --type.
func resolveSignType(kind, typ string) (trust.Type, error) {
	switch t := trust.Type(typ); {
	case typ != "" && t != trust.Producer && !t.IsConsumer():
		return "", Usagef("--type must be policy or ott (or producer), got '%s'", typ)
	case kind == "producer" && t.IsConsumer():
		return "", Usagef("--type %s is for consumer credentials", typ).WithHint("Use 'aster trust sign consumer --type %s'.", typ)
	case kind == "consumer" && t == trust.Producer:
		return "", Usagef("--type producer cannot be used with 'consumer'").WithHint("Use 'aster trust sign producer'.")
	case kind == "consumer" && typ == "":
		return trust.Policy, nil
	case kind == "producer" || typ == "":
		return trust.Producer, nil
	default:
		return t, nil
	}
}

// loadSigningKey reads the root key from --root-key, else the root key of
// the profile (--profile, $ASTER_PROFILE, the active one), found as enroll
// node finds it, naming the profile on stderr.
func loadSigningKey(c *Context, path, profileName string) (ed25519.PrivateKey, error) {
	if path != "" {
		root, err := trust.LoadRootKey(expandHome(path), c.Stderr)
		if err != nil {
			return nil, Failf("%v", err).WithHint("Pass a root key file written by aster trust keygen root.")
		}
		return root, nil
	}
	env, err := openProfiles(c)
	if err != nil {
		return nil, err
	}
	name := env.Select(profileName)
	fmt.Fprintf(c.Stderr, "[profile: %s]\n", name)
	root, err := env.RootKey("", name, c.Stderr)
	if err != nil {
		return nil, rootKeyError(err)
	}
	return root, nil
}
