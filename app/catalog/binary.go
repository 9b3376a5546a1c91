package catalog

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
)

// The compact form of a catalog is what the WebAssembly app carries
// (data/catalog.bin, which `make build` writes from the JSON files): the
// values Load returns, without field names, validation or a JSON decoder.
// Decoding the JSON in the browser took 260–400 ms of main thread at
// start; this takes a few. A string is its length and its bytes, a number
// an unsigned varint, a map its entries in key order, so that one catalog
// always encodes to the same bytes (a test compares them).
//
// It holds the English texts only. Every other language is a pack of its
// own (EncodeLanguage: the interface's messages and the catalog's texts,
// in the order the catalog meets them), which the server serves beside the
// wasm, so that a reader downloads the language they read and not all
// eight. A pack names the catalog version it was made for, and a pack of
// another build is refused rather than misread.
//
// Nor does it hold the facts' notes and sources, two thirds of the
// catalog's weight: they are the evidence pack (EncodeEvidence), which the
// browser fetches when a page first shows a fact's evidence. A catalog
// read without it is Abridged.
//
// Each record is described once, by a function that takes a coder and a
// pointer to the record (codeCriterion, codeApp...): the encoder writes
// the fields it is pointed at, the decoder sets them, so that the two
// directions cannot drift apart. The encoder becomes a coder only in
// EncodeBinary, EncodeLanguage and EncodeEvidence, which the browser never
// calls, so the linker leaves it out of the wasm, which only decodes.
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
	return encodeCatalog(c).b, nil
}

// encodeCatalog encodes the catalog, and keeps the texts of every
// language on the side, in the order the decoder fills them in.
func encodeCatalog(c *Catalog) *encoder {
	e := &encoder{b: []byte(binaryMagic), langTexts: map[string][]string{}}
	codeCatalog(e, c)
	return e
}

// EncodeLanguage encodes the pack of language code (any of the catalog's
// but English), which ReadBinary takes beside the compact catalog.
func EncodeLanguage(c *Catalog, code string) ([]byte, error) {
	l := c.Locale(code)
	if l == nil || code == SourceLang {
		return nil, fmt.Errorf("catalog: no language pack for %q (English is in the compact catalog)", code)
	}
	p := langPack{version: c.Version, lang: code, messages: l.Messages, texts: encodeCatalog(c).langTexts[code]}
	e := &encoder{b: []byte(packMagic)}
	codeLanguage(e, &p)
	return e.b, nil
}

// EncodeEvidence encodes the evidence pack: every cell's note and
// sources with its history's, and the curators' reasons and sources, in
// the order of the apps, of their criteria's ids and of their verdicts,
// which ReadEvidence adds to a catalog that ReadBinary decoded. The wasm
// keeps what lists and filters read (values, dates, verdicts); the words
// and addresses a reader opens come here.
func EncodeEvidence(c *Catalog) []byte {
	e := &encoder{b: []byte(evidenceMagic)}
	// The counts the decoder checks are the catalog's own: no error.
	_ = codeEvidence(e, c)
	return e.b
}

// ReadBinary decodes a catalog written by EncodeBinary, with the packs of
// the languages given (EncodeLanguage); the texts of the others stay out
// (L10n.In falls back to English, and their Locale has no Messages). The
// catalog is Abridged: its cells have no notes or sources until
// ReadEvidence adds them. It trusts its input as far as meaning goes (Load
// validated the facts before they were encoded) but never reads past the
// end or panics on a broken file, and refuses a pack of another catalog
// version.
func ReadBinary(b []byte, langs ...[]byte) (*Catalog, error) {
	return readCompact(b, func(d *decoder) (*Catalog, error) { return d.catalog(langs) })
}

