package cli

import (
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"strings"
	"time"

	"github.com/asterkit/aster/internal/pyjson"
	"github.com/asterkit/aster/internal/trust"
)

func init() {
	register(&Command{
		Path:    "trust sign",
		Summary: "Sign consumer and producer enrollment credentials",
		Usage: "aster trust sign consumer|producer [flags]\n" +
			"  aster trust sign [--type producer|policy|ott] [--attributes JSON] [flags]   (reference spelling; no positional = producer)",
		Example: "aster trust sign --root-key root.key --type policy --attributes '{\"aster.role\":\"ops.status\"}'",
		Run: func(c *Context) error {
			return signCredential(c, "")
		},
	})
	register(&Command{
		Path:    "trust sign consumer",
		Summary: "Sign a consumer enrollment credential (policy or ott)",
		Usage: "aster trust sign consumer [--root-key PATH] [--type policy|ott] [--expires 30d|24h|ISO]\n" +
			"      [--attr KEY=VALUE]... [--attributes JSON] [--endpoint-id HEX] [--out PATH]",
		Example: "aster trust sign consumer --root-key root.key --attr aster.role=ops.status --expires 7d",
		Run:     func(c *Context) error { return signCredential(c, "consumer") },
	})
	register(&Command{
		Path:    "trust sign producer",
		Summary: "Sign a producer enrollment credential for one endpoint",
		Usage: "aster trust sign producer --endpoint-id HEX [--root-key PATH] [--expires 30d|24h|ISO]\n" +
			"      [--attr KEY=VALUE]... [--attributes JSON] [--out PATH]",
		Example: "aster trust sign producer --root-key root.key --endpoint-id 3d40…660c --attr aster.name=billing",
		Run:     func(c *Context) error { return signCredential(c, "producer") },
	})
}

// signCredential is `trust sign`; kind is "consumer", "producer", or ""
// for the reference spelling, where --type decides.
func signCredential(c *Context, kind string) error {
	rootKey := c.Flags.String("root-key", "", "root key file (default: the profile's root key)")
	profileName := c.Flags.String("profile", "", "profile whose root key signs when --root-key is not given")
	typ := c.Flags.String("type", "", "credential type: policy or ott for consumers (default policy); producer in the reference spelling")
	expires := c.Flags.String("expires", "", "expiry: 30d, 24h, 90m, 1d12h or ISO 8601 (no offset = UTC; default 30d)")
	attrs := c.Flags.StringArray("attr", nil, "attribute KEY=VALUE, repeatable; a repeated key keeps its first position and the last value")
	attrJSON := c.Flags.String("attributes", "", "attributes as a JSON object of strings, applied before --attr")
	endpoint := c.Flags.String("endpoint-id", "", "EndpointId (64 hex) the credential is bound to; required for producers")
	out := c.Flags.String("out", ".aster/credential.json", "where to write the credential (mode 0600)")
	if err := c.Parse(); err != nil {
		return err
	}
	credType, err := resolveSignType(kind, *typ, c.Args)
	if err != nil {
		return err
	}
	var endpointID string
	if *endpoint != "" {
		if endpointID, err = trust.ParseEndpointID(*endpoint); err != nil {
			return Usagef("--endpoint-id must be 64 hex digits (an EndpointId), got '%s'", *endpoint)
		}
	}
	var attributes trust.Attributes
	for _, a := range *attrs {
		k, v, ok := strings.Cut(a, "=")
		if !ok || k == "" {
			return Usagef("--attr expects KEY=VALUE, got '%s'", a).WithHint("For example: --attr aster.role=ops.status")
		}
		attributes = append(attributes, trust.Attribute{Key: k, Value: v})
	}
	if credType == trust.Producer && endpointID == "" {
		return Failf("--endpoint-id is required for producer credentials")
	}
	if *attrJSON != "" {
		fromJSON, err := parseAttributesJSON(*attrJSON)
		if err != nil {
			return Failf("invalid --attributes JSON: %v", err).WithHint(`Pass a JSON object of strings, e.g. '{"aster.role":"ops.status"}'.`)
		}
		attributes = append(fromJSON, attributes...)
	}
	var merged trust.Attributes
	for _, a := range attributes {
		merged.Set(a.Key, a.Value)
	}
	if _, err := merged.CanonicalJSON(); err != nil {
		return Failf("cannot sign: %v", err).WithHint("Attribute keys and values must be Unicode text (no lone surrogates).")
	}
	now := time.Now()
	expiresAt, err := trust.ParseExpiry(*expires, now)
	if err != nil {
		return Failf("%v", err)
	}
	if expiresAt <= now.Unix() {
		fmt.Fprintf(c.Stderr, "Warning: expiry %s is not in the future; the credential is already expired.\n", trust.FormatTime(expiresAt))
	}
	root, err := loadSigningKey(c, *rootKey, *profileName)
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
	path := expandHome(*out)
	if err := trust.WriteFile(path, cred.MarshalFile(), 0o600, 0o700, false); err != nil {
		return writeKeyFailure(c, err)
	}
	fmt.Fprintf(c.Stdout, "Signed credential written to: %s\n  Type:       %s\n  Expires at: %s\n", path, credType, trust.FormatTime(expiresAt))
	return nil
}

// resolveSignType decides the credential type from the positional kind
// (or the one the command was called as) and --type.
func resolveSignType(kind, typ string, args []string) (trust.Type, error) {
	if len(args) > 1 || len(args) == 1 && kind != "" {
		return "", Usagef("unexpected argument %q", args[len(args)-1]).WithHint("Run 'aster trust sign --help' for usage.")
	}
	if len(args) == 1 {
		if kind = args[0]; kind != "consumer" && kind != "producer" {
			return "", Usagef("unknown credential kind %q", kind).WithHint("Use 'consumer' or 'producer'.")
		}
	}
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

// parseAttributesJSON reads --attributes: a JSON object whose values are
// all strings, in the order of the text (a repeated key keeps its first
// position and takes the last value).
func parseAttributesJSON(text string) (trust.Attributes, error) {
	v, err := pyjson.Unmarshal([]byte(text))
	if err != nil {
		return nil, err
	}
	obj, ok := v.(pyjson.Object)
	if !ok {
		return nil, fmt.Errorf("not a JSON object")
	}
	var attrs trust.Attributes
	for _, m := range obj {
		s, ok := m.Value.(string)
		if !ok {
			return nil, fmt.Errorf("the value of %s is not a string", pyjson.StrRepr(m.Key))
		}
		attrs = append(attrs, trust.Attribute{Key: m.Key, Value: s})
	}
	return attrs, nil
}

// loadSigningKey reads the root key from --root-key, else the root key of
// the profile (--profile, $ASTER_PROFILE, the active one), found as enroll
// node finds it, naming the profile on stderr.
func loadSigningKey(c *Context, path, profileName string) (ed25519.PrivateKey, error) {
	if path != "" {
		root, err := trust.LoadRootKey(expandHome(path), c.Stderr)
		if err != nil {
			return nil, Failf("%v", err)
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
