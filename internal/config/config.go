// Package config resolves the runtime configuration an Aster node runs with
// (the reference's AsterConfig): defaults, an optional TOML file and the
// ASTER_* environment variables, recording where every value came from.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/pelletier/go-toml/v2"

	"github.com/asterkit/aster/internal/inputfile"
)

// SourceDefault is the source of a value no layer set.
const SourceDefault = "default"

// Config is a resolved configuration. A nil []byte or *string is unset; a
// set value may be empty.
type Config struct {
	// RootPubkey is the trust root's ed25519 public key (ASTER_ROOT_PUBKEY).
	RootPubkey []byte
	// RootPubkeyFile is a file holding the root public key.
	RootPubkeyFile *string
	// EnrollmentCredentialFile is the node's enrollment credential file.
	EnrollmentCredentialFile *string
	// EnrollmentCredentialIID is the cloud instance identity document.
	EnrollmentCredentialIID *string
	// AllowAllConsumers admits consumers without a credential.
	AllowAllConsumers bool
	// AllowAllProducers admits producers without a credential.
	AllowAllProducers bool
	// EndpointAddr is the endpoint a client connects to.
	EndpointAddr *string
	// StoragePath is the storage directory; unset means in memory.
	StoragePath *string
	// SecretKey is the node's 32-byte secret key.
	SecretKey []byte
	// RelayMode selects the relay servers.
	RelayMode *string
	// BindAddr is the local socket address to bind.
	BindAddr *string
	// EnableMonitoring turns on connection monitoring.
	EnableMonitoring bool
	// EnableHooks turns on connection hooks.
	EnableHooks bool
	// HookTimeoutMS bounds a hook's run time, in milliseconds.
	HookTimeoutMS int64
	// ClearIPTransports removes the direct IP transports.
	ClearIPTransports bool
	// ClearRelayTransports removes the relay transports.
	ClearRelayTransports bool
	// PortmapperConfig configures port mapping.
	PortmapperConfig *string
	// ProxyURL is the proxy to connect through.
	ProxyURL *string
	// ProxyFromEnv takes the proxy from the usual proxy variables.
	ProxyFromEnv bool
	// LocalDiscovery turns on local network discovery.
	LocalDiscovery bool
	// LogFormat is the log format, lower-cased.
	LogFormat string
	// LogLevel is the log level, lower-cased.
	LogLevel string
	// LogMask masks secrets in logs.
	LogMask bool
	// IdentityFile is the node's .aster-identity file.
	IdentityFile *string

	// Sources maps a field name (e.g. "secret_key") to where its value
	// came from: "<path> [<section>]" or the environment variable's name.
	// A field that is absent has its default.
	Sources map[string]string
	// Warnings are notes about values that were accepted but look wrong.
	Warnings []Warning

	strict bool // Options.Strict
}

// Warning is a value that was accepted, as the runtime accepts it, but
// looks wrong.
type Warning struct {
	// Msg says what and where, like Error.Msg.
	Msg string
	// Hint says what to do about it.
	Hint string
}

// Error is a configuration file or value that cannot be used.
type Error struct {
	// Msg says what is wrong and where: the variable, or "file [section] key".
	Msg string
	// Hint says what to do about it.
	Hint string
}

func (e *Error) Error() string { return e.Msg }

// Options say where Resolve reads from.
type Options struct {
	// File is the TOML file exactly as the user gave it; "" reads none.
	// A leading "~/" is expanded against Home for opening only.
	File string
	// Home is the user's home directory, used to expand File.
	Home string
	// LookupEnv reads an environment variable, like os.LookupEnv.
	LookupEnv func(name string) (string, bool)
	// Strict makes every value that would give a warning an error.
	Strict bool
}

// Default returns the configuration before any layer is applied.
func Default() *Config {
	return &Config{
		AllowAllProducers: true,
		HookTimeoutMS:     5000,
		LogFormat:         "text",
		LogLevel:          "info",
		LogMask:           true,
		Sources:           map[string]string{},
	}
}

