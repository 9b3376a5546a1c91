package catalog

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// The compact form of a catalog that the WebAssembly app carries
// (data/catalog.bin, made by `make build` from the JSON files): the same
// values as Load returns, without field names, validation or a JSON
// decoder. Decoding JSON in the browser cost 260–400 ms of main thread at
// start; this takes a few. Strings are a length and their bytes, numbers
// unsigned varints, maps their entries in key order, so the same catalog
// always encodes to the same bytes (a test compares them).
//
// The compact catalog holds the English texts only. Each other language
// is a pack of its own (EncodeLanguage: the interface's messages and the
// catalog's texts, in the order the catalog needs them), which the server
// serves beside the wasm: a reader downloads the one language they read,
// not eight. A pack names the catalog version it belongs to, so a pack of
// another build is refused rather than misread.
//
// The cells' notes and sources, two thirds of the catalog's weight, are
// not in the compact catalog either: they are the evidence pack
// (EncodeEvidence), which the browser fetches when a page first shows a
// fact's evidence. A catalog read without it is Abridged.
const (
	binaryMagic   = "msgcompare-catalog-6\n"
	packMagic     = "msgcompare-language-1\n"
	evidenceMagic = "msgcompare-evidence-2\n"
)

// EncodeBinary encodes a catalog in its compact form, with its English
// texts. It is a function, not a MarshalBinary method: the browser never
// encodes, and a method would stay in the wasm (the linker keeps the
// exported methods of types that reflection can reach), a function nobody
// calls does not.
func EncodeBinary(c *Catalog) ([]byte, error) {
	w := encode(c)
	w.n(1)
	w.str(SourceLang)
	w.list(w.texts[SourceLang])
	return w.b, nil
}

// EncodeLanguage encodes the pack of language code (any of the catalog's
// but English), which ReadBinary takes beside the compact catalog.
func EncodeLanguage(c *Catalog, code string) ([]byte, error) {
	l := c.Locale(code)
	if l == nil || code == SourceLang {
		return nil, fmt.Errorf("catalog: no language pack for %q (English is in the compact catalog)", code)
	}
	texts := encode(c).texts[code]
	p := binWriter{b: []byte(packMagic)}
	p.strs(c.Version, code)
	p.strMap(l.Messages)
	p.list(texts)
	return p.b, nil
}

// EncodeEvidence encodes the evidence pack: every cell's note and
// sources with its history's, and the curators' reasons and sources, in
// the order of the apps, of their criteria's ids and of their verdicts,
// which ReadEvidence adds to a catalog that ReadBinary decoded. The wasm
// keeps what lists and filters read (values, dates, verdicts); the words
// and addresses a reader opens come here.
func EncodeEvidence(c *Catalog) []byte {
	w := binWriter{b: []byte(evidenceMagic)}
	w.str(c.Version)
	for i := range c.Apps {
		a := &c.Apps[i]
		w.n(len(a.Values))
		for _, id := range sortedKeys(a.Values) {
			cell := a.Values[id]
			w.list(cell.Sources)
			w.str(cell.Note)
			w.n(len(cell.History))
			for _, h := range cell.History {
				w.list(h.Sources)
				w.str(h.Note)
			}
		}
		w.n(len(a.Status))
		for _, st := range a.Status {
			w.strs(st.Reason, st.Source)
		}
	}
	return w.b
}

// ReadEvidence adds the cells' notes and sources from an evidence pack
// (EncodeEvidence) to a catalog that ReadBinary decoded, and clears its
// Abridged mark. A catalog that is not abridged is left as it is. A pack
// of another catalog version, or one that does not fit the catalog's
// cells, is refused and changes nothing.
func ReadEvidence(c *Catalog, b []byte) error {
	if !c.Abridged {
		return nil
	}
	return readPack(b, evidenceMagic, "an evidence pack", func(r *binReader) error { return r.evidence(c) })
}

