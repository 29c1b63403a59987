package main

import (
	"fmt"
	"math"
	"strings"
)

// A server's key list in either format (electron/core/keys/key-cache-format.ts): format 1 keeps one
// object per key under its access key; format 2 one row per key, ids by index, instants as epoch
// seconds, booleans as bit flags.

const (
	keysFileMaxBytes = 128 * 1024 * 1024
	keysFileMaxRows  = 300_000
	maxEpochSeconds  = 253_402_300_799
	maxNameLength    = 253
	limitShort       = 64
	limitText        = 1024
	handleMaxLength  = 300
)

// The bits of a format 2 row's flags.
const (
	flagExt               = 1
	flagKindShift         = 1
	flagEnabled           = 8
	flagExpired           = 16
	flagOnServer          = 32
	flagHasSecret         = 64
	flagPendingRevocation = 128
	flagToolsDefault      = 256
	maxFlags              = 511
)

func parseKeysFile(root any) ([]keyEntry, *issue) {
	o, ok := root.(*jsObject)
	if !ok {
		return nil, expected(nil, "object", root)
	}
	switch member(o, "version") {
	case 1.0:
		return parseKeysV1(o)
	case 2.0:
		return parseKeysV2(o)
	}
	return nil, fail([]any{"version"}, "Invalid discriminator value. Expected '1' | '2'")
}

func parseKeysV1(o *jsObject) ([]keyEntry, *issue) {
	if _, err := asNullableString(member(o, "refreshedAt"), []any{"refreshedAt"}, unbounded); err != nil {
		return nil, err
	}
	keys, ok := member(o, "keys").(*jsObject)
	if !ok {
		return nil, expected([]any{"keys"}, "record", member(o, "keys"))
	}
	entries := make([]keyEntry, 0, len(keys.keys))
	for _, id := range keys.keys {
		record, err := parseKeyRecord(keys.values[id], []any{"keys", id})
		if err != nil {
			return nil, err
		}
		entries = append(entries, keyEntry{id: id, record: *record})
	}
	return entries, nil
}

// parseKeyRecord checks one format 1 record (keyRecordSchema), defaults included.
func parseKeyRecord(v any, path []any) (*keyRecord, *issue) {
	o, err := asObject(v, path)
	if err != nil {
		return nil, err
	}
	r := &keyRecord{}
	tokenPath := at(path, "token")
	token, err := asObject(member(o, "token"), tokenPath)
	if err != nil {
		return nil, err
	}
	if _, err = asEnum(member(token, "family"), at(tokenPath, "family"), "v3", "ext"); err != nil {
		return nil, err
	}
	if _, err = asString(member(token, "name"), at(tokenPath, "name"), 0, unbounded); err != nil {
		return nil, err
	}
	if _, err = asEnum(member(token, "kind"), at(tokenPath, "kind"), "api_key", "session", "kubeconfig", "system"); err != nil {
		return nil, err
	}
	for _, name := range []string{"description", "userId"} {
		if _, err = asString(member(token, name), at(tokenPath, name), 0, unbounded); err != nil {
			return nil, err
		}
	}
	for _, name := range []string{"clusterId", "createdAt", "lastUsedAt", "expiresAt"} {
		s, err := asNullableString(member(token, name), at(tokenPath, name), unbounded)
		if err != nil {
			return nil, err
		}
		if name == "expiresAt" {
			r.expiresAt = s
		}
	}
	if ttl := member(token, "ttlMs"); ttl != nil {
		if _, err = asNumber(ttl, at(tokenPath, "ttlMs")); err != nil {
			return nil, err
		}
	}
	if r.enabled, err = asBool(member(token, "enabled"), at(tokenPath, "enabled")); err != nil {
		return nil, err
	}
	if r.expired, err = asBool(member(token, "expired"), at(tokenPath, "expired")); err != nil {
		return nil, err
	}
	if r.onServer, err = asBool(member(o, "onServer"), at(path, "onServer")); err != nil {
		return nil, err
	}
	if r.hasSecret, err = defaultBool(o, "hasSecret", path); err != nil {
		return nil, err
	}
	if err = defaultNullableString(o, "preview", path, unbounded, nil); err != nil {
		return nil, err
	}
	if labels := member(o, "labels"); !isUndefined(labels) {
		list, err := asArray(labels, at(path, "labels"), unbounded)
		if err != nil {
			return nil, err
		}
		for i, label := range list {
			if _, err = asString(label, at(at(path, "labels"), i), 0, unbounded); err != nil {
				return nil, err
			}
		}
	}
	if err = defaultNullableString(o, "snoozedUntil", path, unbounded, nil); err != nil {
		return nil, err
	}
	if r.pendingRevocation, err = defaultBool(o, "pendingRevocation", path); err != nil {
		return nil, err
	}
	if err = defaultNullableString(o, "revokeAt", path, unbounded, nil); err != nil {
		return nil, err
	}
	if err = defaultNullableString(o, "handle", path, handleMaxLength, &r.handle); err != nil {
		return nil, err
	}
	if r.toolsDefault, err = defaultBool(o, "toolsDefault", path); err != nil {
		return nil, err
	}
	return r, nil
}

