package plural

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Message is a message in ICU MessageFormat's syntax, as far as counts
// need it: text, arguments ({name}) and plurals
//
//	{name, plural, =0 {none} one {# audit} other {# audits}}
//
// whose branches are chosen by the argument's number: an exact one (=0)
// first, else the language's category of it (one, few, many, …), else
// other; # in a branch is that number. Branches may hold arguments and
// plurals of their own. As in ICU, an apostrophe before a brace or a #
// quotes up to the next apostrophe ('{' shows a brace), a doubled
// apostrophe shows one, and any other apostrophe (l'audit) is itself.
type Message struct{ parts []part }

// part is a piece of a message: a text, a #, an argument or a plural.
type part struct {
	text  string   // the text shown, when arg is "" and hash false
	hash  bool     // #: the number of the plural around it
	arg   string   // an argument's name
	cases []branch // a plural's branches; nil for a plain {arg}
}

// branch is one branch of a plural: its key (a category, or =N for the
// number N) and its message.
type branch struct {
	key string
	msg Message
}

// Value is an argument's value: N is the number a plural selects with, S
// the text that shows for {name} and for # (the number in the language's
// digits, or a text).
type Value struct {
	N int
	S string
}

// Num is the value of a number n written as s.
func Num(n int, s string) Value { return Value{N: n, S: s} }

// Text is the value of a text.
func Text(s string) Value { return Value{S: s} }

// Parse reads a message. Its errors say what was expected and quote the
// text around the place, for a translator to find it.
func Parse(s string) (Message, error) {
	p := parser{s: s}
	m, err := p.message(0)
	if err != nil {
		return Message{}, err
	}
	if p.i < len(s) {
		return Message{}, p.fail(`expected no "}" here without its "{" (write '}' to show a brace)`)
	}
	return m, nil
}

// Format writes the message s with args in a language with rule r. A
// message that does not parse shows as written: Load has refused it
// already, so this is only ever a text of a test.
func Format(s string, r Rules, args map[string]Value) string {
	m, err := Parse(s)
	if err != nil {
		return s
	}
	return m.Format(r, args)
}

// Format writes m with args in a language with rule r. An argument args
// lacks shows as {name}, for the tests to see.
func (m Message) Format(r Rules, args map[string]Value) string {
	var b strings.Builder
	m.write(&b, r, args, "#")
	return b.String()
}

func (m Message) write(b *strings.Builder, r Rules, args map[string]Value, hash string) {
	for _, p := range m.parts {
		v, ok := args[p.arg]
		switch {
		case p.hash:
			b.WriteString(hash)
		case p.arg == "":
			b.WriteString(p.text)
		case !ok:
			b.WriteString("{" + p.arg + "}")
		case p.cases == nil:
			b.WriteString(v.S)
		default:
			p.choose(r, v.N).write(b, r, args, v.S)
		}
	}
}

// choose is the branch of plural p for n: =n, else n's category, else
// other.
func (p part) choose(r Rules, n int) Message {
	exact := "=" + strconv.Itoa(n)
	for _, c := range p.cases {
		if c.key == exact {
			return c.msg
		}
	}
	cat := r.Select(n)
	var other Message
	for _, c := range p.cases {
		switch c.key {
		case cat:
			return c.msg
		case Other:
			other = c.msg
		}
	}
	return other
}

// Args lists the names of the arguments m uses, as {name} or as a
// plural's, in its branches too: sorted, each once.
func (m Message) Args() []string {
	var out []string
	m.walk(func(p part) { out = append(out, p.arg) })
	slices.Sort(out)
	return slices.Compact(out)
}

// Plural is a plural of a message: the argument it counts and the keys of
// its branches, as written.
type Plural struct {
	Arg  string
	Keys []string
}

// Plurals lists m's plurals, those inside branches too, in the order they
// are written.
func (m Message) Plurals() []Plural {
	var out []Plural
	m.walk(func(p part) {
		if p.cases == nil {
			return
		}
		pl := Plural{Arg: p.arg}
		for _, c := range p.cases {
			pl.Keys = append(pl.Keys, c.key)
		}
		out = append(out, pl)
	})
	return out
}

// walk calls f for every argument and plural of m, depth first.
func (m Message) walk(f func(part)) {
	for _, p := range m.parts {
		if p.arg == "" {
			continue
		}
		f(p)
		for _, c := range p.cases {
			c.msg.walk(f)
		}
	}
}

// Missing lists the categories of needs (Rules.Needs) that a plural of m
// has no branch for, as "arg: few, many", one entry per plural.
func (m Message) Missing(needs []string) []string {
	var out []string
	for _, p := range m.Plurals() {
		var lack []string
		for _, c := range needs {
			if !slices.Contains(p.Keys, c) {
				lack = append(lack, c)
			}
		}
		if lack != nil {
			out = append(out, p.Arg+": "+strings.Join(lack, ", "))
		}
	}
	return out
}

// parser reads a message from s, at byte i.
type parser struct {
	s string
	i int
}

// message reads a message until the end of s or a "}" (left for the
// caller); depth is how many plurals it is inside, where # is a number.
func (p *parser) message(depth int) (Message, error) {
	var m Message
	var text strings.Builder
	flush := func() {
		if text.Len() > 0 {
			m.parts = append(m.parts, part{text: text.String()})
			text.Reset()
		}
	}
	for p.i < len(p.s) {
		switch c := p.s[p.i]; {
		case c == '\'':
			if err := p.quote(&text, depth); err != nil {
				return m, err
			}
		case c == '#' && depth > 0:
			flush()
			m.parts = append(m.parts, part{hash: true})
			p.i++
		case c == '{':
			flush()
			arg, err := p.argument(depth)
			if err != nil {
				return m, err
			}
			m.parts = append(m.parts, arg)
		case c == '}':
			flush()
			return m, nil
		default:
			text.WriteByte(c)
			p.i++
		}
	}
	flush()
	return m, nil
}

