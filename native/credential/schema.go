package main

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// A small validator with zod's rules and wording, for the documents the TypeScript command reads
// with zod (electron/core/servers/server-store.ts, electron/core/keys/key-cache-format.ts). It stops
// at the first problem, which is the one zod reports first: members are checked in schema order.

// issue is zod's first issue: where, and what.
type issue struct {
	path    []any
	message string
}

func (i *issue) where() string {
	if len(i.path) == 0 {
		return "(root)"
	}
	parts := make([]string, len(i.path))
	for n, p := range i.path {
		parts[n] = fmt.Sprint(p)
	}
	return strings.Join(parts, ".")
}

func fail(path []any, format string, args ...any) *issue {
	return &issue{path: append([]any(nil), path...), message: fmt.Sprintf(format, args...)}
}

// kindOf is zod's name for a value's type in "received …".
func kindOf(v any) string {
	switch t := v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case float64:
		if math.IsNaN(t) {
			return "NaN"
		}
		if math.IsInf(t, 0) {
			return "Infinity"
		}
		return "number"
	case string:
		return "string"
	case []any:
		return "array"
	case *jsObject:
		return "object"
	}
	return "undefined"
}

func expected(path []any, want string, v any) *issue {
	return fail(path, "Invalid input: expected %s, received %s", want, kindOf(v))
}

const maxSafeInteger = 9007199254740991

// undefined is a member that is not there (zod's "received undefined").
type undefined struct{}

// member reads an object member, or undefined{} when it is absent.
func member(o *jsObject, name string) any {
	if v, ok := o.get(name); ok {
		return v
	}
	return undefined{}
}

// isUndefined reports an absent member (for .optional() and .default()).
func isUndefined(v any) bool {
	_, ok := v.(undefined)
	return ok
}

func asObject(v any, path []any) (*jsObject, *issue) {
	o, ok := v.(*jsObject)
	if !ok {
		return nil, expected(path, "object", v)
	}
	return o, nil
}

func asString(v any, path []any, min, max int) (string, *issue) {
	s, ok := v.(string)
	if !ok {
		return "", expected(path, "string", v)
	}
	n := utf16Len(s)
	if n > max {
		return "", fail(path, "Too big: expected string to have <=%d characters", max)
	}
	if n < min {
		return "", fail(path, "Too small: expected string to have >=%d characters", min)
	}
	return s, nil
}

const unbounded = math.MaxInt

func asNullableString(v any, path []any, max int) (*string, *issue) {
	if v == nil {
		return nil, nil
	}
	s, err := asString(v, path, 0, max)
	if err != nil {
		return nil, err
	}
	return &s, nil
}

func asBool(v any, path []any) (bool, *issue) {
	b, ok := v.(bool)
	if !ok {
		return false, expected(path, "boolean", v)
	}
	return b, nil
}

func asNumber(v any, path []any) (float64, *issue) {
	f, ok := v.(float64)
	if !ok || math.IsInf(f, 0) || math.IsNaN(f) {
		return 0, expected(path, "number", v)
	}
	return f, nil
}

// asInt is z.number().int() with an inclusive minimum and maximum (min > max: no maximum).
func asInt(v any, path []any, min, max float64) (float64, *issue) {
	f, err := asNumber(v, path)
	if err != nil {
		return 0, err
	}
	if f != math.Trunc(f) {
		return 0, fail(path, "Invalid input: expected int, received number")
	}
	if f > maxSafeInteger {
		return 0, fail(path, "Too big: expected int to be <=%d", int64(maxSafeInteger))
	}
	if f < -maxSafeInteger {
		return 0, fail(path, "Too small: expected int to be >=%d", int64(-maxSafeInteger))
	}
	if f < min {
		return 0, fail(path, "Too small: expected number to be >=%s", jsNumber(min))
	}
	if max >= min && f > max {
		return 0, fail(path, "Too big: expected number to be <=%s", jsNumber(max))
	}
	return f, nil
}

func asEnum(v any, path []any, options ...string) (string, *issue) {
	if s, ok := v.(string); ok {
		for _, o := range options {
			if s == o {
				return s, nil
			}
		}
	}
	quoted := make([]string, len(options))
	for i, o := range options {
		quoted[i] = strconv.Quote(o)
	}
	return "", fail(path, "Invalid option: expected one of %s", strings.Join(quoted, "|"))
}

func asArray(v any, path []any, max int) ([]any, *issue) {
	list, ok := v.([]any)
	if !ok {
		return nil, expected(path, "array", v)
	}
	if len(list) > max {
		return nil, fail(path, "Too big: expected array to have <=%d items", max)
	}
	return list, nil
}

func jsNumber(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// at extends a path by one step.
func at(path []any, step any) []any {
	return append(append(make([]any, 0, len(path)+1), path...), step)
}
