package main

import (
	"regexp"
	"time"
)

// The OS keychain, read only: one item per secret under service and account, as keytar stores it
// (the app writes with keytar; keychain_<os>.go read it back). Messages follow
// electron/core/vault/keychain-errors.ts.

type keychain interface {
	// get reads an item; "" with no error when there is none.
	get(service, account string) (string, *keychainError)
	// status tells a missing item from a keychain that hides it (locked); nil when readable.
	status(service string) *keychainError
}

type keychainError struct {
	locked bool
	raw    string
}

var lockedText = regexp.MustCompile(`(?i)locked collection|is locked|user canceled|user cancelled|interaction is not allowed`)

func keychainFailure(raw string) *keychainError {
	return &keychainError{locked: lockedText.MatchString(raw), raw: raw}
}

var fixes = map[bool]map[string]string{
	true: {
		"linux":   `Unlock your login keyring (open "Passwords and Keys" / Seahorse, or sign out and in again), then retry.`,
		"darwin":  "Unlock your login keychain in Keychain Access, then retry.",
		"windows": "Sign in to Windows again so that Credential Manager is available, then retry.",
		"":        "Unlock your system keychain, then retry.",
	},
	false: {
		"linux":   "Rancher Keys stores secrets in the Secret Service. Install and start GNOME Keyring or KWallet (for example `sudo apt install gnome-keyring`), sign in to a desktop session, then restart Rancher Keys.",
		"darwin":  "Rancher Keys could not reach the macOS Keychain. Restart your Mac session, then retry.",
		"windows": "Rancher Keys could not reach Windows Credential Manager. Restart Windows, then retry.",
		"":        "Rancher Keys needs an OS keychain to store secrets. Install one, then restart the app.",
	},
}

func (k *keychainError) message(goos string) string {
	reason := "The keychain cannot be reached (" + k.raw + ")."
	if k.locked {
		reason = "The keychain is locked (" + k.raw + ")."
	}
	fix, ok := fixes[k.locked][goos]
	if !ok {
		fix = fixes[k.locked][""]
	}
	return reason + " " + fix
}

// readBearer reads the key's bearer; a missing item is told apart from a locked keychain.
func readBearer(p process, service string, srv *server, key *keyEntry) (string, error) {
	account, err := keySecretAccount(srv.origin, srv.signInKeyID, key.id)
	if err != nil {
		return "", err
	}
	bearer, kerr := p.keychain.get(service, account)
	if kerr != nil {
		return "", &cliError{kerr.message(p.goos)}
	}
	if bearer != "" {
		return bearer, nil
	}
	if kerr := p.keychain.status(service); kerr != nil {
		return "", &cliError{kerr.message(p.goos)}
	}
	return "", failf(`The secret of %s is not in the keychain (service "%s"): import the key again in Rancher Keys.`, key.id, service)
}

// keychainTimeout bounds one keychain call: a keychain that never answers must not hang kubectl.
const keychainTimeout = 20 * time.Second

func nowMs() int64 { return time.Now().UnixMilli() }
