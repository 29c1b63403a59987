//go:build darwin

package main

import (
	"bytes"
	"context"
	"errors"
	"os/exec"
	"strings"
)

// The macOS login keychain through /usr/bin/security, as zalando/go-keyring reads it: the generic
// password item keytar writes (SecKeychainAddGenericPassword: service, account). The item's access
// list names the app that created it, so macOS asks once whether this helper may read it ("Always
// Allow" keeps the answer; README).

type systemKeychain struct{}

// errSecItemNotFound, as the exit status of `security`.
const itemNotFound = 44

func (systemKeychain) get(service, account string) (string, *keychainError) {
	ctx, cancel := context.WithTimeout(context.Background(), keychainTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "/usr/bin/security", "find-generic-password", "-s", service, "-a", account, "-w")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) && exit.ExitCode() == itemNotFound {
		return "", nil
	}
	if err != nil {
		raw := strings.TrimSpace(stderr.String())
		if raw == "" {
			raw = err.Error()
		}
		return "", keychainFailure(strings.SplitN(raw, "\n", 2)[0])
	}
	return strings.TrimSuffix(stdout.String(), "\n"), nil
}

// status: `security` reports a locked keychain in get; a missing item is missing.
func (systemKeychain) status(string) *keychainError { return nil }
