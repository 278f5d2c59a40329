//go:build unix

package aster_test

import (
	"bytes"
	"crypto/ed25519"
	"encoding/hex"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/asterkit/aster/internal/identity"
	"github.com/asterkit/aster/internal/keyring"
	"github.com/asterkit/aster/internal/profile"
	"github.com/asterkit/aster/internal/testenv"
	"github.com/asterkit/aster/internal/trust"
)

// killRuns is how many runs of each command are killed at a random moment.
const killRuns = 60

// TestKillLoops kills contract gen, enroll node, profile create and trust
// keygen root with SIGKILL at random moments of their runs. After every
// kill the files they write must be complete and consistent, and after a
// later run that finishes no temporary copy of a secret may be left.
// ASTER_TEST_BINARY names another aster binary to put through the same
// loops (e.g. an older build).
func TestKillLoops(t *testing.T) {
	if testing.Short() {
		t.Skip("kills many processes")
	}
	aster := os.Getenv("ASTER_TEST_BINARY")
	if aster == "" {
		var err error
		if aster, err = exec.LookPath("aster"); err != nil {
			t.Fatal(err)
		}
	}
	t.Run("gen", func(t *testing.T) { killGen(newKiller(t, aster)) })
	t.Run("enroll", func(t *testing.T) { killEnroll(newKiller(t, aster)) })
	t.Run("profile", func(t *testing.T) { killProfileCreate(newKiller(t, aster)) })
	t.Run("keygen", func(t *testing.T) { killKeygen(newKiller(t, aster)) })
}

// killer runs the aster command in a directory of its own.
type killer struct {
	t     *testing.T
	aster string
	dir   string
	env   []string
	rng   *rand.Rand
	kills int
}

func newKiller(t *testing.T, aster string) *killer {
	dir := t.TempDir()
	home := filepath.Join(dir, "home")
	env := append(os.Environ(),
		"HOME="+home, "ASTER_HOME="+filepath.Join(home, ".aster"), "ASTER_KEYRING=file",
		"NO_COLOR=1", "SOURCE_DATE_EPOCH=1767225600", "GIT_DIR="+filepath.Join(dir, "no-repository"),
		"ASTER_PROFILE=")
	return &killer{t: t, aster: aster, dir: dir, env: env, rng: rand.New(rand.NewPCG(1, uint64(time.Now().UnixNano())))}
}

// path is name inside the killer's directory.
func (k *killer) path(name ...string) string {
	return filepath.Join(append([]string{k.dir}, name...)...)
}

func (k *killer) command(args []string) *exec.Cmd {
	cmd := exec.Command(k.aster, args...)
	cmd.Dir, cmd.Env = k.dir, k.env
	return cmd
}

// run runs aster to completion, fails the test if it fails, and returns its
// stdout and how long it took.
func (k *killer) run(args ...string) (string, time.Duration) {
	k.t.Helper()
	start := time.Now()
	out, err := k.command(args).Output()
	if err != nil {
		var stderr []byte
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = ee.Stderr
		}
		k.t.Fatalf("aster %s: %v\n%s", strings.Join(args, " "), err, stderr)
	}
	return string(out), time.Since(start)
}

// interrupt starts aster and kills it with SIGKILL after a random delay of
// up to limit; it reports whether the run finished first.
func (k *killer) interrupt(limit time.Duration, args ...string) bool {
	k.t.Helper()
	cmd := k.command(args)
	if err := cmd.Start(); err != nil {
		k.t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			k.t.Fatalf("aster %s: %v", strings.Join(args, " "), err)
		}
		return true
	case <-time.After(time.Duration(k.rng.Int64N(int64(limit) + 1))):
	}
	// The process may finish just before the signal; either way it is over.
	_ = cmd.Process.Signal(syscall.SIGKILL)
	err := <-done
	if ee, ok := err.(*exec.ExitError); ok && !ee.Exited() {
		k.kills++
		return false
	}
	if err != nil {
		k.t.Fatalf("aster %s: %v", strings.Join(args, " "), err)
	}
	return true
}

// loop interrupts killRuns runs of args(i), each at a random moment within
// the time a full run takes (the median of three, args(-1) to args(-3)),
// and calls check(i, finished) after each.
func (k *killer) loop(args func(i int) []string, check func(i int, finished bool)) {
	k.t.Helper()
	var times []time.Duration
	for i := -1; i >= -3; i-- {
		_, d := k.run(args(i)...)
		times = append(times, d)
	}
	slices.Sort(times)
	full := times[1]
	for i := range killRuns {
		check(i, k.interrupt(full+full/4, args(i)...))
		if k.t.Failed() {
			return
		}
	}
	k.t.Logf("%d of %d runs killed (a full run: %v)", k.kills, killRuns, full)
	if k.kills == 0 {
		k.t.Error("no run was killed")
	}
}

// noTemps fails the test if dir holds a temporary file.
func (k *killer) noTemps(dir string) {
	k.t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			k.t.Errorf("%s left in %s", e.Name(), dir)
		}
	}
}

