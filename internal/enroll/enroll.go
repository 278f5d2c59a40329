// Package enroll implements `aster enroll node`: it signs a credential for a
// node with the root key and records it, with the node key, in the
// .aster-identity file (docs/formats.md).
package enroll

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/asterkit/aster/internal/filelock"
	"github.com/asterkit/aster/internal/identity"
	"github.com/asterkit/aster/internal/trust"
)

// Request is one enrollment: a credential for the node of the identity
// file at Path.
type Request struct {
	// Path is the identity file, as displayed (see DisplayPath).
	Path string
	// Role is "producer" or "consumer"; Name names the peer entry.
	Role, Name string
	// Type is the consumer credential type (trust.Policy or trust.OTT);
	// ignored for producers.
	Type trust.Type
	// ExpiresAt is the expiry in Unix seconds.
	ExpiresAt int64
	// Attributes are the attributes to sign, aster.role included.
	Attributes trust.Attributes
	// Root is the root key that signs.
	Root ed25519.PrivateKey
	// Notify receives warnings and the lock's waiting notice.
	Notify io.Writer
}

// Result is what an enrollment did.
type Result struct {
	// EndpointID is the node's EndpointId.
	EndpointID string
	// Reused is set when the node key came from the existing file.
	Reused bool
	// Peer is the entry written.
	Peer identity.Peer
}

// ReadError is an identity file that cannot be read or parsed; the file is
// left as it was.
type ReadError struct {
	Path   string
	Detail string
}

func (e *ReadError) Error() string { return "cannot read " + e.Path + ": " + e.Detail }

// PathError is a [node] key problem, reported as "<path>: <detail>".
type PathError struct {
	Path   string
	Detail string
}

func (e *PathError) Error() string { return e.Path + ": " + e.Detail }

// NoNodeKeyError is an identity file with peers but no [node] secret_key:
// a new node key would silently invalidate every credential in it, since
// each is bound to the node's EndpointId.
type NoNodeKeyError struct {
	Path  string
	Peers int
}

func (e *NoNodeKeyError) Error() string {
	return fmt.Sprintf("%s has %d [[peers]] entries but no [node] secret_key; a new node key would invalidate them", e.Path, e.Peers)
}

// LockedError is an identity file that another process kept locked.
type LockedError struct{ Path string }

func (e *LockedError) Error() string {
	return e.Path + " is locked by another aster process; try again."
}

// WriteError is an identity file that could not be saved.
type WriteError struct {
	Path string
	Err  error
}

func (e *WriteError) Error() string { return "cannot write " + e.Path + ": " + detail(e.Err) }

// detail drops the path an fs error repeats.
func detail(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// Run performs the enrollment under the identity file's lock: it reads the
// file, reuses or creates the node key, signs the credential, replaces the
// peer of the same name and saves the file (mode 0600). A missing parent
// directory is created (mode 0700).
func Run(req Request) (*Result, error) {
	if err := os.MkdirAll(filepath.Dir(req.Path), 0o700); err != nil {
		return nil, &WriteError{Path: req.Path, Err: err}
	}
	lock, err := filelock.Acquire(req.Path, req.Notify)
	if errors.Is(err, filelock.ErrTimeout) {
		return nil, &LockedError{Path: req.Path}
	}
	if errors.Is(err, filelock.ErrNotRegular) {
		return nil, err
	}
	if err != nil {
		return nil, &WriteError{Path: req.Path + ".lock", Err: err}
	}
	// The lock file holds no data: failing to close it loses nothing.
	defer func() { _ = lock.Release() }()
	return run(req)
}

// run is Run once the identity file is locked.
func run(req Request) (*Result, error) {
	f, err := identity.Read(req.Path)
	var fe *identity.FormatError
	var ke *identity.NodeKeyError
	switch {
	case errors.As(err, &fe):
		return nil, &ReadError{Path: req.Path, Detail: fe.Detail}
	case errors.As(err, &ke):
		return nil, &PathError{Path: req.Path, Detail: ke.Detail}
	case err != nil:
		return nil, &ReadError{Path: req.Path, Detail: detail(err)}
	}
	if st, err := os.Stat(req.Path); err == nil && st.Mode().Perm()&0o077 != 0 {
		fmt.Fprintf(req.Notify, "Warning: %s was readable by other users (mode %v); it holds a secret key and is now written with mode 0600.\n",
			req.Path, st.Mode().Perm())
	}

	if f.Seed == nil && len(f.Peers) > 0 {
		return nil, &NoNodeKeyError{Path: req.Path, Peers: len(f.Peers)}
	}
	res := &Result{Reused: f.Seed != nil}
	if f.Seed == nil {
		if f.Seed, err = trust.GenerateSeed(); err != nil {
			return nil, err
		}
	}
	res.EndpointID = identity.EndpointID(f.Seed)
	f.EndpointID = res.EndpointID

	peer, err := sign(req, res.EndpointID)
	if err != nil {
		return nil, err
	}
	f.Put(peer)
	if err := identity.Write(req.Path, f); err != nil {
		return nil, &WriteError{Path: req.Path, Err: err}
	}
	res.Peer = peer
	return res, nil
}

// sign builds and signs the credential and returns its peer entry.
// Producers sign every attribute; consumers sign exactly the attributes the
// file stores, since clients present those.
func sign(req Request, endpointID string) (identity.Peer, error) {
	peer := identity.Peer{Name: req.Name, Role: req.Role, EndpointID: endpointID, ExpiresAt: req.ExpiresAt}
	attrs := map[string]string{}
	for _, a := range req.Attributes {
		attrs[a.Key] = a.Value
	}
	peer.Attributes = attrs
	c := &trust.Credential{EndpointID: endpointID, ExpiresAt: req.ExpiresAt}
	if req.Role == string(trust.Producer) {
		c.Type = trust.Producer
		c.Attributes = req.Attributes
		peer.Type = string(trust.Policy)
	} else {
		c.Type = req.Type
		peer.Type = string(req.Type)
		peer.Attributes = peer.StoredAttributes()
		for _, a := range req.Attributes {
			if _, kept := peer.Attributes[a.Key]; kept {
				c.Attributes = append(c.Attributes, a)
			}
		}
		if req.Type == trust.OTT {
			nonce, err := trust.NewNonce(rand.Reader)
			if err != nil {
				return peer, err
			}
			c.Nonce = nonce
			peer.Nonce = hex.EncodeToString(nonce)
		}
	}
	if err := c.Sign(req.Root); err != nil {
		return peer, err
	}
	peer.RootPubkey = hex.EncodeToString(c.RootPubkey)
	peer.Signature = hex.EncodeToString(c.Signature)
	return peer, nil
}

// DisplayPath is the identity path as given, without "./" elements and
// repeated or trailing separators ("..", unlike filepath.Clean, is kept).
func DisplayPath(p string) string {
	sep := "/"
	if os.PathSeparator == '\\' {
		p = strings.ReplaceAll(p, `\`, "/")
		sep = `\`
	}
	var parts []string
	for _, el := range strings.Split(p, "/") {
		if el != "" && el != "." {
			parts = append(parts, el)
		}
	}
	out := strings.Join(parts, sep)
	if strings.HasPrefix(p, "/") {
		out = sep + out
	}
	if out == "" {
		out = "."
	}
	return out
}
