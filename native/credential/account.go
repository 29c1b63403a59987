package main

import (
	"net"
	"regexp"
	"strconv"
	"strings"
)

// Keychain accounts, built as electron/core/vault/keychain-accounts.ts builds them and only from
// validated parts: `<origin>/<key id>` for a key, `sign-in:<origin>` for the key the app signs in
// with. No name a file holds can reach another namespace.

var tokenNamePattern = regexp.MustCompile(`^[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?$`)

// errAccountPart is keychain-accounts.ts' InvalidAccountPart.
func errAccountPart(message string) error { return &failure{message} }

// isAccountKeyID: `<name>` or `ext/<name>` with a Rancher token name.
func isAccountKeyID(keyID string) bool {
	return tokenNamePattern.MatchString(strings.TrimPrefix(keyID, "ext/"))
}

var (
	hostLabel = regexp.MustCompile(`^[a-z0-9_-]+$`)
	decimal   = regexp.MustCompile(`^(0|[1-9][0-9]*)$`)
	digits    = regexp.MustCompile(`^[0-9]+$`)
	hexNumber = regexp.MustCompile(`^0[xX][0-9a-fA-F]*$`)
)

// isAccountOrigin is `new URL(origin).origin === origin` for the origins a server can have: a bare
// http(s) origin, lower case, default port left out, IPv4 dotted and IPv6 bracketed in canonical
// form. It is stricter than the URL parser (host names of ASCII letters, digits, '-' and '_' only;
// no empty label), except that a punycode label (`xn--…`) is not decoded to check it: such a host
// still cannot leave the `<origin>/` namespace, which is what the check protects.
func isAccountOrigin(origin string) bool {
	var rest string
	var defaultPort string
	switch {
	case strings.HasPrefix(origin, "http://"):
		rest, defaultPort = origin[len("http://"):], "80"
	case strings.HasPrefix(origin, "https://"):
		rest, defaultPort = origin[len("https://"):], "443"
	default:
		return false
	}
	host, port := rest, ""
	if strings.HasPrefix(rest, "[") {
		end := strings.Index(rest, "]")
		if end < 0 {
			return false
		}
		host, port = rest[:end+1], rest[end+1:]
		ip := net.ParseIP(host[1 : len(host)-1])
		if ip == nil || ip.To4() != nil || "["+ip.String()+"]" != host {
			return false
		}
	} else {
		if colon := strings.LastIndex(rest, ":"); colon >= 0 {
			host, port = rest[:colon], rest[colon:]
		}
		if !validHost(host) {
			return false
		}
	}
	if port != "" {
		digits := port[1:]
		if port[0] != ':' || !decimal.MatchString(digits) || digits == defaultPort {
			return false
		}
		n, err := strconv.Atoi(digits)
		if err != nil || n > 65535 {
			return false
		}
	}
	return true
}

func validHost(host string) bool {
	if host == "" {
		return false
	}
	labels := strings.Split(host, ".")
	for _, label := range labels {
		if !hostLabel.MatchString(label) {
			return false
		}
	}
	last := labels[len(labels)-1]
	// A host ending in a number is an IPv4 address to the URL parser: only the canonical dotted form
	// stays itself.
	if digits.MatchString(last) || hexNumber.MatchString(last) {
		if len(labels) != 4 {
			return false
		}
		for _, label := range labels {
			n, err := strconv.Atoi(label)
			if !decimal.MatchString(label) || err != nil || n > 255 {
				return false
			}
		}
	}
	return true
}

// keySecretAccount is where a key's bearer is kept: the sign-in item for the key the app signs in
// with, the key's own item otherwise.
func keySecretAccount(origin string, signInKeyID *string, keyID string) (string, error) {
	if !isAccountOrigin(origin) {
		return "", errAccountPart("a keychain account needs a bare http(s) server origin")
	}
	if signInKeyID != nil && *signInKeyID == keyID {
		return "sign-in:" + origin, nil
	}
	if !isAccountKeyID(keyID) {
		return "", errAccountPart("a keychain account needs a key id in Rancher token-name shape")
	}
	return origin + "/" + keyID, nil
}