// killGen: the manifest is always absent or exactly one of the two
// manifests the runs write.
func killGen(k *killer) {
	gen := func(semver, out string) []string {
		return []string{"contract", "gen", "--python-path", filepath.Join(repoRoot(k.t), "examples", "python"),
			"--service", "shop.catalog:CatalogService", "--service", "shop.orders:OrderService",
			"--semver", semver, "--out", out}
	}
	var want [2][]byte
	for i := range want {
		k.run(gen(strconv.Itoa(1+i), k.path("want.json"))...)
		want[i] = readFile(k.t, k.path("want.json"))
	}
	out := k.path("out", "manifest.json")
	k.loop(func(i int) []string { return gen(strconv.Itoa(1+i&1), out) }, func(i int, _ bool) {
		got, err := os.ReadFile(out)
		if err == nil && !bytes.Equal(got, want[0]) && !bytes.Equal(got, want[1]) {
			k.t.Errorf("run %d: the manifest is neither of the two written (%d bytes)", i, len(got))
		}
	})
	k.run(gen("3", out)...)
	k.noTemps(filepath.Dir(out))
}

// killEnroll: the identity file always parses, keeps its first node key
// and holds every peer of the runs that finished, each verifying.
func killEnroll(k *killer) {
	rootKey := k.path("root.key")
	writeFile(k.t, rootKey, readFile(k.t, filepath.Join(testenv.Vectors(k.t), "20_credentials", "keys", "root.key")))
	path := k.path("node", ".aster-identity")
	enroll := func(i int) []string {
		return []string{"enroll", "node", "-r", "consumer", "-n", "peer-" + strconv.Itoa(i+1), "--root-key", rootKey, "-i", path, "-q"}
	}
	var seed []byte
	finished := map[string]bool{}
	k.loop(enroll, func(i int, done bool) {
		if done {
			finished[enroll(i)[5]] = true
		}
		f, err := identity.Read(path)
		if err != nil {
			k.t.Fatalf("run %d: %v", i, err)
		}
		if seed == nil {
			seed = f.Seed
		} else if !bytes.Equal(seed, f.Seed) {
			k.t.Fatalf("run %d: the node key changed", i)
		}
		id := f.Trust()
		present := map[string]bool{}
		for _, p := range id.Peers {
			present[p.Name] = true
			if _, err := id.VerifyPeer(p, trust.VerifyOptions{Now: time.Now()}); err != nil {
				k.t.Errorf("run %d: peer %s: %v", i, p.Name, err)
			}
		}
		for name := range finished {
			if !present[name] {
				k.t.Errorf("run %d: peer %s of a finished run is missing", i, name)
			}
		}
	})
	k.run(enroll(killRuns)...)
	k.noTemps(filepath.Dir(path))
}

// killProfileCreate: config.toml always parses, and every profile in it
// has its root key in the file keyring. A key stored by a run killed before
// config.toml took its new name is adopted when the profile is created
// again.
func killProfileCreate(k *killer) {
	home := k.path("home", ".aster")
	name := func(i int) string { return "p" + strconv.Itoa(i+1) }
	killed := []string{}
	k.loop(func(i int) []string { return []string{"profile", "create", name(i)} }, func(i int, done bool) {
		if !done {
			killed = append(killed, name(i))
		}
		c, err := profile.Load(profile.ConfigPath(home))
		if err != nil {
			k.t.Fatalf("run %d: %v", i, err)
		}
		for _, n := range c.Names() {
			p, _ := c.Get(n)
			if got := keyringPub(k.t, home, n); got == "" || got != p.Get("root_pubkey") {
				k.t.Errorf("run %d: profile %s has root_pubkey %q, its keyring entry %q", i, n, p.Get("root_pubkey"), got)
			}
		}
	})
	c, err := profile.Load(profile.ConfigPath(home))
	if err != nil {
		k.t.Fatal(err)
	}
	for _, n := range killed {
		if _, ok := c.Get(n); ok {
			continue // killed after config.toml had its new name
		}
		orphan := keyringPub(k.t, home, n)
		out, _ := k.run("profile", "create", n)
		if orphan != "" && !strings.Contains(out, "Using the root key already in") {
			k.t.Errorf("profile create %s did not adopt the key of the killed run: %s", n, out)
		}
		if pub := keyringPub(k.t, home, n); pub == "" || !strings.Contains(out, "Root public key: "+pub) {
			k.t.Errorf("profile create %s: %s", n, out)
		}
	}
	k.noTemps(filepath.Join(home, "keyring"))
	k.noTemps(home)
}

// keyringPub is the public key (hex) of profile's entry in the file
// keyring under home, "" when it has none.
func keyringPub(t *testing.T, home, name string) string {
	t.Helper()
	seed, _, err := keyring.New(keyring.NewFileStore(home, nil)).LoadRoot(name)
	if err != nil {
		return ""
	}
	return hex.EncodeToString(ed25519.NewKeyFromSeed(seed).Public().(ed25519.PublicKey))
}

// killKeygen: root.key is always a complete key file; root.pub matches it
// once the key is next used (which completes a .pub left behind between
// the two renames).
func killKeygen(k *killer) {
	path := k.path("keys", "root.key")
	pubPath := trust.CompanionPath(path)
	k.loop(func(int) []string { return []string{"trust", "keygen", "root", "--force", "--out", path} }, func(i int, _ bool) {
		if _, err := os.Lstat(path); err != nil {
			return
		}
		var warn bytes.Buffer
		priv, err := trust.LoadRootKey(path, &warn)
		if err != nil {
			k.t.Fatalf("run %d: %v", i, err)
		}
		pub, err := trust.ReadPublicKey(pubPath)
		if err != nil || !pub.Equal(priv.Public()) {
			k.t.Errorf("run %d: root.pub does not match root.key (%v; %s)", i, err, warn.String())
		}
	})
	k.run("trust", "keygen", "root", "--force", "--out", path)
	k.noTemps(filepath.Dir(path))
}

// repoRoot is the repository's top directory (the test's working directory).
func repoRoot(t *testing.T) string {
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}
