//go:build !linux && !darwin && !windows

package main

// No keychain this helper knows: every read says so (the Node command covers other systems).

type systemKeychain struct{}

func (systemKeychain) get(string, string) (string, *keychainError) {
	return "", keychainFailure("no supported keychain on this system")
}

func (systemKeychain) status(string) *keychainError {
	return keychainFailure("no supported keychain on this system")
}
