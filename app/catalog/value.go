package catalog

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// Value is a typed fact. Null marks an unknown value, and only that.
// Unlimited marks the known fact "no limit" of a number criterion that
// allows it (Criterion.UnlimitedAllowed); it is written as null in JSON,
// with "unlimited": true beside it in the cell. Otherwise only the field
// matching Type is set.
type Value struct {
	Type      Type
	Null      bool
	Unlimited bool // Number only, never with Null: no limit
	Bool      bool
	Str       string // enum, date and text
	Set       []string
	Num       int
	Audits    []Audit
}

// MarshalJSON writes the value as the data format has it (docs/data.md).
func (v Value) MarshalJSON() ([]byte, error) {
	if v.Null || v.Unlimited {
		return []byte("null"), nil
	}
	switch v.Type {
	case Bool:
		return json.Marshal(v.Bool)
	case Enum, Date, Text:
		return json.Marshal(v.Str)
	case Set:
		if v.Set == nil {
			return []byte("[]"), nil
		}
		return json.Marshal(v.Set)
	case Number:
		return json.Marshal(v.Num)
	case Audits:
		if v.Audits == nil {
			return []byte("[]"), nil
		}
		return json.Marshal(v.Audits)
	}
	return nil, fmt.Errorf("catalog: value of unknown type %q", v.Type)
}

// String renders the value as plain text, with enum and set values as ids
// and no limit as "unlimited".
func (v Value) String() string {
	if v.Null {
		return "null"
	}
	if v.Unlimited {
		return "unlimited"
	}
	switch v.Type {
	case Bool:
		return strconv.FormatBool(v.Bool)
	case Set:
		return strings.Join(v.Set, "|")
	case Number:
		return strconv.Itoa(v.Num)
	case Audits:
		parts := make([]string, len(v.Audits))
		for i, a := range v.Audits {
			parts[i] = fmt.Sprintf("%d %s", a.Year, a.Auditor)
		}
		return strings.Join(parts, "; ")
	}
	return v.Str
}

// Equal reports whether two values are the same fact.
func (v Value) Equal(w Value) bool {
	a, _ := v.MarshalJSON()
	b, _ := w.MarshalJSON()
	return v.Null == w.Null && v.Unlimited == w.Unlimited && bytes.Equal(a, b)
}

// Has reports whether a set value contains s, or an enum value equals it.
func (v Value) Has(s string) bool {
	if v.Null {
		return false
	}
	if v.Type == Enum {
		return v.Str == s
	}
	for _, x := range v.Set {
		if x == s {
			return true
		}
	}
	return false
}

// parseUnlimited decodes a cell's (or history entry's) "unlimited" field
// into v, which parseValue has read from "value". Only true is valid, only
// for a criterion that allows it, and only with a null value. The error says
// what was expected and names the field it is about ("unlimited" or
// "value").
func parseUnlimited(raw json.RawMessage, v *Value, c *Criterion) (field string, err error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "", nil
	}
	switch {
	case string(raw) != "true":
		return "unlimited", fmt.Errorf("expected true (no limit) or no \"unlimited\" field, got %s", shorten(string(raw)))
	case !c.UnlimitedAllowed:
		return "unlimited", fmt.Errorf("criterion %s does not allow \"unlimited\" (only number criteria marked \"unlimited_allowed\": true do)", c.ID)
	case !v.Null:
		return "value", fmt.Errorf("expected null with \"unlimited\": true (no limit is written as \"value\": null), got %s", v.String())
	}
	v.Null, v.Unlimited = false, true
	return "", nil
}

// parseValue decodes raw JSON as a value of criterion c. The error says what
// was expected, for a maintainer to read.
func parseValue(raw json.RawMessage, c *Criterion) (Value, error) {
	v := Value{Type: c.Type}
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return v, fmt.Errorf("missing: expected a %s value or null", c.Type)
	}
	if string(raw) == "null" {
		v.Null = true
		return v, nil
	}
	got := shorten(string(raw))
	switch c.Type {
	case Bool:
		if err := json.Unmarshal(raw, &v.Bool); err != nil {
			return v, fmt.Errorf("expected true, false or null (criterion type bool), got %s", got)
		}
	case Enum:
		if err := json.Unmarshal(raw, &v.Str); err != nil {
			return v, fmt.Errorf("expected one of %s or null (criterion type enum), got %s", quoteList(c.Values), got)
		}
		if !c.HasValue(v.Str) {
			return v, fmt.Errorf("expected one of %s (criterion type enum), got %s", quoteList(c.Values), got)
		}
	case Set:
		if err := json.Unmarshal(raw, &v.Set); err != nil {
			return v, fmt.Errorf("expected a list of %s or null (criterion type set), got %s", quoteList(c.Values), got)
		}
		seen := map[string]bool{}
		for i, s := range v.Set {
			if !c.HasValue(s) {
				return v, fmt.Errorf("[%d]: expected one of %s, got %q", i, quoteList(c.Values), s)
			}
			if seen[s] {
				return v, fmt.Errorf("[%d]: %q is listed twice", i, s)
			}
			seen[s] = true
		}
	case Number:
		var f float64
		if err := json.Unmarshal(raw, &f); err != nil || f < 0 || f != float64(int(f)) {
			return v, fmt.Errorf("expected a whole number >= 0 or null (criterion type number), got %s", got)
		}
		v.Num = int(f)
	case Date:
		if err := json.Unmarshal(raw, &v.Str); err != nil || !validDate(v.Str) {
			return v, fmt.Errorf("expected a date \"YYYY-MM-DD\" or null (criterion type date), got %s", got)
		}
	case Text:
		if err := json.Unmarshal(raw, &v.Str); err != nil || strings.TrimSpace(v.Str) == "" {
			return v, fmt.Errorf("expected a non-empty string or null (criterion type text), got %s", got)
		}
	case Audits:
		return parseAudits(raw, v, got)
	default:
		return v, fmt.Errorf("criterion has unknown type %q", c.Type)
	}
	return v, nil
}

func parseAudits(raw json.RawMessage, v Value, got string) (Value, error) {
	var list []json.RawMessage
	if err := json.Unmarshal(raw, &list); err != nil {
		return v, fmt.Errorf("expected a list of audits {year, auditor, scope, url} or null (criterion type audits), got %s", got)
	}
	v.Audits = make([]Audit, 0, len(list))
	for i, item := range list {
		var a Audit
		if err := strictUnmarshal(item, &a); err != nil {
			return v, fmt.Errorf("[%d]: expected {year, auditor, scope, url}: %v", i, err)
		}
		switch {
		case a.Year < 1990 || a.Year > 2100:
			return v, fmt.Errorf("[%d].year: expected a year like 2021, got %d", i, a.Year)
		case strings.TrimSpace(a.Auditor) == "":
			return v, fmt.Errorf("[%d].auditor: expected the auditor's name", i)
		case strings.TrimSpace(a.Scope) == "":
			return v, fmt.Errorf("[%d].scope: expected what was audited", i)
		case !validURL(a.URL):
			return v, fmt.Errorf("[%d].url: expected an http(s) URL, got %q", i, a.URL)
		}
		v.Audits = append(v.Audits, a)
	}
	return v, nil
}

func strictUnmarshal(raw []byte, dst any) error {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	return dec.Decode(dst)
}

func quoteList(vals []string) string {
	q := make([]string, len(vals))
	for i, v := range vals {
		q[i] = strconv.Quote(v)
	}
	return strings.Join(q, ", ")
}

func shorten(s string) string {
	if len(s) > 60 {
		return s[:57] + "..."
	}
	return s
}
