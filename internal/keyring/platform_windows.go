//go:build windows

package keyring

import (
	"errors"
	"syscall"
	"unicode/utf16"

	"github.com/danieljoos/wincred"
	gokeyring "github.com/zalando/go-keyring"
)

// platformGet reads account. go-keyring keeps our entries under the target
// "aster:<account>"; the reference CLI's library used the target "aster"
// (when its user name is the account) or "<account>@aster", with a UTF-16
// secret, so those are searched too.
func platformGet(account string) (string, error) {
	s, err := gokeyring.Get(Service, account)
	if !errors.Is(err, gokeyring.ErrNotFound) {
		return s, err
	}
	cred, err := legacyCredential(account)
	if err != nil {
		return "", err
	}
	return decodeUTF16(cred.CredentialBlob), nil
}

// platformDelete removes account from both places.
func platformDelete(account string) error {
	err := gokeyring.Delete(Service, account)
	if !errors.Is(err, gokeyring.ErrNotFound) {
		return err
	}
	cred, err := legacyCredential(account)
	if err != nil {
		return err
	}
	return cred.Delete()
}

// legacyCredential finds the reference CLI's entry for account.
func legacyCredential(account string) (*wincred.GenericCredential, error) {
	for _, target := range []string{account + "@" + Service, Service} {
		cred, err := wincred.GetGenericCredential(target)
		if errors.Is(err, syscall.ERROR_NOT_FOUND) || errors.Is(err, wincred.ErrElementNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		if target == Service && cred.UserName != account {
			continue
		}
		return cred, nil
	}
	return nil, ErrNotFound
}

// decodeUTF16 reads a little-endian UTF-16 secret.
func decodeUTF16(b []byte) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
	}
	return string(utf16.Decode(u))
}
