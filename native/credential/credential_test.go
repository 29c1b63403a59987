package main

import (
	"strings"
	"testing"
)

// Unit tests of the JavaScript-compatible pieces; the whole command is compared with the
// TypeScript one in test/integration/cli/credential-native-parity.test.ts.

func TestJsDateParse(t *testing.T) {
	for _, c := range []struct {
		in   string
		want string // toISOString, or "" for NaN
	}{
		{"2026-12-07T14:05:00Z", "2026-12-07T14:05:00.000Z"},
		{"2026-12-07T14:05:00.123456Z", "2026-12-07T14:05:00.123Z"},
		{"2026-12-07T14:05:00+02:00", "2026-12-07T12:05:00.000Z"},
		{"2026-12-07", "2026-12-07T00:00:00.000Z"},
		{"+010000-01-01T00:00:00Z", "+010000-01-01T00:00:00.000Z"},
		{"2026-02-30T00:00:00Z", ""},
		{"2026-12-07T25:00:00Z", ""},
		{"-000000-01-01T00:00:00Z", ""},
		{"soon", ""},
		{"", ""},
	} {
		ms, ok := jsDateParse(c.in)
		got := ""
		if ok {
			got = jsISOString(ms)
		}
		if got != c.want {
			t.Errorf("jsDateParse(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestIsAccountOrigin(t *testing.T) {
	good := []string{"https://rancher.example.com", "http://127.0.0.1:8080", "https://[::1]:8443", "https://a_b.example"}
	bad := []string{
		"https://Rancher.example.com", "https://rancher.example.com/", "https://rancher.example.com:443",
		"http://rancher.example.com:80", "https://127.1", "https://0x7f.0.0.1", "https://[0:0::1]", "ftp://x",
		"https://x:08080", "https://x:65536", "https://", "https://a..b", "sign-in:https://x", "https://a b",
	}
	for _, o := range good {
		if !isAccountOrigin(o) {
			t.Errorf("%q should be an origin", o)
		}
	}
	for _, o := range bad {
		if isAccountOrigin(o) {
			t.Errorf("%q should not be an origin", o)
		}
	}
}

func TestKeySecretAccountNamespaces(t *testing.T) {
	signIn := "token-sign5"
	if a, _ := keySecretAccount("https://r.example", &signIn, "token-sign5"); a != "sign-in:https://r.example" {
		t.Errorf("sign-in account: %q", a)
	}
	for _, id := range []string{"@login", "../x", "Token", "ext/", "token/x", ""} {
		if _, err := keySecretAccount("https://r.example", nil, id); err == nil {
			t.Errorf("key id %q must not make an account", id)
		}
	}
}

func TestPrintableAndTrim(t *testing.T) {
	if got := printable("a\x07b\u0085c", 80); got != "a?b?c" {
		t.Errorf("printable: %q", got)
	}
	if got := printable(strings.Repeat("é", 81), 80); got != strings.Repeat("é", 80)+"…" {
		t.Errorf("printable cut: %q", got)
	}
	if got := jsTrim("\ufeff\u00a0 x \u2028"); got != "x" {
		t.Errorf("jsTrim: %q", got)
	}
	if got := jsTrim("\u0085x"); got != "\u0085x" {
		t.Errorf("jsTrim must keep U+0085 as JavaScript does: %q", got)
	}
}

func TestJSONObjectsKeepJavaScriptOrder(t *testing.T) {
	v, err := parseJSON([]byte(`{"b":1,"10":2,"a":3,"2":4,"b":5,"01":6}`))
	if err != nil {
		t.Fatal(err)
	}
	o := v.(*jsObject)
	if got := strings.Join(o.keys, ","); got != "2,10,b,a,01" {
		t.Errorf("order: %s", got)
	}
	if o.values["b"] != 5.0 {
		t.Errorf("a repeated name takes the last value: %v", o.values["b"])
	}
	for _, bad := range []string{`{"a":1} {}`, "\ufeff{}", `{"a":1,}`, `[1,]`, `{'a':1}`, ``} {
		if _, err := parseJSON([]byte(bad)); err == nil {
			t.Errorf("%q should not parse", bad)
		}
	}
}

func TestJSONQuoteIsJSONStringify(t *testing.T) {
	if got := jsonQuote("a\"\\\n\x01<>&\u2028"); got != `"a\"\\\n\u0001<>&`+"\u2028"+`"` {
		t.Errorf("jsonQuote: %s", got)
	}
}

func TestKeysDocName(t *testing.T) {
	// serverKeysDocName('srv-1') in electron/core/keys/key-records.ts.
	if got := keysDocName("srv-1"); got != "keys-srv-1-ce956e9f" {
		t.Errorf("keysDocName: %s", got)
	}
	if got := keysDocName("ÄÖ"); !strings.HasPrefix(got, "keys--") {
		t.Errorf("keysDocName of non-ASCII: %s", got)
	}
}

func TestArgs(t *testing.T) {
	given, err := parseArgs([]string{"--server=a", "--key", "-", "--server", "b", "-h"})
	if err != nil || given["server"] != "b" || given["key"] != "-" {
		t.Errorf("parseArgs: %v %v", given, err)
	}
	if _, err := parseArgs([]string{"--key", "--server"}); err == nil || err.Error() != "--key needs a value (KEY)." {
		t.Errorf("missing value: %v", err)
	}
}
