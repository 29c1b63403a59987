package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// Reading the app's data directory as the TypeScript command's read-only metadata store does
// (electron/core/vault/metadata-store.ts): a missing file is an empty document; a file that is too
// large, not JSON or not the expected shape is reported as damaged, naming the fix. Reads are
// bounded: nothing larger than the limit is read into memory, whatever stat says.

// serversMaxBytes bounds servers.json (the app never writes one near this size).
const serversMaxBytes = 128 * 1024 * 1024

// failure is an error printed as the TypeScript command prints an unexpected one: its first line,
// at most 300 characters, control characters as '?'.
type failure struct{ message string }

func (f *failure) Error() string { return f.message }

func damaged(dir, file, reason string) error {
	return &failure{fmt.Sprintf("%s in %s is damaged (%s). Start Rancher Keys once: it sets the file aside and reports it.",
		filepath.Base(file), dir, reason)}
}

// readDocument reads `<dir>/<name>.json` as JSON; found is false when there is no such file.
func readDocument(dir, name string, maxBytes int64) (value any, found bool, err error) {
	file := filepath.Join(dir, name+".json")
	info, err := os.Stat(file)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) && !errors.Is(err, syscall.ENOTDIR) {
			return nil, false, nil
		}
		return nil, false, nodeError(err, "open", file)
	}
	if !info.Mode().IsRegular() && !info.IsDir() {
		// A FIFO or a device would block or never end: refused, where Node would read it.
		return nil, false, damaged(dir, file, "it is not a regular file")
	}
	if info.Size() > maxBytes {
		return nil, false, damaged(dir, file, tooLarge(maxBytes))
	}
	f, err := os.Open(file)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, false, nil
		}
		return nil, false, nodeError(err, "open", file)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxBytes+1))
	if err != nil {
		return nil, false, nodeError(err, "read", "")
	}
	if int64(len(data)) > maxBytes {
		return nil, false, damaged(dir, file, tooLarge(maxBytes))
	}
	value, err = parseJSON(data)
	if err != nil {
		return nil, false, damaged(dir, file, "not valid JSON")
	}
	return value, true, nil
}

func tooLarge(maxBytes int64) string {
	return fmt.Sprintf("it is larger than %d MiB, more than Rancher Keys ever writes there", maxBytes>>20)
}

// unexpected is the damage report for content of the wrong shape.
func unexpected(dir, name string, problem *issue) error {
	return damaged(dir, filepath.Join(dir, name+".json"),
		fmt.Sprintf("unexpected content at %s: %s", problem.where(), problem.message))
}

// Node's words for the errors a read can meet (libuv's), so both commands say the same.
var nodeErrors = map[syscall.Errno][2]string{
	syscall.EACCES:  {"EACCES", "permission denied"},
	syscall.EPERM:   {"EPERM", "operation not permitted"},
	syscall.EISDIR:  {"EISDIR", "illegal operation on a directory"},
	syscall.ENOTDIR: {"ENOTDIR", "not a directory"},
	syscall.ELOOP:   {"ELOOP", "too many symbolic links encountered"},
	syscall.EIO:     {"EIO", "i/o error"},
}

// nodeError words a failed open or read as Node does: `EACCES: permission denied, open '<file>'`.
func nodeError(err error, syscallName, file string) error {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		if words, ok := nodeErrors[errno]; ok {
			if file == "" {
				return &failure{fmt.Sprintf("%s: %s, %s", words[0], words[1], syscallName)}
			}
			return &failure{fmt.Sprintf("%s: %s, %s '%s'", words[0], words[1], syscallName, file)}
		}
	}
	return &failure{err.Error()}
}
