package main

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"strings"
)

// The two documents kubectl-credential reads, checked as the app's zod schemas check them:
// servers.json (electron/core/servers/server-store.ts) and a server's key list, in format 1 or 2
// (electron/core/keys/key-records.ts, key-cache-format.ts). Only the fields the credential needs are
// kept; every field is still checked, so a file the TypeScript command rejects is rejected here.

type server struct {
	id, origin, name string
	signInKeyID      *string
}

type serversDoc struct {
	activeID *string
	servers  []server
}

type keyRecord struct {
	expiresAt         *string
	expired, enabled  bool
	onServer          bool
	hasSecret         bool
	pendingRevocation bool
	handle            *string
	toolsDefault      bool
}

// keyEntry is one key of a list, in the list's order.
type keyEntry struct {
	id     string
	record keyRecord
}

func parseServers(root any) (*serversDoc, *issue) {
	o, err := asObject(root, nil)
	if err != nil {
		return nil, err
	}
	if v := member(o, "version"); v != 1.0 {
		return nil, fail([]any{"version"}, "Invalid input: expected 1")
	}
	doc := &serversDoc{}
	if doc.activeID, err = asNullableString(member(o, "activeId"), []any{"activeId"}, unbounded); err != nil {
		return nil, err
	}
	list, err := asArray(member(o, "servers"), []any{"servers"}, unbounded)
	if err != nil {
		return nil, err
	}
	for i, item := range list {
		s, err := parseServer(item, []any{"servers", i})
		if err != nil {
			return nil, err
		}
		doc.servers = append(doc.servers, *s)
	}
	return doc, nil
}

func parseServer(v any, path []any) (*server, *issue) {
	o, err := asObject(v, path)
	if err != nil {
		return nil, err
	}
	s := &server{}
	for _, f := range []struct {
		name string
		to   *string
	}{{"id", &s.id}, {"origin", &s.origin}, {"name", &s.name}} {
		if *f.to, err = asString(member(o, f.name), at(path, f.name), 1, unbounded); err != nil {
			return nil, err
		}
	}
	for _, name := range []string{"caPem", "fingerprint256", "anchorPem"} {
		if _, err = asNullableString(member(o, name), at(path, name), unbounded); err != nil {
			return nil, err
		}
	}
	if _, err = asInt(member(o, "timeoutMs"), at(path, "timeoutMs"), 1, 0); err != nil {
		if err.message == "Too small: expected number to be >=1" {
			err.message = "Too small: expected number to be >0"
		}
		return nil, err
	}
	if proxy := member(o, "proxy"); !isUndefined(proxy) {
		if err = checkProxy(proxy, at(path, "proxy")); err != nil {
			return nil, err
		}
	}
	if ca := member(o, "proxyCaPem"); !isUndefined(ca) {
		if _, err = asNullableString(ca, at(path, "proxyCaPem"), unbounded); err != nil {
			return nil, err
		}
	}
	if _, err = asNullableString(member(o, "version"), at(path, "version"), unbounded); err != nil {
		return nil, err
	}
	apis, err := asObject(member(o, "tokenApis"), at(path, "tokenApis"))
	if err != nil {
		return nil, err
	}
	for _, name := range []string{"v3", "ext"} {
		if _, err = asBool(member(apis, name), at(at(path, "tokenApis"), name)); err != nil {
			return nil, err
		}
	}
	if ttl := member(o, "maxTtlMs"); ttl != nil {
		if _, err = asInt(ttl, at(path, "maxTtlMs"), 0, -1); err != nil {
			return nil, err
		}
	}
	if _, err = asBool(member(o, "maxTtlKnown"), at(path, "maxTtlKnown")); err != nil {
		return nil, err
	}
	if signIn := member(o, "signIn"); signIn != nil {
		if s.signInKeyID, err = parseSignIn(signIn, at(path, "signIn")); err != nil {
			return nil, err
		}
	}
	if _, err = asString(member(o, "addedAt"), at(path, "addedAt"), 0, unbounded); err != nil {
		return nil, err
	}
	return s, nil
}

func checkProxy(v any, path []any) *issue {
	o, err := asObject(v, path)
	if err != nil {
		return err
	}
	if _, err = asEnum(member(o, "mode"), at(path, "mode"), "none", "system", "url"); err != nil {
		return err
	}
	if _, err = asNullableString(member(o, "url"), at(path, "url"), 2048); err != nil {
		return err
	}
	if _, err = asNullableString(member(o, "username"), at(path, "username"), 256); err != nil {
		return err
	}
	for _, name := range []string{"hasPassword", "allowPlainHttp"} {
		if _, err = asBool(member(o, name), at(path, name)); err != nil {
			return err
		}
	}
	return nil
}

// parseSignIn checks a server's sign-in record and returns the key it signs in with.
func parseSignIn(v any, path []any) (*string, *issue) {
	o, err := asObject(v, path)
	if err != nil {
		return nil, err
	}
	if _, err = asEnum(member(o, "method"), at(path, "method"), "api_key", "password", "sso"); err != nil {
		return nil, err
	}
	if _, err = asNullableString(member(o, "provider"), at(path, "provider"), unbounded); err != nil {
		return nil, err
	}
	user, err := asObject(member(o, "user"), at(path, "user"))
	if err != nil {
		return nil, err
	}
	for _, name := range []string{"id", "username", "displayName"} {
		if _, err = asString(member(user, name), at(at(path, "user"), name), 0, unbounded); err != nil {
			return nil, err
		}
	}
	keyID, err := asString(member(o, "keyId"), at(path, "keyId"), 0, unbounded)
	if err != nil {
		return nil, err
	}
	if _, err = asNullableString(member(o, "expiresAt"), at(path, "expiresAt"), unbounded); err != nil {
		return nil, err
	}
	if _, err = asBool(member(o, "rejected"), at(path, "rejected")); err != nil {
		return nil, err
	}
	return &keyID, nil
}

var nonSlug = regexp.MustCompile(`[^a-z0-9._-]+`)

// keysDocName is serverKeysDocName(): where a server's key list is kept.
func keysDocName(serverID string) string {
	slug := nonSlug.ReplaceAllString(strings.ToLower(serverID), "-")
	if len(slug) > 40 {
		slug = slug[:40] // ASCII only after the replacement
	}
	sum := sha256.Sum256([]byte(serverID))
	name := "keys-"
	if slug != "" {
		name += slug + "-"
	}
	return name + hex.EncodeToString(sum[:])[:8]
}
