//go:build linux

package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"

	"github.com/godbus/dbus/v5"
)

// The Secret Service over D-Bus, as keytar reads it through libsecret: items of any collection
// whose attributes are `service`, `account` and `xdg:schema` org.freedesktop.Secret.Generic, the
// secret fetched in a "plain" session (the bytes never leave this process but on stdout).
// Unlike libsecret it never asks to unlock: a locked item or default collection is reported as
// locked, naming the fix, so a headless kubectl never waits on a prompt.

type systemKeychain struct{}

const (
	secretsName   = "org.freedesktop.secrets"
	secretsPath   = dbus.ObjectPath("/org/freedesktop/secrets")
	serviceIface  = "org.freedesktop.Secret.Service"
	genericSchema = "org.freedesktop.Secret.Generic"
)

// connect opens a private connection to the session bus; it never starts a bus (no autolaunch).
func connect(ctx context.Context) (*dbus.Conn, *keychainError) {
	address := os.Getenv("DBUS_SESSION_BUS_ADDRESS")
	if address == "" || address == "autolaunch:" {
		runtimeDir := os.Getenv("XDG_RUNTIME_DIR")
		bus := filepath.Join(runtimeDir, "bus")
		if info, err := os.Stat(bus); runtimeDir == "" || err != nil || info.Mode()&os.ModeSocket == 0 {
			return nil, keychainFailure("no D-Bus session: DBUS_SESSION_BUS_ADDRESS is not set")
		}
		address = "unix:path=" + bus
	}
	conn, err := dbus.Connect(address, dbus.WithContext(ctx))
	if err != nil {
		return nil, keychainFailure(err.Error())
	}
	return conn, nil
}

func dbusFailure(err error) *keychainError {
	if e, ok := err.(dbus.Error); ok && e.Name == "org.freedesktop.DBus.Error.ServiceUnknown" {
		return keychainFailure("The name org.freedesktop.secrets was not provided by any .service files")
	}
	return keychainFailure(strings.SplitN(err.Error(), "\n", 2)[0])
}

func (systemKeychain) get(service, account string) (string, *keychainError) {
	ctx, cancel := context.WithTimeout(context.Background(), keychainTimeout)
	defer cancel()
	conn, kerr := connect(ctx)
	if kerr != nil {
		return "", kerr
	}
	defer conn.Close()
	secrets := conn.Object(secretsName, secretsPath)
	attributes := map[string]string{"service": service, "account": account, "xdg:schema": genericSchema}
	var unlocked, locked []dbus.ObjectPath
	if err := secrets.CallWithContext(ctx, serviceIface+".SearchItems", 0, attributes).Store(&unlocked, &locked); err != nil {
		return "", dbusFailure(err)
	}
	if len(unlocked) == 0 {
		if len(locked) > 0 {
			return "", keychainFailure("the item is in a locked collection")
		}
		return "", nil
	}
	var ignored dbus.Variant
	var session dbus.ObjectPath
	if err := secrets.CallWithContext(ctx, serviceIface+".OpenSession", 0, "plain", dbus.MakeVariant("")).Store(&ignored, &session); err != nil {
		return "", dbusFailure(err)
	}
	defer conn.Object(secretsName, session).CallWithContext(ctx, "org.freedesktop.Secret.Session.Close", 0)
	var secret struct {
		Session     dbus.ObjectPath
		Parameters  []byte
		Value       []byte
		ContentType string
	}
	item := conn.Object(secretsName, unlocked[0])
	if err := item.CallWithContext(ctx, "org.freedesktop.Secret.Item.GetSecret", 0, session).Store(&secret); err != nil {
		return "", dbusFailure(err)
	}
	return string(secret.Value), nil
}

// status reports the default collection (where keytar stores items) locked, or the service absent.
func (systemKeychain) status(string) *keychainError {
	ctx, cancel := context.WithTimeout(context.Background(), keychainTimeout)
	defer cancel()
	conn, kerr := connect(ctx)
	if kerr != nil {
		return kerr
	}
	defer conn.Close()
	var collection dbus.ObjectPath
	err := conn.Object(secretsName, secretsPath).CallWithContext(ctx, serviceIface+".ReadAlias", 0, "default").Store(&collection)
	if err != nil {
		return dbusFailure(err)
	}
	if collection == "/" {
		return nil // no default collection yet: nothing is stored, nothing is locked
	}
	locked, err := conn.Object(secretsName, collection).GetProperty("org.freedesktop.Secret.Collection.Locked")
	if err != nil {
		return dbusFailure(err)
	}
	if value, ok := locked.Value().(bool); ok && value {
		return keychainFailure("the default collection is locked")
	}
	return nil
}
