// Package trust holds Aster's trust material: Ed25519 root keys and their
// files, signed enrollment credentials (the model, the exact bytes a
// signature covers, the credential file), expiry parsing and verification.
package trust

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/asterkit/aster/internal/inputfile"
	"github.com/asterkit/aster/internal/pyjson"
)

// SeedSize is the size of a root or node seed, the only private key form
// Aster stores.
const SeedSize = ed25519.SeedSize

// GenerateSeed returns 32 random bytes from crypto/rand.
func GenerateSeed() ([]byte, error) {
	seed := make([]byte, SeedSize)
	if _, err := rand.Read(seed); err != nil {
		return nil, err
	}
	return seed, nil
}

// EndpointID is the EndpointId of a public key: its 64 lowercase hex digits.
func EndpointID(pub ed25519.PublicKey) string {
	return hex.EncodeToString(pub)
}

// ParseEndpointID checks that s is 64 hex digits and returns it lower-cased,
// the form that is signed.
func ParseEndpointID(s string) (string, error) {
	if len(s) != 64 {
		return "", fmt.Errorf("not 64 hex digits")
	}
	if _, err := hex.DecodeString(s); err != nil {
		return "", fmt.Errorf("not 64 hex digits")
	}
	return strings.ToLower(s), nil
}

// decodeHex32 decodes exactly 32 bytes of hex in any case.
func decodeHex32(s string) ([]byte, bool) {
	b, err := hex.DecodeString(s)
	if err != nil || len(b) != 32 {
		return nil, false
	}
	return b, true
}

// KeyFileError is a root key file that cannot be used. Its message is the
// one the commands print after "Error: ".
type KeyFileError struct {
	// Path is the key file path as the user gave it.
	Path string
	// NotFound is set when the file does not exist.
	NotFound bool
	// Detail says what is wrong with an existing file.
	Detail string
}

func (e *KeyFileError) Error() string {
	if e.NotFound {
		return "key file not found: " + e.Path
	}
	return "invalid key file: " + e.Detail
}

// ReadRootKey reads a root key file (a JSON object with "private_key", the
// 64-hex seed, and optionally "public_key", which must match the seed;
// other members are ignored) and returns the private key. Every failure is
// a *KeyFileError.
func ReadRootKey(path string) (ed25519.PrivateKey, error) {
	data, err := inputfile.Read(path, inputfile.Key)
	if err != nil {
		return nil, readError(path, err)
	}
	return parseRootKey(path, data)
}

// readError turns a failed read of a key file into a *KeyFileError.
func readError(path string, err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return &KeyFileError{Path: path, NotFound: true}
	}
	return &KeyFileError{Path: path, Detail: fmt.Sprintf("cannot read %s: %v", path, cause(err))}
}

func parseRootKey(path string, data []byte) (ed25519.PrivateKey, error) {
	v, err := pyjson.Unmarshal(data)
	if err != nil {
		return nil, &KeyFileError{Path: path, Detail: path + " is not JSON"}
	}
	obj, ok := v.(pyjson.Object)
	if !ok {
		return nil, &KeyFileError{Path: path, Detail: path + " is not a JSON object"}
	}
	raw, ok := obj.Get("private_key")
	if !ok {
		return nil, &KeyFileError{Path: path, Detail: `missing "private_key"`}
	}
	s, _ := raw.(string)
	seed, ok := decodeHex32(s)
	if !ok {
		return nil, &KeyFileError{Path: path, Detail: `"private_key" is not 64 hex digits`}
	}
	priv := ed25519.NewKeyFromSeed(seed)
	if raw, ok := obj.Get("public_key"); ok {
		s, _ := raw.(string)
		pub, ok := decodeHex32(s)
		if !ok {
			return nil, &KeyFileError{Path: path, Detail: `"public_key" is not 64 hex digits`}
		}
		if !priv.Public().(ed25519.PublicKey).Equal(ed25519.PublicKey(pub)) {
			return nil, &KeyFileError{Path: path, Detail: `"public_key" does not match "private_key"`}
		}
	}
	return priv, nil
}

