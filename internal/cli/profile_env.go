package cli

import (
	"github.com/asterkit/aster/internal/keyring"
	"github.com/asterkit/aster/internal/profile"
)

// openProfiles opens the configuration directory, its config.toml and the
// keyring ASTER_KEYRING selects.
func openProfiles(c *Context) (*profile.Env, error) {
	home, err := profile.Home()
	if err != nil {
		return nil, Failf("%v", err)
	}
	profile.WarnIfExposed(home, c.Stderr)
	kr, err := keyring.Open(home, c.Stderr)
	if err != nil {
		return nil, Usagef("%v", err).WithHint("Set ASTER_KEYRING to os (the OS keyring) or file ($ASTER_HOME/keyring), or unset it.")
	}
	cfg, err := profile.Load(profile.ConfigPath(home))
	if err != nil {
		return nil, Failf("%v", err).WithHint("Fix the file, or move it aside to start with no profiles.")
	}
	return &profile.Env{Home: home, Config: cfg, Keyring: kr}, nil
}

// profileNames lists the configured profiles, for shell completion (none
// when the configuration cannot be read).
func profileNames() []string {
	home, err := profile.Home()
	if err != nil {
		return nil
	}
	cfg, err := profile.Load(profile.ConfigPath(home))
	if err != nil {
		return nil
	}
	return cfg.Names()
}
