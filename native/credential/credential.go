package main

import (
	"fmt"
	"os"
	"os/user"
	"path/filepath"
	"runtime"
	"strings"
)

// The command itself: electron/cli/commands/kubectl-credential.ts with electron/cli/key-access.ts
// and cli-context.ts, step for step, so both print the same credential and the same one-line errors.

// cliError is an expected failure: one sentence naming the fix (exit 1).
type cliError struct{ message string }

func (c *cliError) Error() string { return c.message }

func failf(format string, args ...any) error { return &cliError{fmt.Sprintf(format, args...)} }

// process is what the command touches of its process (tests pass their own).
type process struct {
	args     []string
	env      func(string) (string, bool)
	nowMs    int64
	keychain keychain
	goos     string
}

const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 64
)

// messageMax is electron/cli/run-command.ts MESSAGE_MAX: messages quote names from files on disk.
const messageMax = 1000

var supportedAPIVersions = map[string]bool{
	"client.authentication.k8s.io/v1":      true,
	"client.authentication.k8s.io/v1beta1": true,
}

// run answers one invocation: what goes to stdout and stderr, and the exit code.
func run(p process) (stdout, stderr string, code int) {
	out, err := credential(p)
	switch e := err.(type) {
	case nil:
		return out, "", exitOK
	case *usageError:
		return "", "rancher-keys: " + printable(e.message, messageMax) + " See rancher-keys kubectl-credential --help.\n", exitUsage
	case *cliError:
		return "", "rancher-keys: " + printable(e.message, messageMax) + "\n", exitFailure
	default:
		first := strings.SplitN(err.Error(), "\n", 2)[0]
		return "", "rancher-keys: " + printable(first, 300) + "\n", exitFailure
	}
}

func credential(p process) (string, error) {
	given, err := parseArgs(p.args)
	if err != nil {
		return "", err
	}
	if _, ok := given["help"]; ok {
		return helpText(), nil
	}
	dataDir, named := given["data-dir"]
	if !named {
		dataDir, named = p.env("RANCHER_KEYS_DATA_DIR")
	}
	if !named {
		dataDir = defaultDataDir(p)
	}
	service, ok := given["keychain-service"]
	if !ok {
		if service, ok = p.env("RANCHER_KEYS_KEYCHAIN_SERVICE"); !ok {
			service = "rancher-keys"
		}
	}
	serverRef, ok := given["server"]
	if !ok {
		return "", &usageError{"kubectl-credential needs --server."}
	}
	execInfo, _ := p.env("KUBERNETES_EXEC_INFO")
	apiVersion, err := requestedAPIVersion(execInfo)
	if err != nil {
		return "", err
	}
	keyRef, hasKey := given["key"]
	srv, key, err := pickKey(dataDir, serverRef, keyRef, hasKey)
	if err != nil {
		return "", err
	}
	if err := assertUsable(srv, key, p.nowMs); err != nil {
		return "", err
	}
	bearer, err := readBearer(p, service, srv, key)
	if err != nil {
		return "", err
	}
	status := `{"token":` + jsonQuote(bearer)
	if key.record.expiresAt != nil && *key.record.expiresAt != "" {
		if ms, ok := jsDateParse(*key.record.expiresAt); ok {
			iso := jsISOString(ms)
			status += `,"expirationTimestamp":` + jsonQuote(iso[:len(iso)-5]+"Z")
		}
	}
	return `{"apiVersion":` + jsonQuote(apiVersion) + `,"kind":"ExecCredential","spec":{},"status":` + status + "}}\n", nil
}

// requestedAPIVersion is the apiVersion kubectl asks for in KUBERNETES_EXEC_INFO (v1 when it says
// nothing).
func requestedAPIVersion(raw string) (string, error) {
	if jsTrim(raw) == "" {
		return "client.authentication.k8s.io/v1", nil
	}
	bad := failf("KUBERNETES_EXEC_INFO is not the JSON kubectl sends; run this through kubectl.")
	if utf16Len(raw) > 64*1024 {
		return "", bad
	}
	value, err := parseJSON([]byte(raw))
	if err != nil {
		return "", bad
	}
	o, ok := value.(*jsObject)
	if !ok {
		return "", bad
	}
	version, problem := asString(member(o, "apiVersion"), nil, 0, 200)
	if problem != nil {
		return "", bad
	}
	if !supportedAPIVersions[version] {
		return "", failf("kubectl asked for %s; rancher-keys answers client.authentication.k8s.io/v1 and v1beta1 (set apiVersion in the kubeconfig's exec entry to one of them).", printable(version, 80))
	}
	return version, nil
}

// defaultDataDir is electron/core/data-dir.ts: where Electron keeps the app's data.
func defaultDataDir(p process) string {
	home := homeDir(p)
	switch p.goos {
	case "darwin":
		return filepath.Join(home, "Library", "Application Support", "Rancher Keys")
	case "windows":
		appData, ok := p.env("APPDATA")
		if !ok {
			appData = filepath.Join(home, "AppData", "Roaming")
		}
		return filepath.Join(appData, "Rancher Keys")
	}
	config, ok := p.env("XDG_CONFIG_HOME")
	if !ok || !filepath.IsAbs(config) {
		config = filepath.Join(home, ".config")
	}
	return filepath.Join(config, "Rancher Keys")
}

// homeDir is Node's os.homedir(): $HOME (USERPROFILE on Windows), else the account's home.
func homeDir(p process) string {
	name := "HOME"
	if p.goos == "windows" {
		name = "USERPROFILE"
	}
	if home, ok := p.env(name); ok && home != "" {
		return home
	}
	if u, err := user.Current(); err == nil {
		return u.HomeDir
	}
	return ""
}

func realProcess() process {
	return process{
		args:     os.Args[1:],
		env:      os.LookupEnv,
		nowMs:    nowMs(),
		keychain: systemKeychain{},
		goos:     runtime.GOOS,
	}
}