func (r *binReader) evidence(c *Catalog) error {
	if v := r.str(); v != c.Version {
		return fmt.Errorf("catalog: the evidence pack is of catalog %s, not %s: the wasm and the server are of different builds", v, c.Version)
	}
	// Everything is read first, so that a broken pack leaves the catalog
	// as it was.
	type evidence struct {
		sources []string
		note    string
		history []evidence
	}
	type appEvidence struct {
		cells  []evidence
		status [][2]string // reason, source
	}
	all := make([]appEvidence, len(c.Apps))
	for i := range c.Apps {
		a := &c.Apps[i]
		ids := sortedKeys(a.Values)
		if n := r.n(); n != len(ids) {
			return fmt.Errorf("catalog: the evidence pack has %d facts of %s, the catalog %d", n, a.ID, len(ids))
		}
		all[i].cells = make([]evidence, len(ids))
		for j, id := range ids {
			e := evidence{sources: r.list(), note: r.str()}
			if n := r.n(); n != len(a.Values[id].History) {
				return fmt.Errorf("catalog: the evidence pack has %d past values of %s's %s, the catalog %d", n, a.ID, id, len(a.Values[id].History))
			}
			e.history = make([]evidence, len(a.Values[id].History))
			for k := range e.history {
				e.history[k] = evidence{sources: r.list(), note: r.str()}
			}
			all[i].cells[j] = e
		}
		if n := r.n(); n != len(a.Status) {
			return fmt.Errorf("catalog: the evidence pack has %d verdicts on %s, the catalog %d", n, a.ID, len(a.Status))
		}
		all[i].status = make([][2]string, len(a.Status))
		for k := range all[i].status {
			all[i].status[k] = [2]string{r.str(), r.str()}
		}
	}
	if len(r.b) != 0 {
		return fmt.Errorf("catalog: %d bytes after the end of the evidence pack", len(r.b))
	}
	for i := range c.Apps {
		a := &c.Apps[i]
		for j, id := range sortedKeys(a.Values) {
			cell, e := a.Values[id], all[i].cells[j]
			cell.Sources, cell.Note = e.sources, e.note
			for k := range cell.History {
				cell.History[k].Sources, cell.History[k].Note = e.history[k].sources, e.history[k].note
			}
		}
		for k := range a.Status {
			a.Status[k].Reason, a.Status[k].Source = all[i].status[k][0], all[i].status[k][1]
		}
	}
	c.Abridged = false
	return nil
}

// encode writes the catalog's structure; the texts go by language to
// w.texts, in the order ReadBinary fills them in.
func encode(c *Catalog) *binWriter {
	var w binWriter
	w.texts = map[string][]string{}
	w.b = append(w.b, binaryMagic...)
	w.str(c.Version)
	w.str(c.Updated)
	w.str(c.License)
	w.n(len(c.Locales))
	for _, l := range c.Locales {
		w.strs(l.Code, l.Name, l.Dir)
		if l.Code == SourceLang {
			w.strMap(l.Messages)
		} else {
			w.strMap(nil) // in the language's pack
		}
	}
	w.n(len(c.Groups))
	for _, g := range c.Groups {
		w.str(g.ID)
		w.l10n(g.Label)
	}
	w.n(len(c.Criteria))
	for i := range c.Criteria {
		w.criterion(&c.Criteria[i])
	}
	w.n(len(c.Presets))
	for _, p := range c.Presets {
		w.strs(p.ID, p.Require, p.Source)
		w.l10n(p.Label)
		w.l10n(p.Description)
		w.l10n(p.Rationale)
	}
	w.n(len(c.Apps))
	for i := range c.Apps {
		w.app(&c.Apps[i])
	}
	if c.Guide == nil {
		w.n(0)
	} else {
		w.n(len(c.Guide) + 1)
	}
	for _, q := range c.Guide {
		w.strs(q.ID, q.Criterion)
		w.flag(q.Multiple)
		w.l10n(q.Label)
		w.l10n(q.Why)
		w.n(len(q.Answers))
		for _, a := range q.Answers {
			w.str(a.ID)
			w.l10n(a.Label)
			w.str(a.Require)
		}
	}
	if f := c.Freshness; f != nil {
		w.n(1)
		w.n(f.StaleAfterDays)
		w.n(f.HardLimitDays)
		w.str(f.CorrectionURL)
	} else {
		w.n(0)
	}
	return &w
}

// ReadBinary decodes a catalog written by EncodeBinary, with the packs of
// the languages given (EncodeLanguage); the texts of the others stay out
// (L10n.In falls back to English, and their Locale has no Messages). The
// catalog is Abridged: its cells have no notes or sources until
// ReadEvidence adds them. It
// trusts its input as far as meaning goes (Load validated the facts before
// they were encoded) but never reads past the end or panics on a broken
// file, and refuses a pack of another catalog version.
func ReadBinary(b []byte, langs ...[]byte) (*Catalog, error) {
	return readCompact(b, func(r *binReader) (*Catalog, error) { return r.catalog(langs) })
}

