package keyring

import (
	"errors"
	"fmt"
	"time"

	gokeyring "github.com/zalando/go-keyring"
)

// DefaultTimeout bounds every call into the OS keyring.
const DefaultTimeout = 10 * time.Second

// OSStore is the platform keyring through go-keyring: Secret Service on
// Linux and BSD, the login Keychain on macOS, Credential Manager on Windows.
type OSStore struct {
	// Timeout bounds each call; a call that takes longer counts as an
	// unreachable keyring.
	Timeout time.Duration
}

// Get implements Store.
func (s *OSStore) Get(account string) (string, error) {
	var secret string
	err := s.call(func() error {
		var err error
		secret, err = platformGet(account)
		return err
	})
	return secret, err
}

// Set implements Store.
func (s *OSStore) Set(account, secret string) error {
	return s.call(func() error { return gokeyring.Set(Service, account, secret) })
}

// Delete implements Store.
func (s *OSStore) Delete(account string) error {
	return s.call(func() error { return platformDelete(account) })
}

// call runs f with the time-out and maps its errors: ErrNotFound stays,
// anything else makes the keyring unavailable.
func (s *OSStore) call(f func() error) error {
	if err := sessionBus(); err != nil {
		return &UnavailableError{Reason: err.Error()}
	}
	done := make(chan error, 1)
	go func() { done <- f() }()
	select {
	case err := <-done:
		switch {
		case err == nil:
			return nil
		case errors.Is(err, gokeyring.ErrNotFound), errors.Is(err, ErrNotFound):
			return ErrNotFound
		default:
			return &UnavailableError{Reason: err.Error()}
		}
	case <-time.After(s.Timeout):
		return &UnavailableError{Reason: fmt.Sprintf("no answer within %v", s.Timeout)}
	}
}