func defaultBool(o *jsObject, name string, path []any) (bool, *issue) {
	v := member(o, name)
	if isUndefined(v) {
		return false, nil
	}
	return asBool(v, at(path, name))
}

func defaultNullableString(o *jsObject, name string, path []any, max int, to **string) *issue {
	v := member(o, name)
	if isUndefined(v) {
		return nil
	}
	s, err := asNullableString(v, at(path, name), max)
	if err == nil && to != nil {
		*to = s
	}
	return err
}

func parseKeysV2(o *jsObject) ([]keyEntry, *issue) {
	if _, err := asNullableString(member(o, "refreshedAt"), []any{"refreshedAt"}, limitShort); err != nil {
		return nil, err
	}
	lists := map[string][]string{}
	for _, name := range []string{"users", "clusters"} {
		list, err := asArray(member(o, name), []any{name}, keysFileMaxRows)
		if err != nil {
			return nil, err
		}
		for i, item := range list {
			s, err := asString(item, []any{name, i}, 0, maxNameLength)
			if err != nil {
				return nil, err
			}
			lists[name] = append(lists[name], s)
		}
	}
	rows, err := asArray(member(o, "keys"), []any{"keys"}, keysFileMaxRows)
	if err != nil {
		return nil, err
	}
	parsed := make([]*row, 0, len(rows))
	for i, item := range rows {
		row, err := parseRow(item, []any{"keys", i})
		if err != nil {
			return nil, err
		}
		parsed = append(parsed, row)
	}
	// The transform runs once every row has passed (zod checks the whole shape first).
	entries := make([]keyEntry, 0, len(parsed))
	seen := map[string]bool{}
	for i, row := range parsed {
		if row.user >= len(lists["users"]) || (row.cluster >= 0 && row.cluster >= len(lists["clusters"])) {
			return nil, fail([]any{"keys", i}, "refers to a user or cluster that is not listed")
		}
		id := row.name
		if row.flags&flagExt != 0 {
			id = "ext/" + row.name
		}
		if seen[id] {
			return nil, fail([]any{"keys", i}, "lists %s twice", id)
		}
		seen[id] = true
		entries = append(entries, keyEntry{id: id, record: keyRecord{
			expiresAt:         row.expiresAt,
			enabled:           row.flags&flagEnabled != 0,
			expired:           row.flags&flagExpired != 0,
			onServer:          row.flags&flagOnServer != 0,
			hasSecret:         row.flags&flagHasSecret != 0,
			pendingRevocation: row.flags&flagPendingRevocation != 0,
			handle:            row.handle,
			toolsDefault:      row.flags&flagToolsDefault != 0,
		}})
	}
	return entries, nil
}

type row struct {
	name      string
	flags     int
	user      int
	cluster   int
	expiresAt *string
	handle    *string
}

