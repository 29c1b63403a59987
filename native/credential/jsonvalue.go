package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"math"
	"sort"
	"strconv"
)

// A JSON document as JSON.parse gives it to the TypeScript command: numbers are float64, objects
// keep their members in JavaScript's property order (array-index names first, ascending, then the
// others in the order they first appear; a repeated name keeps its place and takes the last value).
// Field names match exactly: encoding/json's case-insensitive struct decoding is never used.

// jsObject is a JSON object with its members in JavaScript's order.
type jsObject struct {
	keys   []string
	values map[string]any
}

func (o *jsObject) get(name string) (any, bool) {
	v, ok := o.values[name]
	return v, ok
}

// parseJSON parses one JSON text (nothing may follow it), or fails as JSON.parse would.
func parseJSON(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	value, err := decodeValue(dec)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("unexpected text after the JSON value")
	}
	return value, nil
}

func decodeValue(dec *json.Decoder) (any, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	return decodeFrom(dec, tok)
}

func decodeFrom(dec *json.Decoder, tok json.Token) (any, error) {
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			return decodeObject(dec)
		case '[':
			list := []any{}
			for dec.More() {
				v, err := decodeValue(dec)
				if err != nil {
					return nil, err
				}
				list = append(list, v)
			}
			if _, err := dec.Token(); err != nil {
				return nil, err
			}
			return list, nil
		}
		return nil, errors.New("unexpected delimiter")
	case json.Number:
		f, err := strconv.ParseFloat(string(t), 64)
		if err != nil && !errors.Is(err, strconv.ErrRange) {
			return nil, err
		}
		return f, nil // out of range: ±Inf or 0, as JSON.parse gives
	default:
		return t, nil // string, bool or nil
	}
}

func decodeObject(dec *json.Decoder) (*jsObject, error) {
	obj := &jsObject{values: map[string]any{}}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		name, ok := tok.(string)
		if !ok {
			return nil, errors.New("object member name is not a string")
		}
		v, err := decodeValue(dec)
		if err != nil {
			return nil, err
		}
		if _, seen := obj.values[name]; !seen {
			obj.keys = append(obj.keys, name)
		}
		obj.values[name] = v
	}
	if _, err := dec.Token(); err != nil {
		return nil, err
	}
	sortLikeJs(obj.keys)
	return obj, nil
}

// arrayIndex reports whether name is a canonical array index ("0", "17", never "01"), and its value.
func arrayIndex(name string) (uint64, bool) {
	if name == "" || len(name) > 10 || (len(name) > 1 && name[0] == '0') {
		return 0, false
	}
	n, err := strconv.ParseUint(name, 10, 64)
	if err != nil || n >= math.MaxUint32 {
		return 0, false
	}
	return n, true
}

// sortLikeJs puts array-index names first, in ascending order; the others keep their order.
func sortLikeJs(keys []string) {
	sort.SliceStable(keys, func(i, j int) bool {
		a, aIndex := arrayIndex(keys[i])
		b, bIndex := arrayIndex(keys[j])
		if aIndex && bIndex {
			return a < b
		}
		return aIndex && !bIndex
	})
}
