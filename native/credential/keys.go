package main

import "strings"

// Finding the key a kubeconfig names and checking it can authenticate (electron/cli/key-access.ts,
// cli-context.ts, electron/core/keys/key-handle.ts, key-view.ts).

func readServers(dataDir string) (*serversDoc, error) {
	root, found, err := readDocument(dataDir, "servers", serversMaxBytes)
	if err != nil {
		return nil, err
	}
	if !found {
		return &serversDoc{}, nil
	}
	doc, problem := parseServers(root)
	if problem != nil {
		return nil, unexpected(dataDir, "servers", problem)
	}
	return doc, nil
}

func readKeys(dataDir string, srv *server) ([]keyEntry, error) {
	name := keysDocName(srv.id)
	root, found, err := readDocument(dataDir, name, keysFileMaxBytes)
	if err != nil || !found {
		return nil, err
	}
	keys, problem := parseKeysFile(root)
	if problem != nil {
		return nil, unexpected(dataDir, name, problem)
	}
	return keys, nil
}

func serverNames(servers []server) string {
	names := make([]string, len(servers))
	for i, s := range servers {
		names[i] = s.name
	}
	return strings.Join(names, ", ")
}

// findServer: by id, then name (any case), then address (with or without https://).
func findServer(servers []server, ref string) *server {
	lower := strings.ToLower(jsTrim(ref))
	for i := range servers {
		if servers[i].id == ref {
			return &servers[i]
		}
	}
	for i := range servers {
		if strings.ToLower(servers[i].name) == lower {
			return &servers[i]
		}
	}
	comparable := strings.TrimRight(lower, "/")
	if !strings.Contains(comparable, "://") {
		comparable = "https://" + comparable
	}
	for i := range servers {
		if strings.ToLower(servers[i].origin) == comparable {
			return &servers[i]
		}
	}
	return nil
}

// pickKey is the key `--key` names (its name, or the name it had before a Renew: its handle), or
// the server's default key for tools.
func pickKey(dataDir, serverRef, keyRef string, hasKey bool) (*server, *keyEntry, error) {
	doc, err := readServers(dataDir)
	if err != nil {
		return nil, nil, err
	}
	if len(doc.servers) == 0 {
		return nil, nil, failf("Rancher Keys has no servers in %s: add one in the app first (or point --data-dir at its data directory).", dataDir)
	}
	srv := findServer(doc.servers, serverRef)
	if srv == nil {
		return nil, nil, failf(`There is no server "%s" in Rancher Keys (servers: %s).`, printable(serverRef, 80), serverNames(doc.servers))
	}
	keys, err := readKeys(dataDir, srv)
	if err != nil {
		return nil, nil, err
	}
	var found *keyEntry
	if !hasKey {
		for i := range keys {
			if keys[i].record.toolsDefault {
				found = &keys[i]
				break
			}
		}
	} else {
		found = resolveKeyRef(keys, jsTrim(keyRef))
	}
	if found == nil {
		if !hasKey {
			return nil, nil, failf(`%s has no default key for tools: mark one in Rancher Keys (key menu → "Use as default for tools"), or name a key (rancher-keys list --server "%s").`, srv.name, srv.name)
		}
		return nil, nil, failf(`There is no key "%s" on %s in Rancher Keys: see rancher-keys list --server "%s".`, printable(keyRef, 80), srv.name, srv.name)
	}
	return srv, found, nil
}

// resolveKeyRef: a key whose handle is ref (a renewal carrying an older name) wins over the key
// whose access key is ref.
func resolveKeyRef(keys []keyEntry, ref string) *keyEntry {
	for i := range keys {
		if h := keys[i].record.handle; h != nil && *h == ref {
			return &keys[i]
		}
	}
	for i := range keys {
		if keys[i].id == ref {
			return &keys[i]
		}
	}
	return nil
}

// assertUsable fails, with the fix, unless the key can authenticate as far as Rancher Keys knows.
func assertUsable(srv *server, key *keyEntry, now int64) error {
	r := key.record
	expiresAt, hasExpiry := int64(0), false
	if r.expiresAt != nil && *r.expiresAt != "" {
		expiresAt, hasExpiry = jsDateParse(*r.expiresAt)
	}
	pastExpiry := hasExpiry && expiresAt <= now
	id := key.id
	switch {
	case r.pendingRevocation:
		return failf("%s was deleted in Rancher Keys: create a new key there (or mark another one as the default for tools).", id)
	case !r.onServer && !(pastExpiry || r.expired):
		return failf("%s is no longer on %s (it was revoked or deleted there): renew it in Rancher Keys, or create a new key.", id, srv.name)
	case pastExpiry || r.expired:
		on := ""
		if hasExpiry {
			on = " on " + formatInstant(expiresAt)
		}
		return failf("%s on %s expired%s: renew %s in Rancher Keys.", id, srv.name, on, id)
	case !r.enabled:
		return failf("%s is disabled on %s: enable it in Rancher Keys.", id, srv.name)
	}
	if !r.hasSecret && (srv.signInKeyID == nil || *srv.signInKeyID != id) {
		return failf("Rancher Keys does not hold the secret of %s (it was created elsewhere): import it in Rancher Keys, or use another key.", id)
	}
	return nil
}

// formatInstant: `2026-12-07 14:05 UTC`.
func formatInstant(ms int64) string {
	iso := []rune(jsISOString(ms))
	if len(iso) > 16 {
		iso = iso[:16]
	}
	return strings.Replace(string(iso), "T", " ", 1) + " UTC"
}