// quote reads an apostrophe at p.i: ” is one, an apostrophe before a
// brace (or a # in a plural) quotes up to the next one, and any other is
// itself.
func (p *parser) quote(text *strings.Builder, depth int) error {
	next := byte(0)
	if p.i+1 < len(p.s) {
		next = p.s[p.i+1]
	}
	switch {
	case next == '\'':
		text.WriteByte('\'')
		p.i += 2
		return nil
	case next != '{' && next != '}' && (next != '#' || depth == 0):
		text.WriteByte('\'')
		p.i++
		return nil
	}
	start := p.i
	for p.i++; p.i < len(p.s); p.i++ {
		if p.s[p.i] != '\'' {
			text.WriteByte(p.s[p.i])
			continue
		}
		if p.i+1 < len(p.s) && p.s[p.i+1] == '\'' {
			text.WriteByte('\'')
			p.i++
			continue
		}
		p.i++
		return nil
	}
	p.i = start
	return p.fail(`expected an apostrophe to close the quote that starts here (write '' for an apostrophe before a brace)`)
}

// argument reads {name} or {name, plural, …} at p.i.
func (p *parser) argument(depth int) (part, error) {
	open := p.i
	p.i++
	p.space()
	name := p.word()
	if name == "" {
		return part{}, p.fail(`expected an argument's name after "{" (write '{' to show a brace)`)
	}
	out := part{arg: name}
	p.space()
	switch {
	case p.eat('}'):
		return out, nil
	case !p.eat(','):
		return part{}, p.fail(`expected "}" or ", plural," after "{` + name + `"`)
	}
	p.space()
	if kind := p.word(); kind != "plural" {
		return part{}, p.fail(`expected "plural" after "{` + name + `," (the only kind of argument here), got "` + kind + `"`)
	}
	p.space()
	if !p.eat(',') {
		return part{}, p.fail(`expected "," after "{` + name + `, plural"`)
	}
	hasOther := false
	for {
		p.space()
		if p.i >= len(p.s) {
			p.i = open
			return part{}, p.fail(`expected "}" to close "{` + name + `, plural, …"`)
		}
		if p.eat('}') {
			break
		}
		at := p.i
		key := p.key()
		switch {
		case key == "":
			return part{}, p.fail(`expected a branch of "{` + name + `, plural, …": a category (` + categoryList + `) or =N, then its text in braces`)
		case !isCategory(key) && (key[0] != '=' || len(key) == 1):
			p.i = at
			return part{}, p.fail(`expected a category (` + categoryList + `) or =N, got "` + key + `"`)
		}
		for _, c := range out.cases {
			if c.key == key {
				p.i = at
				return part{}, p.fail(`expected the branch "` + key + `" of "{` + name + `, plural, …}" once`)
			}
		}
		p.space()
		if !p.eat('{') {
			return part{}, p.fail(`expected "{" and the text of the branch "` + key + `"`)
		}
		msg, err := p.message(depth + 1)
		if err != nil {
			return part{}, err
		}
		if !p.eat('}') {
			p.i = at
			return part{}, p.fail(`expected "}" to close the branch "` + key + `"`)
		}
		out.cases = append(out.cases, branch{key: key, msg: msg})
		hasOther = hasOther || key == Other
	}
	if !hasOther {
		p.i = open
		return part{}, p.fail(`expected an "other" branch in "{` + name + `, plural, …}": every language has one`)
	}
	return out, nil
}

// word reads a name: letters, digits and _.
func (p *parser) word() string {
	start := p.i
	for p.i < len(p.s) {
		c := p.s[p.i]
		if c != '_' && (c < '0' || c > '9') && (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') {
			break
		}
		p.i++
	}
	return p.s[start:p.i]
}

// key reads a branch's key: a category or =N.
func (p *parser) key() string {
	if p.i < len(p.s) && p.s[p.i] == '=' {
		start := p.i
		p.i++
		for p.i < len(p.s) && p.s[p.i] >= '0' && p.s[p.i] <= '9' {
			p.i++
		}
		return p.s[start:p.i]
	}
	return p.word()
}

// space skips white space.
func (p *parser) space() {
	for p.i < len(p.s) && strings.IndexByte(" \t\n\r", p.s[p.i]) >= 0 {
		p.i++
	}
}

// eat reads c if it is next.
func (p *parser) eat(c byte) bool {
	if p.i < len(p.s) && p.s[p.i] == c {
		p.i++
		return true
	}
	return false
}

// fail is an error at p.i: what was expected, then where, as the
// character's number and the text around it. Its callers write their
// message whole (no fmt verbs), which keeps the wasm small.
func (p *parser) fail(msg string) error {
	at := min(p.i, len(p.s))
	from, to := at, at
	for n := 0; n < 12 && from > 0; n++ {
		_, size := utf8.DecodeLastRuneInString(p.s[:from])
		from -= size
	}
	for n := 0; n < 12 && to < len(p.s); n++ {
		_, size := utf8.DecodeRuneInString(p.s[to:])
		to += size
	}
	near := p.s[from:to]
	if from > 0 {
		near = "…" + near
	}
	if to < len(p.s) {
		near += "…"
	}
	return errors.New(msg + " (at character " + strconv.Itoa(utf8.RuneCountInString(p.s[:at])+1) + ": " + strconv.QuoteToGraphic(near) + ")")
}