// ReadLanguages decodes only the start of a catalog written by
// EncodeBinary: its version and its languages, with the English messages.
// That is enough to choose the language a page renders in (MatchLang)
// before ReadBinary decodes the whole catalog with that language's pack,
// which the browser fetches first.
func ReadLanguages(b []byte) (*Catalog, error) {
	return readCompact(b, func(d *decoder) (*Catalog, error) {
		c := new(Catalog)
		codeHead(d, c)
		return c, nil
	})
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
	// The pack is read into copies of the cells and verdicts, which take
	// their place only once all of it has been read: a broken pack leaves
	// the catalog as it was.
	draft := evidenceDraft(c)
	err := readPack(b, evidenceMagic, "an evidence pack", func(d *decoder) error {
		if err := codeEvidence(d, draft); err != nil {
			return err
		}
		return d.end("the evidence pack")
	})
	if err != nil {
		return err
	}
	for i := range c.Apps {
		a, from := &c.Apps[i], &draft.Apps[i]
		for id, cell := range a.Values {
			*cell = *from.Values[id]
		}
		copy(a.Status, from.Status)
	}
	c.Abridged = false
	return nil
}

// evidenceDraft copies what the evidence pack fills in: the catalog's
// version, and its apps' ids, cells (with their history) and verdicts.
func evidenceDraft(c *Catalog) *Catalog {
	draft := &Catalog{Version: c.Version, Apps: make([]App, len(c.Apps))}
	for i, a := range c.Apps {
		values := make(map[string]*Cell, len(a.Values))
		for id, cell := range a.Values {
			cp := *cell
			cp.History = slices.Clone(cell.History)
			values[id] = &cp
		}
		draft.Apps[i] = App{ID: a.ID, Values: values, Status: slices.Clone(a.Status)}
	}
	return draft
}

// A coder encodes or decodes the fields it is pointed at: the encoder
// writes them, the decoder sets them. The lengths of what follows pass by
// value instead (size, sizeOrNil), each side getting the length it must
// go on with, so that no local variable escapes to the heap through them.
type coder interface {
	// n, str and flag code a number, a string and a flag (a number, 1
	// for true).
	n(*int)
	str(*string)
	flag(*bool)
	// list codes a list of strings; nil reads back as nil.
	list(*[]string)
	// l10n codes which languages a text has; its words go to the end of
	// the compact catalog (texts) or to a language pack.
	l10n(*L10n)
	// strMap codes a map of strings in key order; an empty one reads back
	// as nil.
	strMap(*map[string]string)
	// size codes the length of a list or map: the encoder writes n and
	// returns it, the decoder returns the one it reads.
	size(n int) int
	// sizeOrNil codes the length of a list that may be nil, written as
	// n+1 with 0 for nil; -1 stands for nil.
	sizeOrNil(n int) int
	// texts codes the words that l10n left out, at the end of the
	// compact catalog: the encoder writes the English ones (the others
	// go to their language's pack), the decoder fills them in.
	texts()
	// decoding reports whether the fields are set rather than written:
	// the helpers below, and the odd record function, then make the
	// slices, maps and pointers to fill.
	decoding() bool
}

// slice codes a slice as its length and its elements, each with code. A
// decoded slice is never nil.
func slice[T any](c coder, s *[]T, code func(coder, *T)) {
	n := c.size(len(*s))
	if c.decoding() {
		*s = make([]T, n)
	}
	for i := range *s {
		code(c, &(*s)[i])
	}
}

// sliceOrNil codes a slice that may be nil, which reads back as nil.
func sliceOrNil[T any](c coder, s *[]T, code func(coder, *T)) {
	n := len(*s)
	if *s == nil {
		n = -1
	}
	if n = c.sizeOrNil(n); n < 0 {
		return
	}
	if c.decoding() {
		*s = make([]T, n)
	}
	for i := range *s {
		code(c, &(*s)[i])
	}
}

// optional codes a pointer that may be nil: a flag, and what it points to.
func optional[T any](c coder, p **T, code func(coder, *T)) {
	has := *p != nil
	c.flag(&has)
	if !has {
		return
	}
	if c.decoding() {
		*p = new(T)
	}
	code(c, *p)
}

