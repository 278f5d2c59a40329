//go:build !windows

package keyring

import gokeyring "github.com/zalando/go-keyring"

// platformGet reads account; entries of the reference CLI are found the
// same way as ours (Secret Service attributes, Keychain service+account).
func platformGet(account string) (string, error) {
	return gokeyring.Get(Service, account)
}

// platformDelete removes account.
func platformDelete(account string) error {
	return gokeyring.Delete(Service, account)
}
