package cli

import (
	"bytes"
	"crypto/ed25519"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/asterkit/aster/internal/identity"
	"github.com/asterkit/aster/internal/inputfile"
	"github.com/asterkit/aster/internal/trust"
)

func init() {
	register(&Command{
		Path:    "trust verify",
		Summary: "Verify credentials and identity-file peers: signature, expiry, endpoint binding",
		Usage: "aster trust verify CREDENTIAL... [--root-pubkey HEX|FILE | --profile P] [--endpoint-id HEX]\n" +
			"  aster trust verify --identity PATH [--name PEER] [--root-pubkey HEX|FILE | --profile P] [--endpoint-id HEX]",
		Example: "aster trust verify .aster/credential.json --root-pubkey ~/.aster/root.pub",
		Flags: func(f *pflag.FlagSet) {
			f.String("identity", "", "verify the peers of this .aster-identity file")
			f.String("name", "", "with --identity: only the peer with this name")
			f.String("root-pubkey", "", "accept only this root key: 64 hex digits or a public key file (default: the profile's root key)")
			f.String("profile", "", "profile whose root key is accepted when --root-pubkey is not given (default: $ASTER_PROFILE, else the active profile)")
			f.String("endpoint-id", "", "the EndpointId (64 hex) bound credentials must name; identity peers default to the file's own")
		},
		Complete: map[string]func() []string{"profile": profileNames},
		Run:      verifyCredentials,
	})
}

// verifyCredentials is `trust verify`: one VALID/INVALID line per
// credential, exit 0 only when every one is valid.
func verifyCredentials(c *Context) error {
	identityPath, name, endpoint := c.String("identity"), c.String("name"), c.String("endpoint-id")
	switch {
	case identityPath == "" && len(c.Args) == 0:
		return Usagef("nothing to verify").WithHint("Pass credential files, or --identity PATH.")
	case identityPath != "" && len(c.Args) > 0:
		return Usagef("pass either credential files or --identity, not both")
	case name != "" && identityPath == "":
		return Usagef("--name needs --identity PATH")
	}
	opts := trust.VerifyOptions{Now: time.Now()}
	if endpoint != "" {
		eid, err := trust.ParseEndpointID(endpoint)
		if err != nil {
			return Usagef("--endpoint-id must be 64 hex digits (an EndpointId), got '%s'", endpoint)
		}
		opts.EndpointID = eid
	}
	pub, err := trustedRoot(c)
	if err != nil {
		return err
	}
	opts.PinnedRoot = pub
	v := &verifier{c: c, opts: opts}
	if identityPath != "" {
		v.identityFile(expandHome(identityPath), name)
	}
	for _, path := range c.Args {
		v.file(path)
	}
	if v.failed {
		return &Exit{Code: 1}
	}
	return nil
}

// trustedRoot is the root key credentials must be signed by: --root-pubkey,
// else the root public key of the profile (--profile, $ASTER_PROFILE, the
// active one), named on stderr. Without either there is nothing to trust.
func trustedRoot(c *Context) (ed25519.PublicKey, error) {
	if arg := c.String("root-pubkey"); arg != "" {
		return pinnedRoot(arg)
	}
	env, err := openProfiles(c)
	if err != nil {
		return nil, err
	}
	name := env.Select(c.String("profile"))
	p, ok := env.Config.Get(name)
	if !ok || p.Get("root_pubkey") == "" {
		return nil, Usagef("no root key to verify against: --root-pubkey is not given and profile '%s' has no root public key", name).
			WithHint("Pass --root-pubkey HEX|FILE (the root.pub of the mesh), or create the profile: aster profile create %s", name)
	}
	pub, ok := trust.ParsePublicKey([]byte(p.Get("root_pubkey")))
	if !ok {
		return nil, Failf("profile '%s' has an invalid root_pubkey in %s", name, env.Config.Path).
			WithHint("Fix the value (64 hex digits), or pass --root-pubkey.")
	}
	fmt.Fprintf(c.Stderr, "[profile: %s]\n", name)
	return pub, nil
}

// pinnedRoot reads --root-pubkey: 64 hex digits, else a public key file.
func pinnedRoot(arg string) (ed25519.PublicKey, error) {
	if pub, ok := trust.ParsePublicKey([]byte(arg)); ok && !strings.HasPrefix(strings.TrimSpace(arg), "{") {
		return pub, nil
	}
	path := expandHome(arg)
	if _, err := os.Stat(path); err != nil {
		return nil, Usagef("--root-pubkey must be 64 hex digits or a public key file, got '%s'", arg)
	}
	pub, err := trust.ReadPublicKey(path)
	if err != nil {
		return nil, Failf("%v", err)
	}
	return pub, nil
}

// verifier checks inputs one by one and remembers whether any failed.
type verifier struct {
	c      *Context
	opts   trust.VerifyOptions
	failed bool
}

// report prints the verdict line of one credential.
func (v *verifier) report(label string, cred *trust.Credential, err error) {
	var invalid *trust.InvalidError
	switch {
	case err == nil:
		fmt.Fprintf(v.c.Stdout, "VALID    %s  %s\n", label, cred.Summary())
	case errors.As(err, &invalid):
		v.failed = true
		fmt.Fprintf(v.c.Stdout, "INVALID  %s  %s\n", label, invalid.Reason)
	default:
		v.cannotRead(label, err)
	}
}

func (v *verifier) cannotRead(path string, err error) {
	v.failed = true
	fmt.Fprintf(v.c.Stderr, "Error: cannot read %s: %v\n  Pass a credential JSON file or an .aster-identity file.\n", path, err)
}

// file verifies a positional input: a credential JSON file, or an identity
// file when its first non-blank character is not "{".
func (v *verifier) file(path string) {
	data, err := inputfile.Read(expandHome(path), inputfile.Credential)
	if err != nil {
		v.cannotRead(path, unwrapPath(err))
		return
	}
	if bytes.HasPrefix(bytes.TrimSpace(data), []byte("{")) {
		cred, err := trust.DecodeCredential(data)
		if err == nil {
			err = trust.Verify(cred, v.opts)
		}
		v.report(path, cred, err)
		return
	}
	v.identity(path, data, "")
}

// identityFile verifies the peers of --identity PATH.
func (v *verifier) identityFile(path, name string) {
	data, err := inputfile.Read(path, inputfile.Credential)
	if err != nil {
		v.cannotRead(path, unwrapPath(err))
		return
	}
	v.identity(path, data, name)
}

// identity verifies every peer of an identity file, or only the one named.
func (v *verifier) identity(path string, data []byte, name string) {
	id, err := readIdentity(data)
	if err != nil {
		v.cannotRead(path, err)
		return
	}
	peers := id.Peers
	if name != "" {
		p, ok := id.Peer(name)
		if !ok {
			v.failed = true
			list := strings.Join(id.PeerNames(), ", ")
			if list == "" {
				list = "(none)"
			}
			fmt.Fprintf(v.c.Stderr, "Error: no peer named '%s' in %s\n  Peers: %s\n", name, path, list)
			return
		}
		peers = []trust.Peer{p}
	}
	if len(peers) == 0 {
		v.cannotRead(path, errors.New("no [[peers]] entries"))
		return
	}
	for _, p := range peers {
		cred, err := id.VerifyPeer(p, v.opts)
		v.report(path+"#"+p.Name, cred, err)
	}
}

// readIdentity parses an identity file into what verification needs.
func readIdentity(data []byte) (*trust.Identity, error) {
	f, err := identity.Parse(data)
	if err != nil {
		return nil, err
	}
	return f.Trust(), nil
}
