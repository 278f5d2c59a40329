package cli

import (
	"crypto/ed25519"
	"encoding/hex"
	"fmt"
	"os"

	"github.com/spf13/pflag"

	"github.com/asterkit/aster/internal/inputfile"
	"github.com/asterkit/aster/internal/trust"
)

func init() {
	register(&Command{
		Path:    "trust keygen",
		Summary: "Create root keys and extract public keys",
		Usage: "aster trust keygen root|pubkey [flags]\n" +
			"  aster trust keygen [--out-key PATH] [--force]   (reference spelling of 'keygen root')",
		Example: "aster trust keygen root --out ~/.aster/root.key",
		Flags: func(f *pflag.FlagSet) {
			rootKeyFlags(f)
			f.SetNormalizeFunc(func(_ *pflag.FlagSet, name string) pflag.NormalizedName {
				if name == "out-key" {
					name = "out"
				}
				return pflag.NormalizedName(name)
			})
		},
		Run: keygenRoot,
	})
	register(&Command{
		Path:    "trust keygen root",
		Summary: "Create a root key pair (private key file 0600 and a .pub beside it)",
		Usage:   "aster trust keygen root [--out PATH] [--force]",
		Example: "aster trust keygen root --out root.key",
		Flags:   rootKeyFlags,
		Run:     keygenRoot,
	})
	register(&Command{
		Path:    "trust keygen pubkey",
		Summary: "Extract the public key of a root key file",
		Usage:   "aster trust keygen pubkey [--in PATH] [--out PATH] [--force]",
		Example: "aster trust keygen pubkey --in root.key --out root_pub.key",
		Flags: func(f *pflag.FlagSet) {
			f.String("in", "", "root key file or public key file to read (default $ASTER_HOME/root.key)")
			f.String("out", "", "write the public key (64 hex digits and a newline) here instead of printing it")
			f.Bool("force", false, "replace an existing --out file")
		},
		Run: keygenPubkey,
	})
}

// rootKeyFlags are the flags of keygenRoot.
func rootKeyFlags(f *pflag.FlagSet) {
	f.String("out", "", "where to write the root key file (default $ASTER_HOME/root.key; --out-key in the reference spelling)")
	f.Bool("force", false, "replace an existing key file (and its .pub)")
}

// keygenRoot writes a new root key file and its companion .pub.
func keygenRoot(c *Context) error {
	out, force := c.String("out"), c.Bool("force")
	if len(c.Args) > 0 {
		return Usagef("unexpected argument %q", c.Args[0]).WithHint("Run 'aster trust keygen root --help' for usage.")
	}
	path, err := rootKeyPath(out)
	if err != nil {
		return err
	}
	if _, err := os.Lstat(path); err == nil && !force {
		return keyExists(c, path)
	}
	seed, err := trust.GenerateSeed()
	if err != nil {
		return Failf("cannot generate a key: %v", err)
	}
	priv := ed25519.NewKeyFromSeed(seed)
	pub := priv.Public().(ed25519.PublicKey)
	pubPath := trust.CompanionPath(path)
	old, err := inputfile.Read(pubPath, inputfile.Key)
	kept := err == nil && !force
	writePub := pubPath
	if kept {
		writePub = ""
	}
	if err := trust.WriteKeyPair(path, priv, writePub, force); err != nil {
		return writeKeyFailure(c, err)
	}
	if oldPub, ok := trust.ParsePublicKey(old); kept && (!ok || !oldPub.Equal(pub)) {
		fmt.Fprintf(c.Stderr, "Warning: %s holds a different public key; it was left unchanged.\n", pubPath)
	}
	if kept {
		fmt.Fprintf(c.Stdout, "Root key pair written to: %s\n  (public key file already exists: %s)\n", path, pubPath)
	} else {
		fmt.Fprintf(c.Stdout, "Root private key written to: %s\nRoot public key written to:  %s\n", path, pubPath)
	}
	fmt.Fprintf(c.Stdout, "  Public key:  %s\nKeep root.key secret. Share root.pub with nodes that need to verify credentials.\n", hex.EncodeToString(pub))
	return nil
}

// keygenPubkey prints or writes the public key of a root key or public key
// file.
func keygenPubkey(c *Context) error {
	in, out, force := c.String("in"), c.String("out"), c.Bool("force")
	if len(c.Args) > 0 {
		return Usagef("unexpected argument %q", c.Args[0]).WithHint("Run 'aster trust keygen pubkey --help' for usage.")
	}
	inPath, err := rootKeyPath(in)
	if err != nil {
		return err
	}
	pub, err := trust.ReadPublicKey(inPath)
	if err != nil {
		return Failf("%v", err).WithHint("Pass --in with a root key file or a public key file.")
	}
	if out == "" {
		fmt.Fprintln(c.Stdout, hex.EncodeToString(pub))
		return nil
	}
	outPath := expandHome(out)
	if err := trust.WriteFile(outPath, trust.EncodePublicKeyHex(pub), 0o644, 0o755, !force); err != nil {
		return writeKeyFailure(c, err)
	}
	fmt.Fprintf(c.Stdout, "Root public key written to: %s\n  Public key:  %s\n", outPath, hex.EncodeToString(pub))
	return nil
}
