package catalog

import (
	"encoding/json"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// checkStrict reports what encoding/json lets through in a data file that
// is otherwise valid JSON: a key twice in one object, where the reader
// silently keeps the last ("name": "Evil Wire" after "name": "Signal"),
// and text that is not UTF-8, which it silently turns into U+FFFD (a
// file saved as Latin-1, or an escape of half a surrogate pair). Each
// problem is reported at its line and field path. The decoder has read
// b without a syntax error first (and named it otherwise): on a file
// that is not JSON the scanner stops or reports nonsense, but never
// panics.
func checkStrict(r report, b []byte) {
	s := strictScanner{b: b, r: r, line: 1}
	s.value("")
}

// strictScanner walks a valid JSON document, tracking the line and the
// field path (values.signal.sources[0]) of what it reads.
type strictScanner struct {
	b    []byte
	i    int
	line int
	r    report
}

// peek is the byte at the scanner, or 0 at the end.
func (s *strictScanner) peek() byte {
	if s.i < len(s.b) {
		return s.b[s.i]
	}
	return 0
}

func (s *strictScanner) space() {
	for ; s.i < len(s.b); s.i++ {
		switch s.b[s.i] {
		case '\n':
			s.line++
		case ' ', '\t', '\r':
		default:
			return
		}
	}
}

func (s *strictScanner) value(field string) {
	s.space()
	switch s.peek() {
	case 0:
	case '{':
		s.object(field)
	case '[':
		s.array(field)
	case '"':
		s.text(field)
	default: // a number, true, false or null: no quotes, no newlines
		s.i++
		for s.i < len(s.b) && !isDelim(s.b[s.i]) {
			s.i++
		}
	}
}

func isDelim(c byte) bool {
	switch c {
	case ',', ']', '}', ' ', '\t', '\r', '\n':
		return true
	}
	return false
}

func (s *strictScanner) object(field string) {
	s.i++ // past {
	// first is the line each key first appears on.
	first := map[string]int{}
	for {
		s.space()
		if c := s.peek(); c == '}' || c == 0 {
			s.i++
			return
		}
		line := s.line
		key := s.text(join(field, "(a key)"))
		f := join(field, key)
		if at, dup := first[key]; dup {
			s.r.addAt(line, f, "duplicate key (first on line %d): expected each key once (a JSON reader keeps only the last)", at)
		} else {
			first[key] = line
		}
		s.space()
		s.i++ // past :
		s.value(f)
		s.space()
		if s.peek() == ',' {
			s.i++
		}
	}
}

func (s *strictScanner) array(field string) {
	s.i++ // past [
	for n := 0; ; n++ {
		s.space()
		if c := s.peek(); c == ']' || c == 0 {
			s.i++
			return
		}
		s.value(indexed(field, n))
		s.space()
		if s.peek() == ',' {
			s.i++
		}
	}
}

// text reads a string, reports it under field when it is not UTF-8 or
// escapes half a surrogate pair, and returns it decoded.
func (s *strictScanner) text(field string) string {
	start := s.i
	s.i++ // past "
	escaped := false
	for s.i < len(s.b) && s.b[s.i] != '"' {
		if s.b[s.i] == '\\' {
			escaped = true
			s.i++
		}
		s.i++
	}
	if s.i >= len(s.b) {
		s.i = len(s.b)
		return ""
	}
	s.i++
	raw := s.b[start+1 : s.i-1]
	if !utf8.Valid(raw) {
		s.r.addAt(s.line, field, "expected UTF-8 text, got the byte 0x%02x (save the file as UTF-8, not Latin-1 or Windows-1252)", raw[invalidUTF8(raw)])
	} else if esc := loneSurrogate(raw); escaped && esc != "" {
		s.r.addAt(s.line, field, "expected UTF-8 text, got the escape %s (half of a surrogate pair; write the character itself)", esc)
	}
	if !escaped {
		return string(raw)
	}
	var out string
	json.Unmarshal(s.b[start:s.i], &out)
	return out
}

// invalidUTF8 is the index of the first byte of b that is not part of
// a UTF-8 character, or len(b) - 1 when there is none.
func invalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(b) - 1
}

// loneSurrogate is the first \uXXXX escape of the raw JSON string b that
// encodes half of a surrogate pair without its other half, or "".
func loneSurrogate(b []byte) string {
	hex := func(i int) (rune, bool) {
		if i+6 > len(b) || b[i] != '\\' || b[i+1] != 'u' {
			return 0, false
		}
		n, err := strconv.ParseUint(string(b[i+2:i+6]), 16, 16)
		return rune(n), err == nil
	}
	for i := 0; i < len(b); i++ {
		if b[i] != '\\' {
			continue
		}
		r, ok := hex(i)
		if !ok {
			i++ // a two-character escape such as \\ or \"
			continue
		}
		if utf16.IsSurrogate(r) {
			low, ok := hex(i + 6)
			if r >= 0xdc00 || !ok || utf16.DecodeRune(r, low) == utf8.RuneError {
				return string(b[i : i+6])
			}
			i += 6
		}
		i += 5
	}
	return ""
}

// join appends key to the field path.
func join(field, key string) string {
	if field == "" {
		return key
	}
	return field + "." + key
}