// PublicKeyFileError is a public key file that cannot be used.
type PublicKeyFileError struct {
	// Path is the file path as the user gave it.
	Path string
}

func (e *PublicKeyFileError) Error() string { return "invalid public key file: " + e.Path }

// ParsePublicKey reads the text of a public key file: trimmed, a JSON
// object whose "public_key" is taken when it starts with "{", otherwise the
// whole text as hex; either way exactly 32 bytes. It reports whether the
// text was valid.
func ParsePublicKey(text []byte) (ed25519.PublicKey, bool) {
	s := strings.TrimSpace(string(text))
	if strings.HasPrefix(s, "{") {
		v, _ := pyjson.Unmarshal([]byte(s))
		obj, _ := v.(pyjson.Object)
		raw, _ := obj.Get("public_key")
		if s, _ = raw.(string); s == "" {
			return nil, false
		}
	}
	b, ok := decodeHex32(s)
	return ed25519.PublicKey(b), ok
}

// ReadPublicKey reads a public key from path: a root key file (the key is
// derived from its seed) or a public key file (ParsePublicKey). A missing
// file or a broken root key file gives a *KeyFileError, any other unusable
// text a *PublicKeyFileError.
func ReadPublicKey(path string) (ed25519.PublicKey, error) {
	data, err := inputfile.Read(path, inputfile.Key)
	if err != nil {
		return nil, readError(path, err)
	}
	if v, err := pyjson.Unmarshal(data); err == nil {
		if obj, ok := v.(pyjson.Object); ok && hasMember(obj, "private_key") {
			priv, err := parseRootKey(path, data)
			if err != nil {
				return nil, err
			}
			return priv.Public().(ed25519.PublicKey), nil
		}
	}
	pub, ok := ParsePublicKey(data)
	if !ok {
		return nil, &PublicKeyFileError{Path: path}
	}
	return pub, nil
}

// EncodeRootKey returns the bytes of a root key file for priv:
// {"private_key": seed hex, "public_key": public key hex}, two-space
// indented, with a final newline.
func EncodeRootKey(priv ed25519.PrivateKey) []byte {
	return encodeJSONFile(pyjson.Object{
		{Key: "private_key", Value: hex.EncodeToString(priv.Seed())},
		{Key: "public_key", Value: hex.EncodeToString(priv.Public().(ed25519.PublicKey))},
	})
}

// EncodeCompanionPub returns the bytes of the companion ".pub" file that
// keygen writes beside a root key: {"public_key": hex}, two-space indented,
// with a final newline.
func EncodeCompanionPub(pub ed25519.PublicKey) []byte {
	return encodeJSONFile(pyjson.Object{{Key: "public_key", Value: hex.EncodeToString(pub)}})
}

// EncodePublicKeyHex returns the bytes of a plain public key file: 64
// lowercase hex digits and a newline.
func EncodePublicKeyHex(pub ed25519.PublicKey) []byte {
	return []byte(hex.EncodeToString(pub) + "\n")
}

// encodeJSONFile writes obj as Python's json.dumps(obj, indent=2) plus a
// newline. obj holds only strings, integers, null and nested objects, which
// always encode.
func encodeJSONFile(obj pyjson.Object) []byte {
	b, err := pyjson.Marshal(obj, pyjson.Options{Indent: 2, ASCII: true})
	if err != nil {
		panic("trust: " + err.Error())
	}
	return append(b, '\n')
}

// CompanionPath is the path of the ".pub" file beside a key file: the file
// name's part from its last "." (not counting a leading one) is replaced by
// ".pub"; a name without such a dot gets ".pub" appended.
func CompanionPath(path string) string {
	dir, name := path[:len(path)-len(filepath.Base(path))], filepath.Base(path)
	if i := strings.LastIndex(name, "."); i > 0 {
		name = name[:i]
	}
	return dir + name + ".pub"
}

func hasMember(obj pyjson.Object, key string) bool {
	_, ok := obj.Get(key)
	return ok
}