// sortedMap codes a map with string keys as its length and its entries in
// key order, each a key and its value, coded with code. An empty map reads
// back as nil.
func sortedMap[V any](c coder, m *map[string]V, code func(coder, *V)) {
	keys := sortedKeys(*m) // none when decoding
	n := c.size(len(keys))
	if n == 0 {
		return
	}
	decoding := c.decoding()
	if decoding {
		*m = make(map[string]V, n)
	}
	var key string
	var value, zero V
	for i := range n {
		if decoding {
			value = zero
		} else {
			key, value = keys[i], (*m)[keys[i]]
		}
		c.str(&key)
		code(c, &value)
		if decoding {
			(*m)[key] = value
		}
	}
}

// codeCatalog codes the compact catalog. Its texts in other languages than
// English are a pack of their own (codeLanguage), its cells' evidence
// another (codeEvidence).
func codeCatalog(c coder, cat *Catalog) {
	codeHead(c, cat)
	slice(c, &cat.Groups, codeGroup)
	slice(c, &cat.Criteria, codeCriterion)
	slice(c, &cat.Presets, codePreset)
	slice(c, &cat.Apps, codeApp)
	sliceOrNil(c, &cat.Guide, codeQuestion)
	optional(c, &cat.Freshness, codeFreshness)
	c.texts()
}

// codeHead codes what the catalog starts with, all that ReadLanguages
// reads: its version and languages.
func codeHead(c coder, cat *Catalog) {
	c.str(&cat.Version)
	c.str(&cat.Updated)
	c.str(&cat.License)
	slice(c, &cat.Locales, codeLocale)
}

func codeLocale(c coder, l *Locale) {
	c.str(&l.Code)
	c.str(&l.Name)
	c.str(&l.Dir)
	if l.Code == SourceLang {
		c.strMap(&l.Messages)
	} else {
		var none map[string]string // in the language's pack
		c.strMap(&none)
	}
}

func codeGroup(c coder, g *Group) {
	c.str(&g.ID)
	c.l10n(&g.Label)
}

// codeCriterion codes a criterion; its Added date is for Load alone.
func codeCriterion(c coder, cr *Criterion) {
	c.str(&cr.ID)
	c.str(&cr.Group)
	c.str((*string)(&cr.Type))
	c.list(&cr.Values)
	sortedMap(c, &cr.ValueLabels, coder.l10n)
	good := 0 // Good is nil (0), false (1) or true (2)
	if cr.Good != nil {
		good = 1
		if *cr.Good {
			good = 2
		}
	}
	c.n(&good)
	if c.decoding() && (good == 1 || good == 2) {
		v := good == 2
		cr.Good = &v
	}
	c.flag(&cr.UnlimitedAllowed)
	c.flag(&cr.Key)
	c.l10n(&cr.Unit)
	c.l10n(&cr.Label)
	c.l10n(&cr.Description)
}

func codePreset(c coder, p *Preset) {
	c.str(&p.ID)
	c.str(&p.Require)
	c.str(&p.Source)
	c.l10n(&p.Label)
	c.l10n(&p.Description)
	c.l10n(&p.Rationale)
}

func codeApp(c coder, a *App) {
	c.str(&a.ID)
	c.str(&a.Name)
	c.str(&a.Homepage)
	c.l10n(&a.Summary)
	c.str(&a.Added)
	optional(c, &a.Discontinued, codeDiscontinued)
	sortedMap(c, &a.Values, codeCell)
	if c.decoding() && a.Values == nil {
		a.Values = map[string]*Cell{} // as Load makes it
	}
	sliceOrNil(c, &a.Status, codeStatus)
}

func codeDiscontinued(c coder, d *Discontinued) {
	c.str(&d.Date)
	c.str(&d.Source)
	c.str(&d.Note)
}

// codeCell codes a fact without its note and sources (codeEvidence has
// them); a decoded fact is a new cell. Pending is for Load alone.
func codeCell(c coder, p **Cell) {
	if *p == nil {
		*p = new(Cell)
	}
	cell := *p
	codeValue(c, &cell.Value)
	c.str(&cell.Verified)
	sliceOrNil(c, &cell.History, codeChange)
}