// parseRow checks one format 2 row: name, flags, description, user, cluster, created, last used,
// expires, ttl, and the optional object of the app's own facts.
func parseRow(v any, path []any) (*row, *issue) {
	cells, ok := v.([]any)
	if !ok {
		return nil, expected(path, "tuple", v)
	}
	if len(cells) > 10 {
		return nil, fail(path, "Too big: expected array to have <=10 items")
	}
	if len(cells) < 9 {
		return nil, fail(path, "Too small: expected array to have >=9 items")
	}
	r := &row{cluster: -1}
	var err *issue
	if r.name, err = asString(cells[0], at(path, 0), 1, handleMaxLength); err != nil {
		return nil, err
	}
	flags, err := asInt(cells[1], at(path, 1), 0, maxFlags)
	if err != nil {
		return nil, err
	}
	r.flags = int(flags)
	if _, err = asString(cells[2], at(path, 2), 0, limitText); err != nil {
		return nil, err
	}
	user, err := asInt(cells[3], at(path, 3), 0, -1)
	if err != nil {
		return nil, err
	}
	r.user = clampIndex(user)
	if cells[4] != nil {
		cluster, err := asInt(cells[4], at(path, 4), 0, -1)
		if err != nil {
			return nil, err
		}
		r.cluster = clampIndex(cluster)
	}
	for i := 5; i <= 7; i++ {
		t, err := timeCell(cells[i], at(path, i))
		if err != nil {
			return nil, err
		}
		if i == 7 {
			r.expiresAt = t
		}
	}
	if cells[8] != nil {
		if _, err = asNumber(cells[8], at(path, 8)); err != nil {
			return nil, err
		}
	}
	if len(cells) == 10 {
		if r.handle, err = localCell(cells[9], at(path, 9)); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// clampIndex keeps an index (a safe integer) in int range: anything past a list is past it.
func clampIndex(f float64) int {
	if f > keysFileMaxRows {
		return keysFileMaxRows
	}
	return int(f)
}

// timeCell is an instant: epoch seconds, or text when seconds cannot give it back; it returns the
// instant as text (what the TypeScript command compares and prints).
func timeCell(v any, path []any) (*string, *issue) {
	switch t := v.(type) {
	case nil:
		return nil, nil
	case float64:
		if t != math.Trunc(t) || math.IsInf(t, 0) {
			// Neither branch of zod's union (an int, a string) has the type: zod says only this.
			return nil, fail(path, "Invalid input")
		}
		seconds, err := asInt(t, path, 0, maxEpochSeconds)
		if err != nil {
			return nil, err
		}
		text := jsISOString(int64(seconds) * 1000)
		if len(text) > 5 && text[len(text)-5:] == ".000Z" {
			text = text[:len(text)-5] + "Z"
		}
		return &text, nil
	case string:
		s, err := asString(t, path, 0, limitShort)
		if err != nil {
			return nil, err
		}
		return &s, nil
	}
	return nil, fail(path, "Invalid input")
}

// localCell checks the app's own facts (a strict object) and returns the tools handle, if any.
func localCell(v any, path []any) (*string, *issue) {
	o, err := asObject(v, path)
	if err != nil {
		return nil, err
	}
	if p := member(o, "p"); !isUndefined(p) {
		if _, err = asString(p, at(path, "p"), 0, 2*maxNameLength); err != nil {
			return nil, err
		}
	}
	if l := member(o, "l"); !isUndefined(l) {
		list, err := asArray(l, at(path, "l"), 64)
		if err != nil {
			return nil, err
		}
		for i, label := range list {
			if _, err = asString(label, at(at(path, "l"), i), 0, limitText); err != nil {
				return nil, err
			}
		}
	}
	for _, name := range []string{"s", "r"} {
		if t := member(o, name); !isUndefined(t) {
			if _, err = timeCell(t, at(path, name)); err != nil {
				return nil, err
			}
		}
	}
	var handle *string
	if h := member(o, "h"); !isUndefined(h) {
		s, err := asString(h, at(path, "h"), 0, handleMaxLength)
		if err != nil {
			return nil, err
		}
		handle = &s
	}
	var unknown []string
	for _, name := range o.keys {
		switch name {
		case "p", "l", "s", "r", "h":
		default:
			unknown = append(unknown, fmt.Sprintf("%q", name))
		}
	}
	if len(unknown) == 1 {
		return nil, fail(path, "Unrecognized key: %s", unknown[0])
	}
	if len(unknown) > 1 {
		return nil, fail(path, "Unrecognized keys: %s", strings.Join(unknown, ", "))
	}
	return handle, nil
}