// readCompact checks that b is a compact catalog and decodes it with read.
func readCompact(b []byte, read func(*binReader) (*Catalog, error)) (c *Catalog, err error) {
	err = readPack(b, binaryMagic, "a compact catalog", func(r *binReader) (err error) {
		c, err = read(r)
		return err
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

// readPack checks that b starts with magic, the mark of what it should
// be, and reads the rest with read, turning a read past its end
// (binError) into an error.
func readPack(b []byte, magic, what string, read func(*binReader) error) (err error) {
	if len(b) < len(magic) || string(b[:len(magic)]) != magic {
		return errors.New("catalog: not " + what + " (or of another version): rebuild it with make build")
	}
	r := binReader{b: b[len(magic):]}
	defer func() {
		if e := recover(); e != nil {
			if re, ok := e.(binError); ok {
				err = re
				return
			}
			panic(e)
		}
	}()
	return read(&r)
}

// catalog reads the whole catalog, then the language packs.
func (r *binReader) catalog(langs [][]byte) (*Catalog, error) {
	c := r.head()
	c.Groups = make([]Group, r.n())
	for i := range c.Groups {
		c.Groups[i] = Group{ID: r.str(), Label: r.l10n()}
	}
	c.Criteria = make([]Criterion, r.n())
	for i := range c.Criteria {
		r.criterion(&c.Criteria[i])
	}
	c.Presets = make([]Preset, r.n())
	for i := range c.Presets {
		p := &c.Presets[i]
		p.ID, p.Require, p.Source = r.str(), r.str(), r.str()
		p.Label, p.Description, p.Rationale = r.l10n(), r.l10n(), r.l10n()
	}
	c.Apps = make([]App, r.n())
	for i := range c.Apps {
		r.app(&c.Apps[i])
	}
	if n, ok := r.count(); ok {
		c.Guide = make([]Question, n)
		for i := range c.Guide {
			q := &c.Guide[i]
			q.ID, q.Criterion, q.Multiple = r.str(), r.str(), r.n() == 1
			q.Label, q.Why = r.l10n(), r.l10n()
			q.Answers = make([]Answer, r.n())
			for j := range q.Answers {
				q.Answers[j] = Answer{ID: r.str(), Label: r.l10n(), Require: r.str()}
			}
		}
	}
	if r.n() == 1 {
		c.Freshness = &Freshness{StaleAfterDays: r.n(), HardLimitDays: r.n(), CorrectionURL: r.str()}
	}
	r.fillTexts()
	if len(r.b) != 0 {
		return nil, fmt.Errorf("catalog: %d bytes after the end of the compact catalog", len(r.b))
	}
	for _, p := range langs {
		if err := r.language(c, p); err != nil {
			return nil, err
		}
	}
	// The languages without their pack: no room left for their texts.
	for lang, ts := range r.pending {
		for _, t := range ts {
			delete(t, lang)
		}
	}
	c.Abridged = true
	c.index()
	return c, nil
}

// ReadLanguages decodes only the start of a catalog written by
// EncodeBinary: its version and its languages, with the English messages.
// That is enough to choose the language a page renders in (MatchLang)
// before ReadBinary decodes the whole catalog with that language's pack,
// which the browser fetches first.
func ReadLanguages(b []byte) (*Catalog, error) {
	return readCompact(b, func(r *binReader) (*Catalog, error) { return r.head(), nil })
}

// head reads what the catalog starts with: its version and languages.
func (r *binReader) head() *Catalog {
	c := &Catalog{Version: r.str(), Updated: r.str(), License: r.str()}
	c.Locales = make([]Locale, r.n())
	for i := range c.Locales {
		l := &c.Locales[i]
		l.Code, l.Name, l.Dir, l.Messages = r.str(), r.str(), r.str(), r.strMap()
	}
	return c
}

// language reads a language pack into c: its messages, and its texts
// where l10n left room for them.
func (r *binReader) language(c *Catalog, b []byte) error {
	return readPack(b, packMagic, "a language pack", func(p *binReader) error { return r.languageFrom(p, c) })
}

// languageFrom reads the pack in p into c.
func (r *binReader) languageFrom(p *binReader, c *Catalog) error {
	version, code := p.str(), p.str()
	if version != c.Version {
		return fmt.Errorf("catalog: the %s pack is of catalog %s, not %s: the wasm and the server are of different builds", code, version, c.Version)
	}
	l := c.Locale(code)
	if l == nil || code == SourceLang {
		return fmt.Errorf("catalog: a pack of language %q, which the catalog has no room for", code)
	}
	if l.Messages != nil {
		return fmt.Errorf("catalog: two packs of %s", code)
	}
	l.Messages = p.strMap()
	texts := p.list()
	if len(texts) != len(r.pending[code]) {
		return fmt.Errorf("catalog: the %s pack has %d texts, the catalog room for %d", code, len(texts), len(r.pending[code]))
	}
	for i, t := range r.pending[code] {
		t[code] = texts[i]
	}
	delete(r.pending, code)
	if len(p.b) != 0 {
		return fmt.Errorf("catalog: %d bytes after the end of the %s pack", len(p.b), code)
	}
	return nil
}

type binWriter struct {
	b     []byte
	texts map[string][]string // by language, in the order l10n met them
}

func (w *binWriter) n(v int) { w.b = binary.AppendUvarint(w.b, uint64(v)) }

func (w *binWriter) str(s string) {
	w.n(len(s))
	w.b = append(w.b, s...)
}

func (w *binWriter) strs(ss ...string) {
	for _, s := range ss {
		w.str(s)
	}
}

func (w *binWriter) flag(b bool) {
	if b {
		w.n(1)
	} else {
		w.n(0)
	}
}

func (w *binWriter) list(ss []string) {
	if ss == nil {
		w.n(0)
		return
	}
	w.n(len(ss) + 1)
	w.strs(ss...)
}

// l10n writes which languages a text has; the texts themselves go to
// their language's list, written at the end.
func (w *binWriter) l10n(t L10n) {
	if t == nil {
		w.n(0)
		return
	}
	if w.texts == nil {
		w.texts = map[string][]string{}
	}
	w.n(len(t) + 1)
	for _, k := range sortedKeys(t) {
		w.str(k)
		w.texts[k] = append(w.texts[k], t[k])
	}
}

// strMap writes a map of strings, in key order.
func (w *binWriter) strMap(m map[string]string) {
	w.n(len(m))
	for _, k := range sortedKeys(m) {
		w.strs(k, m[k])
	}
}

func (w *binWriter) criterion(c *Criterion) {
	w.strs(c.ID, c.Group, string(c.Type))
	w.list(c.Values)
	w.n(len(c.ValueLabels))
	for _, k := range sortedKeys(c.ValueLabels) {
		w.str(k)
		w.l10n(c.ValueLabels[k])
	}
	switch {
	case c.Good == nil:
		w.n(0)
	case !*c.Good:
		w.n(1)
	default:
		w.n(2)
	}
	w.flag(c.UnlimitedAllowed)
	w.flag(c.Key)
	w.l10n(c.Unit)
	w.l10n(c.Label)
	w.l10n(c.Description)
}

func (w *binWriter) value(v Value) {
	w.str(string(v.Type))
	if v.Null {
		w.n(1)
		return
	}
	w.n(0)
	w.flag(v.Bool)
	w.flag(v.Unlimited)
	w.str(v.Str)
	w.list(v.Set)
	w.n(v.Num)
	if v.Audits == nil {
		w.n(0)
		return
	}
	w.n(len(v.Audits) + 1)
	for _, a := range v.Audits {
		w.n(a.Year)
		w.strs(a.Auditor, a.Scope, a.URL)
	}
}

func (w *binWriter) app(a *App) {
	w.strs(a.ID, a.Name, a.Homepage)
	w.l10n(a.Summary)
	w.str(a.Added)
	if d := a.Discontinued; d != nil {
		w.n(1)
		w.strs(d.Date, d.Source, d.Note)
	} else {
		w.n(0)
	}
	w.n(len(a.Values))
	for _, id := range sortedKeys(a.Values) {
		cell := a.Values[id]
		w.str(id)
		w.value(cell.Value)
		w.str(cell.Verified) // the note and sources: EncodeEvidence
		if cell.History == nil {
			w.n(0)
		} else {
			w.n(len(cell.History) + 1)
		}
		for _, h := range cell.History {
			w.value(h.Value)
			w.str(h.Until) // the note and sources: EncodeEvidence
		}
	}
	if a.Status == nil {
		w.n(0)
	} else {
		w.n(len(a.Status) + 1)
	}
	for _, s := range a.Status {
		w.strs(s.Curator, s.Status, s.Since) // the reason and source: EncodeEvidence
	}
}

// binError is a broken compact catalog; ReadBinary returns it.
type binError string

func (e binError) Error() string { return "catalog: broken compact catalog: " + string(e) }

type binReader struct {
	b       []byte
	pending map[string][]L10n // by language: the texts still to fill, in order
}

func (r *binReader) n() int {
	v, k := binary.Uvarint(r.b)
	if k <= 0 || v > uint64(len(r.b))*8+1<<20 {
		panic(binError("bad number"))
	}
	r.b = r.b[k:]
	return int(v)
}

func (r *binReader) str() string {
	n := r.n()
	if n > len(r.b) {
		panic(binError("string past the end"))
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

// count reads a list length written as n+1, where 0 stands for nil.
func (r *binReader) count() (int, bool) {
	n := r.n()
	if n == 0 {
		return 0, false
	}
	if n-1 > len(r.b) {
		panic(binError("list longer than the file"))
	}
	return n - 1, true
}

func (r *binReader) list() []string {
	n, ok := r.count()
	if !ok {
		return nil
	}
	ss := make([]string, n)
	for i := range ss {
		ss[i] = r.str()
	}
	return ss
}

// l10n reads which languages a text has; fillTexts fills in the texts.
func (r *binReader) l10n() L10n {
	n, ok := r.count()
	if !ok {
		return nil
	}
	if r.pending == nil {
		r.pending = map[string][]L10n{}
	}
	t := make(L10n, n)
	for range n {
		k := r.str()
		t[k] = ""
		r.pending[k] = append(r.pending[k], t)
	}
	return t
}

// fillTexts reads each language's texts and puts them where l10n left
// room for them.
func (r *binReader) fillTexts() {
	n := r.n()
	if n > len(r.pending) {
		panic(binError("texts of more languages than the catalog has"))
	}
	for range n {
		lang := r.str()
		texts := r.list()
		if len(texts) != len(r.pending[lang]) {
			panic(binError("another number of texts in " + lang))
		}
		for i, t := range r.pending[lang] {
			t[lang] = texts[i]
		}
		delete(r.pending, lang)
	}
}

func (r *binReader) strMap() map[string]string {
	n := r.n()
	if n > len(r.b) {
		panic(binError("map longer than the file"))
	}
	if n == 0 {
		return nil // a language whose messages are in its pack
	}
	m := make(map[string]string, n)
	for range n {
		k := r.str()
		m[k] = r.str()
	}
	return m
}

func (r *binReader) criterion(c *Criterion) {
	c.ID, c.Group, c.Type = r.str(), r.str(), Type(r.str())
	c.Values = r.list()
	if n := r.n(); n > 0 {
		c.ValueLabels = make(map[string]L10n, n)
		for range n {
			k := r.str()
			c.ValueLabels[k] = r.l10n()
		}
	}
	switch r.n() {
	case 1:
		c.Good = new(bool)
	case 2:
		c.Good = new(bool)
		*c.Good = true
	}
	c.UnlimitedAllowed = r.n() == 1
	c.Key = r.n() == 1
	c.Unit, c.Label, c.Description = r.l10n(), r.l10n(), r.l10n()
}

func (r *binReader) value() Value {
	v := Value{Type: Type(r.str())}
	if r.n() == 1 {
		v.Null = true
		return v
	}
	v.Bool = r.n() == 1
	v.Unlimited = r.n() == 1
	v.Str = r.str()
	v.Set = r.list()
	v.Num = r.n()
	if n, ok := r.count(); ok {
		v.Audits = make([]Audit, n)
		for i := range v.Audits {
			v.Audits[i] = Audit{Year: r.n(), Auditor: r.str(), Scope: r.str(), URL: r.str()}
		}
	}
	return v
}

func (r *binReader) app(a *App) {
	a.ID, a.Name, a.Homepage = r.str(), r.str(), r.str()
	a.Summary = r.l10n()
	a.Added = r.str()
	if r.n() == 1 {
		a.Discontinued = &Discontinued{Date: r.str(), Source: r.str(), Note: r.str()}
	}
	n := r.n()
	a.Values = make(map[string]*Cell, n)
	for range n {
		id := r.str()
		cell := &Cell{Value: r.value(), Verified: r.str()}
		if h, ok := r.count(); ok {
			cell.History = make([]Change, h)
			for i := range cell.History {
				cell.History[i] = Change{Value: r.value(), Until: r.str()}
			}
		}
		a.Values[id] = cell
	}
	if n, ok := r.count(); ok {
		a.Status = make([]Status, n)
		for i := range a.Status {
			a.Status[i] = Status{Curator: r.str(), Status: r.str(), Since: r.str()}
		}
	}
}