// codeChange codes a past value without its note and sources
// (codeEvidence).
func codeChange(c coder, h *Change) {
	codeValue(c, &h.Value)
	c.str(&h.Until)
}

// codeValue codes a value: its type, whether it is unknown, and the rest
// only when it is not.
func codeValue(c coder, v *Value) {
	c.str((*string)(&v.Type))
	c.flag(&v.Null)
	if v.Null {
		return
	}
	c.flag(&v.Bool)
	c.flag(&v.Unlimited)
	c.str(&v.Str)
	c.list(&v.Set)
	c.n(&v.Num)
	sliceOrNil(c, &v.Audits, codeAudit)
}

func codeAudit(c coder, a *Audit) {
	c.n(&a.Year)
	c.str(&a.Auditor)
	c.str(&a.Scope)
	c.str(&a.URL)
}

// codeStatus codes a curator's verdict without its reason and source
// (codeEvidence).
func codeStatus(c coder, s *Status) {
	c.str(&s.Curator)
	c.str(&s.Status)
	c.str(&s.Since)
}

func codeQuestion(c coder, q *Question) {
	c.str(&q.ID)
	c.str(&q.Criterion)
	c.flag(&q.Multiple)
	c.l10n(&q.Label)
	c.l10n(&q.Why)
	slice(c, &q.Answers, codeAnswer)
}

func codeAnswer(c coder, a *Answer) {
	c.str(&a.ID)
	c.l10n(&a.Label)
	c.str(&a.Require)
}

func codeFreshness(c coder, f *Freshness) {
	c.n(&f.StaleAfterDays)
	c.n(&f.HardLimitDays)
	c.str(&f.CorrectionURL)
}

// A langPack is what a language pack holds: the catalog version it
// belongs to, its language, the interface's messages in it, and the
// catalog's texts in the order the compact catalog's l10n met them.
type langPack struct {
	version, lang string
	messages      map[string]string
	texts         []string
}

func codeLanguage(c coder, p *langPack) {
	c.str(&p.version)
	c.str(&p.lang)
	c.strMap(&p.messages)
	c.list(&p.texts)
}

// codeEvidence codes the evidence pack of cat: for each app, in order,
// the notes and sources of its cells, by id, and of their past values,
// then the reasons and sources of its verdicts. Its lengths are those of
// the catalog, so they are written only to be checked: a pack of another
// catalog is refused.
func codeEvidence(c coder, cat *Catalog) error {
	version := cat.Version
	c.str(&version)
	if version != cat.Version {
		return fmt.Errorf("catalog: the evidence pack is of catalog %s, not %s: the wasm and the server are of different builds", version, cat.Version)
	}
	for i := range cat.Apps {
		a := &cat.Apps[i]
		ids := sortedKeys(a.Values)
		if n := c.size(len(ids)); n != len(ids) {
			return fmt.Errorf("catalog: the evidence pack has %d facts of %s, the catalog %d", n, a.ID, len(ids))
		}
		for _, id := range ids {
			cell := a.Values[id]
			c.list(&cell.Sources)
			c.str(&cell.Note)
			if n := c.size(len(cell.History)); n != len(cell.History) {
				return fmt.Errorf("catalog: the evidence pack has %d past values of %s's %s, the catalog %d", n, a.ID, id, len(cell.History))
			}
			for k := range cell.History {
				c.list(&cell.History[k].Sources)
				c.str(&cell.History[k].Note)
			}
		}
		if n := c.size(len(a.Status)); n != len(a.Status) {
			return fmt.Errorf("catalog: the evidence pack has %d verdicts on %s, the catalog %d", n, a.ID, len(a.Status))
		}
		for k := range a.Status {
			c.str(&a.Status[k].Reason)
			c.str(&a.Status[k].Source)
		}
	}
	return nil
}

