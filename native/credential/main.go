// Command rancher-keys-credential is the kubectl exec credential plugin of Rancher Keys, in Go.
//
// Why it exists: kubectl runs its credential plugin on every call, so the plugin's start-up is
// paid by every `kubectl get`. The `rancher-keys kubectl-credential` command (TypeScript, shipped
// as a Node single executable) needs ~60 ms just to boot Node, as long as kubectl's whole call
// with a plaintext token; a native binary starts in a few milliseconds, like Rancher's own Go CLI
// plugin (bench/RESULTS.md, "rancher-keys command").
//
// What it does: exactly what `rancher-keys kubectl-credential --server S [--key KEY]` does
// (electron/cli/commands/kubectl-credential.ts), reading the same files the same way: the data
// directory's servers.json and the server's key list (format 1 or 2), the key's stable handle (so a
// kubeconfig survives Renew), the keychain item keytar stored, and KUBERNETES_EXEC_INFO. It prints
// the same ExecCredential and the same one-line errors with the same exit codes;
// test/integration/cli/credential-native-parity.test.ts runs both over the same data and keychain.
// Every file is read bounded and checked against the app's schemas; no secret is ever printed
// anywhere but in the credential on stdout.
//
// Built by scripts/build-native.mjs (Go from `npm run setup`): build/native/rancher-keys-credential.
package main

import "os"

func main() {
	stdout, stderr, code := run(realProcess())
	os.Stdout.WriteString(stdout)
	os.Stderr.WriteString(stderr)
	os.Exit(code)
}
