//go:build windows

package main

import (
	"syscall"
	"unsafe"
)

// Windows Credential Manager, as keytar reads it: the generic credential whose target is
// `<service>/<account>`, its blob the secret's UTF-8 bytes (keytar_win.cc).

type systemKeychain struct{}

var (
	advapi32  = syscall.NewLazyDLL("advapi32.dll")
	credReadW = advapi32.NewProc("CredReadW")
	credFree  = advapi32.NewProc("CredFree")
)

const (
	credTypeGeneric = 1
	errorNotFound   = syscall.Errno(1168)
)

// winCredential is CREDENTIALW up to the blob.
type winCredential struct {
	Flags              uint32
	Type               uint32
	TargetName         *uint16
	Comment            *uint16
	LastWritten        syscall.Filetime
	CredentialBlobSize uint32
	CredentialBlob     *byte
}

func (systemKeychain) get(service, account string) (string, *keychainError) {
	target, err := syscall.UTF16PtrFromString(service + "/" + account)
	if err != nil {
		return "", nil // a NUL in the name: no such credential can exist
	}
	var cred *winCredential
	ok, _, callErr := credReadW.Call(uintptr(unsafe.Pointer(target)), credTypeGeneric, 0, uintptr(unsafe.Pointer(&cred)))
	if ok == 0 {
		if callErr == errorNotFound {
			return "", nil
		}
		return "", keychainFailure(callErr.Error())
	}
	defer credFree.Call(uintptr(unsafe.Pointer(cred)))
	blob := unsafe.Slice(cred.CredentialBlob, cred.CredentialBlobSize)
	return string(blob), nil
}

func (systemKeychain) status(string) *keychainError { return nil }