// The encoder writes what a coder is pointed at.
type encoder struct {
	b         []byte
	langTexts map[string][]string // by language, in the order l10n met them
}

func (e *encoder) decoding() bool { return false }

func (e *encoder) writeNum(v int) { e.b = binary.AppendUvarint(e.b, uint64(v)) }

func (e *encoder) writeStr(s string) {
	e.writeNum(len(s))
	e.b = append(e.b, s...)
}

func (e *encoder) n(v *int)      { e.writeNum(*v) }
func (e *encoder) str(s *string) { e.writeStr(*s) }

func (e *encoder) flag(f *bool) {
	if *f {
		e.writeNum(1)
	} else {
		e.writeNum(0)
	}
}

func (e *encoder) size(n int) int {
	e.writeNum(n)
	return n
}

func (e *encoder) sizeOrNil(n int) int {
	e.writeNum(n + 1)
	return n
}

func (e *encoder) list(ss *[]string) {
	if *ss == nil {
		e.sizeOrNil(-1)
		return
	}
	e.sizeOrNil(len(*ss))
	for _, s := range *ss {
		e.writeStr(s)
	}
}

func (e *encoder) l10n(t *L10n) {
	if *t == nil {
		e.sizeOrNil(-1)
		return
	}
	e.sizeOrNil(len(*t))
	for _, k := range sortedKeys(*t) {
		e.writeStr(k)
		e.langTexts[k] = append(e.langTexts[k], (*t)[k])
	}
}

func (e *encoder) strMap(m *map[string]string) {
	e.writeNum(len(*m))
	for _, k := range sortedKeys(*m) {
		e.writeStr(k)
		e.writeStr((*m)[k])
	}
}

func (e *encoder) texts() {
	e.writeNum(1)
	e.writeStr(SourceLang)
	en := e.langTexts[SourceLang]
	e.list(&en)
}

// binError is a broken compact catalog or pack: the decoder panics with
// it, readPack returns it.
type binError string

func (e binError) Error() string { return "catalog: broken compact catalog: " + string(e) }

// The decoder sets what a coder is pointed at.
type decoder struct {
	b       []byte
	pending map[string][]L10n // by language: the texts still to fill, in order
}