// Resolve applies the TOML file (when Options.File is set) and then the
// environment over the defaults.
func Resolve(o Options) (*Config, error) {
	c := Default()
	c.strict = o.Strict
	if o.File != "" {
		if err := c.applyFile(o.File, o.Home); err != nil {
			return nil, err
		}
	}
	if o.LookupEnv != nil {
		if err := c.applyEnv(o.LookupEnv); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// applyFile reads the TOML layer; values it sets take path's sections as
// their source.
func (c *Config) applyFile(path, home string) error {
	open := path
	if strings.HasPrefix(path, "~/") && home != "" {
		open = filepath.Join(home, path[2:])
	}
	data, err := inputfile.Read(open, inputfile.Config)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return &Error{Msg: fmt.Sprintf("cannot read config file %s: %v", path, err),
			Hint: "Check the path given to --config."}
	}
	doc := map[string]any{}
	if err := toml.Unmarshal(data, &doc); err != nil {
		msg := err.Error()
		var de *toml.DecodeError
		if errors.As(err, &de) {
			line, col := de.Position()
			msg = fmt.Sprintf("line %d, column %d: %s", line, col, strings.TrimPrefix(msg, "toml: "))
		}
		return &Error{Msg: fmt.Sprintf("%s: invalid TOML: %s", path, msg),
			Hint: "Fix the TOML syntax at that position."}
	}
	for _, f := range fields {
		if f.section == "" {
			continue
		}
		sec, ok := doc[f.section]
		if !ok {
			continue
		}
		table, ok := sec.(map[string]any)
		if !ok {
			return &Error{Msg: fmt.Sprintf("%s: [%s] must be a table", path, f.section),
				Hint: fmt.Sprintf("Write a [%s] header followed by its keys.", f.section)}
		}
		raw, ok := table[f.key]
		if !ok {
			continue
		}
		where := fmt.Sprintf("%s [%s] %s", path, f.section, f.key)
		v, err := c.fromTOML(f, raw, where)
		if err != nil {
			return err
		}
		c.set(f, v, fmt.Sprintf("%s [%s]", path, f.section))
	}
	return nil
}

// applyEnv reads the environment layer; a variable that is present wins
// even when empty and is recorded as the source.
func (c *Config) applyEnv(lookup func(string) (string, bool)) error {
	for _, f := range fields {
		raw, ok := lookup(f.env)
		if !ok {
			continue
		}
		v, err := c.fromEnv(f, raw)
		if err != nil {
			return err
		}
		c.set(f, v, f.env)
	}
	return nil
}

// set stores v (typed as f.kind produces it) in the field and records source.
func (c *Config) set(f field, v any, source string) {
	switch p := f.ptr(c).(type) {
	case *[]byte:
		*p = v.([]byte)
	case **string:
		*p = v.(*string)
	case *string:
		*p = v.(string)
	case *bool:
		*p = v.(bool)
	case *int64:
		*p = v.(int64)
	default:
		panic(fmt.Sprintf("config: field %s has an unsupported type %T", f.name, p))
	}
	c.Sources[f.name] = source
}

// warnLength notes bytes that are not 32 long.
func (c *Config) warnLength(where string, b []byte) error {
	if b == nil || len(b) == 32 {
		return nil
	}
	msg := fmt.Sprintf("%s: decoded to %d bytes, expected 32", where, len(b))
	return c.warn(msg, msg, "Give a 32-byte key")
}

// warn records a warning, or under Options.Strict returns the error
// strictMsg; hint (without a final period) says what to do.
func (c *Config) warn(msg, strictMsg, hint string) error {
	if c.strict {
		return &Error{Msg: strictMsg, Hint: hint + "."}
	}
	c.Warnings = append(c.Warnings, Warning{Msg: msg, Hint: hint + "; config show --strict makes this an error."})
	return nil
}
