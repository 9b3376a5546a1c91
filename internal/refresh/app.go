package refresh

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// The cells refresh reads and edits.
const (
	LastRelease = "last_release"       // the fact it proposes updates of
	OpenSource  = "open_source_client" // whose sources name the messenger's own repositories
)

// App is what refresh needs of one data/apps/<id>.json file.
type App struct {
	ID   string
	File string // the file's name as shown in diffs, e.g. data/apps/signal.json
	Data []byte // the file as read
	// Discontinued is the date the service shut down, or "".
	Discontinued string
	LastRelease  Cell
	OpenSource   Cell
}

// Cell is one fact as written in the file.
type Cell struct {
	Value    json.RawMessage `json:"value"`
	Sources  []string        `json:"sources"`
	Verified string          `json:"verified"`
	Note     string          `json:"note"`
	History  []struct {
		Until string `json:"until"`
	} `json:"history"`
}

// ParseApp reads the fields refresh needs from an app file named file.
// It is lenient: the catalog loader (app/catalog) validates the files,
// and refresh validates its proposals with it.
func ParseApp(file string, data []byte) (*App, error) {
	var raw struct {
		ID           string `json:"id"`
		Discontinued *struct {
			Date string `json:"date"`
		} `json:"discontinued"`
		Values map[string]Cell `json:"values"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if raw.ID == "" {
		return nil, fmt.Errorf("%s: no id", file)
	}
	app := &App{ID: raw.ID, File: file, Data: data,
		LastRelease: raw.Values[LastRelease], OpenSource: raw.Values[OpenSource]}
	if raw.Discontinued != nil {
		app.Discontinued = raw.Discontinued.Date
	}
	return app, nil
}

// RecordedDate is the date last_release holds, or "" when it is null or
// not a date.
func (c Cell) RecordedDate() string {
	var s string
	if json.Unmarshal(c.Value, &s) != nil {
		return ""
	}
	return s
}

// member is one key and its value in a JSON object, in file order.
type member struct {
	key   string
	value json.RawMessage
}

// cellSpan finds the value of values.<key> in an app file: its byte range
// and its members in order.
func cellSpan(data []byte, key string) (start, end int, members []member, err error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := expectDelim(dec, '{'); err != nil {
		return 0, 0, nil, err
	}
	found := false
	for dec.More() && !found {
		k, err := dec.Token()
		if err != nil {
			return 0, 0, nil, err
		}
		if k != "values" {
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return 0, 0, nil, err
			}
			continue
		}
		if err := expectDelim(dec, '{'); err != nil {
			return 0, 0, nil, err
		}
		found = true
	}
	if !found {
		return 0, 0, nil, errors.New("no values object")
	}
	for dec.More() {
		k, err := dec.Token()
		if err != nil {
			return 0, 0, nil, err
		}
		after := int(dec.InputOffset())
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return 0, 0, nil, err
		}
		if k != key {
			continue
		}
		start = after + bytes.IndexFunc(data[after:], func(r rune) bool {
			return r != ':' && r != ' ' && r != '\t' && r != '\n' && r != '\r'
		})
		end = int(dec.InputOffset())
		members, err := objectMembers(raw)
		if err != nil {
			return 0, 0, nil, fmt.Errorf("values.%s: %w", key, err)
		}
		return start, end, members, nil
	}
	return 0, 0, nil, fmt.Errorf("no cell values.%s", key)
}

func expectDelim(dec *json.Decoder, want json.Delim) error {
	t, err := dec.Token()
	if err != nil {
		return err
	}
	if t != want {
		return fmt.Errorf("expected %q, got %v", want, t)
	}
	return nil
}

// objectMembers splits a JSON object into its members, in order.
func objectMembers(obj []byte) ([]member, error) {
	dec := json.NewDecoder(bytes.NewReader(obj))
	if err := expectDelim(dec, '{'); err != nil {
		return nil, err
	}
	var out []member
	for dec.More() {
		k, err := dec.Token()
		if err != nil {
			return nil, err
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, err
		}
		out = append(out, member{key: k.(string), value: v})
	}
	return out, nil
}

// set replaces key's value, or appends the member when there is none.
func set(members []member, key string, value json.RawMessage) []member {
	for i := range members {
		if members[i].key == key {
			members[i].value = value
			return members
		}
	}
	return append(members, member{key: key, value: value})
}

func get(members []member, key string) json.RawMessage {
	for _, m := range members {
		if m.key == key {
			return m.value
		}
	}
	return nil
}

// marshal encodes v as JSON without escaping <, > and & (the files keep
// them as they are) and without the trailing newline.
func marshal(v any) (json.RawMessage, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// replaceCell writes members as the new value of the span start..end of
// data, indented like the files (two spaces, the cell's own line's
// indentation as prefix), and returns the new file.
func replaceCell(data []byte, start, end int, members []member) ([]byte, error) {
	var compact bytes.Buffer
	compact.WriteByte('{')
	for i, m := range members {
		if i > 0 {
			compact.WriteByte(',')
		}
		k, err := marshal(m.key)
		if err != nil {
			return nil, err
		}
		compact.Write(k)
		compact.WriteByte(':')
		if err := json.Compact(&compact, m.value); err != nil {
			return nil, fmt.Errorf("%s: %w", m.key, err)
		}
	}
	compact.WriteByte('}')
	lineStart := bytes.LastIndexByte(data[:start], '\n') + 1
	prefix := data[lineStart:start]
	prefix = prefix[:len(prefix)-len(bytes.TrimLeft(prefix, " \t"))]
	var cell bytes.Buffer
	if err := json.Indent(&cell, compact.Bytes(), string(prefix), "  "); err != nil {
		return nil, err
	}
	out := make([]byte, 0, len(data)+cell.Len())
	out = append(out, data[:start]...)
	out = append(out, cell.Bytes()...)
	out = append(out, data[end:]...)
	return out, nil
}

// historyEntry is a history item as the data format writes it.
type historyEntry struct {
	Value   json.RawMessage `json:"value"`
	Until   string          `json:"until"`
	Sources []string        `json:"sources"`
	Note    string          `json:"note,omitempty"`
}

// Update is a proposed new last_release.
type Update struct {
	Date     string   // the new value, YYYY-MM-DD
	Sources  []string // its sources, the release page first
	Note     string
	Verified string // today
}

// Apply returns app's file with last_release set to u: the cell's value,
// sources, note and verified date replaced, and its previous value (with
// its sources and note) appended to its history until u.Date, as
// docs/data.md describes history. A null previous value is not kept: it
// was unknown, not an earlier fact. Every other byte of the file stays.
func Apply(app *App, u Update) ([]byte, error) {
	start, end, members, err := cellSpan(app.Data, LastRelease)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", app.File, err)
	}
	old := app.LastRelease
	if old.RecordedDate() != "" {
		var history []json.RawMessage
		if h := get(members, "history"); h != nil {
			if err := json.Unmarshal(h, &history); err != nil {
				return nil, fmt.Errorf("%s: values.%s.history: %w", app.File, LastRelease, err)
			}
		}
		if n := len(old.History); n > 0 && old.History[n-1].Until >= u.Date {
			return nil, fmt.Errorf("the last history entry's until (%s) is not before the new release date %s", old.History[n-1].Until, u.Date)
		}
		entry, err := marshal(historyEntry{Value: old.Value, Until: u.Date, Sources: old.Sources, Note: strings.TrimSpace(old.Note)})
		if err != nil {
			return nil, err
		}
		history = append(history, entry)
		h, err := marshal(history)
		if err != nil {
			return nil, err
		}
		members = set(members, "history", h)
	}
	for _, kv := range []struct {
		key   string
		value any
	}{{"value", u.Date}, {"sources", u.Sources}, {"verified", u.Verified}, {"note", u.Note}} {
		b, err := marshal(kv.value)
		if err != nil {
			return nil, err
		}
		members = set(members, kv.key, b)
	}
	// History stays the last member, where the files keep it.
	for i, m := range members {
		if m.key == "history" && i != len(members)-1 {
			members = append(append(members[:i:i], members[i+1:]...), m)
			break
		}
	}
	return replaceCell(app.Data, start, end, members)
}