// readCompact checks that b is a compact catalog and decodes it with read.
func readCompact(b []byte, read func(*decoder) (*Catalog, error)) (c *Catalog, err error) {
	err = readPack(b, binaryMagic, "a compact catalog", func(d *decoder) (err error) {
		c, err = read(d)
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
func readPack(b []byte, magic, what string, read func(*decoder) error) (err error) {
	if len(b) < len(magic) || string(b[:len(magic)]) != magic {
		return errors.New("catalog: not " + what + " (or of another version): rebuild it with make build")
	}
	d := decoder{b: b[len(magic):]}
	defer func() {
		if e := recover(); e != nil {
			if be, ok := e.(binError); ok {
				err = be
				return
			}
			panic(e)
		}
	}()
	return read(&d)
}

// end checks that nothing is left after what has been read.
func (d *decoder) end(what string) error {
	if len(d.b) != 0 {
		return fmt.Errorf("catalog: %d bytes after the end of %s", len(d.b), what)
	}
	return nil
}

// catalog reads the whole catalog, then the language packs.
func (d *decoder) catalog(langs [][]byte) (*Catalog, error) {
	c := new(Catalog)
	codeCatalog(d, c)
	if err := d.end("the compact catalog"); err != nil {
		return nil, err
	}
	for _, b := range langs {
		if err := d.language(c, b); err != nil {
			return nil, err
		}
	}
	// The languages without their pack: no room left for their texts.
	for lang, ts := range d.pending {
		for _, t := range ts {
			delete(t, lang)
		}
	}
	c.Abridged = true
	c.index()
	return c, nil
}

// language reads a language pack into c: its messages, and its texts
// where l10n left room for them.
func (d *decoder) language(c *Catalog, b []byte) error {
	return readPack(b, packMagic, "a language pack", func(pack *decoder) error {
		var p langPack
		codeLanguage(pack, &p)
		if p.version != c.Version {
			return fmt.Errorf("catalog: the %s pack is of catalog %s, not %s: the wasm and the server are of different builds", p.lang, p.version, c.Version)
		}
		l := c.Locale(p.lang)
		if l == nil || p.lang == SourceLang {
			return fmt.Errorf("catalog: a pack of language %q, which the catalog has no room for", p.lang)
		}
		if l.Messages != nil {
			return fmt.Errorf("catalog: two packs of %s", p.lang)
		}
		pending := d.pending[p.lang]
		if len(p.texts) != len(pending) {
			return fmt.Errorf("catalog: the %s pack has %d texts, the catalog room for %d", p.lang, len(p.texts), len(pending))
		}
		if err := pack.end("the " + p.lang + " pack"); err != nil {
			return err
		}
		l.Messages = p.messages
		for i, t := range pending {
			t[p.lang] = p.texts[i]
		}
		delete(d.pending, p.lang)
		return nil
	})
}

func (d *decoder) decoding() bool { return true }

// readNum reads a number; one larger than the rest of the file could
// use is broken.
func (d *decoder) readNum() int {
	v, k := binary.Uvarint(d.b)
	if k <= 0 || v > uint64(len(d.b))*8+1<<20 {
		panic(binError("bad number"))
	}
	d.b = d.b[k:]
	return int(v)
}

func (d *decoder) readStr() string {
	n := d.readNum()
	if n > len(d.b) {
		panic(binError("string past the end"))
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

func (d *decoder) n(v *int)      { *v = d.readNum() }
func (d *decoder) str(s *string) { *s = d.readStr() }
func (d *decoder) flag(f *bool)  { *f = d.readNum() == 1 }

// size reads a length, which cannot be more than the bytes left: every
// element takes at least one.
func (d *decoder) size(int) int {
	n := d.readNum()
	if n > len(d.b) {
		panic(binError("list longer than the file"))
	}
	return n
}

func (d *decoder) sizeOrNil(int) int {
	n := d.readNum()
	if n == 0 {
		return -1
	}
	if n-1 > len(d.b) {
		panic(binError("list longer than the file"))
	}
	return n - 1
}

func (d *decoder) list(ss *[]string) {
	n := d.sizeOrNil(0)
	if n < 0 {
		*ss = nil
		return
	}
	*ss = make([]string, n)
	for i := range *ss {
		(*ss)[i] = d.readStr()
	}
}

// l10n reads which languages a text has; texts or a language pack fill
// in the words.
func (d *decoder) l10n(t *L10n) {
	n := d.sizeOrNil(0)
	if n < 0 {
		*t = nil
		return
	}
	if d.pending == nil {
		d.pending = map[string][]L10n{}
	}
	text := make(L10n, n)
	for range n {
		k := d.readStr()
		text[k] = ""
		d.pending[k] = append(d.pending[k], text)
	}
	*t = text
}

func (d *decoder) strMap(m *map[string]string) {
	n := d.readNum()
	if n > len(d.b) {
		panic(binError("map longer than the file"))
	}
	if n == 0 {
		*m = nil // a language whose messages are in its pack
		return
	}
	*m = make(map[string]string, n)
	for range n {
		k := d.readStr()
		(*m)[k] = d.readStr()
	}
}

// texts reads the words of each language that the compact catalog holds
// and puts them where l10n left room for them.
func (d *decoder) texts() {
	n := d.readNum()
	if n > len(d.pending) {
		panic(binError("texts of more languages than the catalog has"))
	}
	for range n {
		lang := d.readStr()
		var texts []string
		d.list(&texts)
		if len(texts) != len(d.pending[lang]) {
			panic(binError("another number of texts in " + lang))
		}
		for i, t := range d.pending[lang] {
			t[lang] = texts[i]
		}
		delete(d.pending, lang)
	}
}
