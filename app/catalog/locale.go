package catalog

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"msgcompare/app/calendar"
	"msgcompare/app/plural"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The translations: one folder per language under data/locales, named by
// its language tag (en, pt-BR, zh-Hans), holding two flat JSON files of
// key → text that translation platforms read and write as they are:
//
//	ui.json       the interface's messages
//	catalog.json  the catalog's texts: criteria, groups, presets, the
//	              guide's questions and the messengers' summaries
//
// The folders are the list of languages: adding one is adding its folder.
// English is the source: every key must have an English text, and a key
// another language lacks reads in English.
const (
	LocalesDir = "locales"
	UIFile     = "ui.json"
	TextsFile  = "catalog.json"
	SourceLang = "en"
)

// The messages of ui.json that describe the language itself rather than
// being shown as they are.
const (
	MsgLangName = "language_name" // the language's own name: "Deutsch"
	MsgLangDir  = "language_dir"  // "ltr" or "rtl"
	MsgDigits   = "digits"        // the ten digits 0–9 as the language writes them
	MsgCalendar = "calendar"      // the calendar dates read in: "gregorian" or "persian"
)

// Locale is one language of the site: its tag, its own name, its writing
// direction and the interface's messages.
type Locale struct {
	Code     string            `json:"code"`
	Name     string            `json:"name"`
	Dir      string            `json:"dir"` // "ltr" or "rtl"
	Messages map[string]string `json:"-"`
	// Missing lists the keys English has and this language does not, or
	// has as an empty text ("ui.json: title"): not translated yet, they
	// show in English. Load fills it; the compact form does not carry it.
	Missing []string `json:"-"`
}

// Msg returns the message key in the locale; "" when it has none.
func (l *Locale) Msg(key string) string { return l.Messages[key] }

// Langs lists the catalog's language tags, English first.
func (c *Catalog) Langs() []string {
	tags := make([]string, len(c.Locales))
	for i, l := range c.Locales {
		tags[i] = l.Code
	}
	return tags
}

// Locale returns the language with exactly that tag, or nil.
func (c *Catalog) Locale(code string) *Locale {
	for i := range c.Locales {
		if c.Locales[i].Code == code {
			return &c.Locales[i]
		}
	}
	return nil
}

// MatchLang returns the catalog's language for a reader's language tag,
// or "" when none fits. Tags match case-insensitively; a tag also matches
// a language of the same base language (pt-PT and pt read pt-BR; zh,
// zh-CN and zh-SG read zh-Hans) unless it asks for another script
// (zh-Hant, or zh-TW, zh-HK and zh-MO, which write Traditional Chinese).
func (c *Catalog) MatchLang(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if tag == "" || len(tag) > 35 {
		return ""
	}
	for _, l := range c.Locales {
		if strings.ToLower(l.Code) == tag {
			return l.Code
		}
	}
	base, _, _ := strings.Cut(tag, "-")
	want := scriptOf(tag)
	for _, l := range c.Locales {
		code := strings.ToLower(l.Code)
		lb, _, _ := strings.Cut(code, "-")
		if lb == base && (want == "" || want == scriptOf(code)) {
			return l.Code
		}
	}
	return ""
}

// scriptOf is the script a lowercase tag names or implies, "" when it says
// nothing; only Chinese's two scripts matter here.
func scriptOf(tag string) string {
	for _, sub := range strings.Split(tag, "-")[1:] {
		switch sub {
		case "hans", "cn", "sg", "my":
			return "hans"
		case "hant", "tw", "hk", "mo":
			return "hant"
		}
	}
	return ""
}

// Negotiate picks the catalog's language an Accept-Language header
// ("fa-IR, fa;q=0.9, en;q=0.5") ranks highest, honouring quality values
// (any case, beside other parameters): the first of the highest weight.
// An element whose weight is 0 or not a weight is left out; "" when
// none fits.
func (c *Catalog) Negotiate(header string) string {
	best, bestQ := "", 0
	for i, part := range strings.Split(header, ",") {
		if i >= 32 {
			break // a header this long is not a reader's
		}
		tag, params, _ := strings.Cut(part, ";")
		q, ok := quality(params)
		if !ok {
			continue
		}
		if code := c.MatchLang(tag); code != "" && q > bestQ {
			best, bestQ = code, q
		}
	}
	return best
}

// quality reads the weight of one element of an Accept-Language header
// from its parameters ("q=0.8", "level=1;Q=0.5") in thousandths: 1000
// without a q parameter. ok is false when a q parameter is 0 or not a
// weight as RFC 9110 writes them (0, 0.5, 0.125, 1, 1.000), since the
// element is then not wanted, or not readable.
func quality(params string) (q int, ok bool) {
	q = 1000
	for _, p := range strings.Split(params, ";") {
		name, v, _ := strings.Cut(p, "=")
		if !strings.EqualFold(strings.TrimSpace(name), "q") {
			continue
		}
		n, ok := qvalue(strings.TrimSpace(v))
		if !ok || n == 0 {
			return 0, false
		}
		q = n
	}
	return q, true
}

// qvalue reads a weight of RFC 9110: 0 or 1 with at most three decimals,
// at most 1.
func qvalue(v string) (int, bool) {
	whole, frac, dot := strings.Cut(v, ".")
	if (whole != "0" && whole != "1") || len(frac) > 3 || (dot && whole == "1" && strings.Trim(frac, "0") != "") {
		return 0, false
	}
	n := 0
	for i := 0; i < 3; i++ {
		n *= 10
		if i < len(frac) {
			if frac[i] < '0' || frac[i] > '9' {
				return 0, false
			}
			n += int(frac[i] - '0')
		}
	}
	if whole == "1" {
		return 1000, true
	}
	return n, true
}

// Prefer picks the catalog's language for a browser's ordered list of
// languages (navigator.languages): the first that fits, or "".
func (c *Catalog) Prefer(tags []string) string {
	for _, tag := range tags {
		if code := c.MatchLang(tag); code != "" {
			return code
		}
	}
	return ""
}

// langTag is the shape of a folder name under data/locales: a language,
// an optional script, an optional region (en, fa, pt-BR, zh-Hans).
var langTag = regexp.MustCompile(`^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2}|-[0-9]{3})?$`)

// texts are the catalog's texts of every language: tag → key → text. The
// loader takes each text it needs from them (text) and then reports the
// keys nothing took.
type texts struct {
	by   map[string]map[string]string
	used map[string]bool
}

// loadLocales reads every language's folder. English must exist; the other
// languages' keys must be English's, with the same printf verbs.
func (l *loader) loadLocales(cat *Catalog) {
	l.texts = texts{by: map[string]map[string]string{}, used: map[string]bool{}}
	entries, err := fs.ReadDir(l.fsys, LocalesDir)
	if err != nil {
		l.report(LocalesDir).add("", "expected one folder per language, such as %s/%s/%s", LocalesDir, SourceLang, UIFile)
		return
	}
	type files struct{ ui, texts map[string]string }
	read := map[string]files{}
	var codes []string
	for _, e := range entries {
		name := path.Join(LocalesDir, e.Name())
		if !e.IsDir() || !langTag.MatchString(e.Name()) {
			l.report(name).add("", "expected only folders named by language tag (en, fa, pt-BR, zh-Hans)")
			continue
		}
		ui, ok1 := l.readStrings(path.Join(name, UIFile))
		// A language may start with the interface alone: without its
		// catalog.json, the catalog's texts read in English (marked).
		tx, ok2 := map[string]string{}, true
		if _, err := fs.Stat(l.fsys, path.Join(name, TextsFile)); err == nil || e.Name() == SourceLang {
			tx, ok2 = l.readStrings(path.Join(name, TextsFile))
		}
		if ok1 && ok2 {
			read[e.Name()] = files{ui, tx}
			codes = append(codes, e.Name())
		}
	}
	en, ok := read[SourceLang]
	if !ok {
		if len(l.errs) == 0 {
			l.report(path.Join(LocalesDir, SourceLang)).add("", "expected the English source texts (%s and %s)", UIFile, TextsFile)
		}
		return
	}
	sort.Slice(codes, func(i, j int) bool {
		return codes[i] == SourceLang || codes[j] != SourceLang && codes[i] < codes[j]
	})
	for _, code := range codes {
		f := read[code]
		dir := path.Join(LocalesDir, code)
		loc := Locale{Code: code, Name: f.ui[MsgLangName], Dir: f.ui[MsgLangDir], Messages: f.ui}
		l.compareTo(&loc, path.Join(dir, UIFile), f.ui, en.ui)
		l.compareTo(&loc, path.Join(dir, TextsFile), f.texts, en.texts)
		if code == SourceLang {
			l.checkSourceMessages(f.ui)
		}
		r := l.report(path.Join(dir, UIFile))
		if strings.TrimSpace(loc.Name) == "" {
			r.add(MsgLangName, "expected the language's own name, such as \"Deutsch\"")
		}
		if loc.Dir != "ltr" && loc.Dir != "rtl" {
			r.add(MsgLangDir, "expected \"ltr\" or \"rtl\", got %q", loc.Dir)
		}
		if d, ok := f.ui[MsgDigits]; ok && utf8.RuneCountInString(d) != 10 {
			r.add(MsgDigits, "expected the ten digits 0 to 9, got %q", d)
		}
		if c, ok := f.ui[MsgCalendar]; ok && !calendar.Known(c) {
			r.add(MsgCalendar, "expected %q or %q, got %q", calendar.Gregorian, calendar.Persian, c)
		}
		cat.Locales = append(cat.Locales, loc)
		l.texts.by[code] = f.texts
	}
	for _, loc := range cat.Locales {
		escapeLonePercents(loc.Messages)
	}
}

// compareTo checks one file of a language against English's: only
// English's keys, and in each text the placeholders of English's and a
// percent sign written as its kind of text reads it (checkText). An empty
// text is one not translated yet: it is dropped, so that the English one
// shows, and recorded as missing like a key the language lacks.
func (l *loader) compareTo(loc *Locale, name string, got, en map[string]string) {
	r := l.report(name)
	catalogTexts := path.Base(name) == TextsFile
	needs := plural.For(loc.Code).Needs()
	for _, k := range sortedKeys(got) {
		want, ok := en[k]
		_, shown := uiMessage(k)
		spec, count := countMessage(k, catalogTexts)
		switch {
		case !ok && !catalogTexts && shown:
			// English lacks a message the program shows: that is
			// English's error (checkSourceMessages), not this file's.
		case !ok && loc.Code != SourceLang:
			r.add(k, "expected a key of the English file %s%s; delete a text English no longer has", path.Join(l.opt.Dir, LocalesDir, SourceLang, path.Base(name)), didYouMean(k, en))
			delete(got, k)
		case strings.TrimSpace(got[k]) == "":
			// English's are reported where the key is needed, with
			// what it is for (text, checkSourceMessages).
			delete(got, k)
		case count && (catalogTexts || loc.Code != SourceLang):
			// English's ui.json: checkSourceMessages, against the program.
			checkCount(r, k, got[k], spec, needs)
		case catalogTexts:
			checkText(r, k, got[k], "", fromNothing)
		case loc.Code == SourceLang:
			// checkSourceMessages compares English with the program.
		default:
			checkText(r, k, got[k], want, fromEnglish)
		}
	}
	if loc.Code == SourceLang {
		return
	}
	for _, k := range sortedKeys(en) {
		if _, ok := got[k]; !ok {
			loc.Missing = append(loc.Missing, path.Base(name)+": "+k)
		}
	}
}

// checkSourceMessages holds English's ui.json to the messages the program
// shows (uiMessage): each of them, none other, with the placeholders its
// code fills.
func (l *loader) checkSourceMessages(en map[string]string) {
	r := l.report(path.Join(LocalesDir, SourceLang, UIFile))
	known := map[string]string{}
	for _, k := range uiTexts {
		known[k] = ""
	}
	for k, v := range uiFormats {
		known[k] = v
	}
	for k, v := range uiCounts {
		known[k] = v
	}
	needs := plural.For(SourceLang).Needs()
	for _, k := range sortedKeys(en) {
		want, ok := uiMessage(k)
		if !ok {
			r.add(k, "expected a message the program shows%s; a new message needs its key in app/catalog/messages.go too", didYouMean(k, known))
			continue
		}
		if spec, ok := uiCounts[k]; ok {
			checkCount(r, k, en[k], spec, needs)
		} else {
			checkText(r, k, en[k], want, fromProgram)
		}
		if n, ok := paragraph(k); ok && n > 1 {
			if prev := uiParagraphs + strconv.Itoa(n-1); en[prev] == "" {
				r.add(k, "expected %s before it (the paragraphs show in order until the first one missing)", prev)
			}
		}
	}
	known[uiParagraphs+"1"] = ""
	for _, k := range sortedKeys(known) {
		if _, ok := en[k]; !ok {
			with := ""
			if _, ok := uiCounts[k]; ok {
				args, _ := MessageArgs(k)
				with = ", with the arguments " + braces(args)
			} else if known[k] != "" {
				with = ", with the placeholders " + known[k]
			}
			r.add(k, "expected the English text of a message the program shows%s", with)
		}
	}
}

// readStrings decodes a flat JSON object of strings, reporting syntax
// errors with their line, a non-string value by key, and duplicate keys
// and text that is not UTF-8 (checkStrict).
func (l *loader) readStrings(name string) (map[string]string, bool) {
	r := l.report(name)
	b, ok := l.readFile(name)
	if !ok {
		return nil, false
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		var syn *json.SyntaxError
		if errors.As(err, &syn) {
			r.addLine(lineOf(b, syn.Offset), "invalid JSON: %v", syn)
		} else {
			r.add("", "expected a JSON object of key → text")
		}
		return nil, false
	}
	before := len(*r.errs)
	checkStrict(r, b)
	ok = len(*r.errs) == before
	out := make(map[string]string, len(raw))
	for k, v := range raw {
		var s string
		if err := json.Unmarshal(v, &s); err != nil {
			r.add(k, "expected a text in quotes, got %s", bytes.TrimSpace(v))
			ok = false
			continue
		}
		out[k] = s
	}
	return out, ok
}

// text returns the catalog text key in every language that has it; what
// says what the text is for, in the error when English lacks it.
func (l *loader) text(key, what string) L10n {
	t := l.optionalText(key)
	if t[SourceLang] == "" && l.texts.by[SourceLang] != nil {
		l.report(path.Join(LocalesDir, SourceLang, TextsFile)).add(key, "expected a text: %s", what)
	}
	if t == nil {
		t = L10n{}
	}
	return t
}

// optionalText is text for a text the catalog may go without: nil when no
// language has it.
func (l *loader) optionalText(key string) L10n {
	l.texts.used[key] = true
	var t L10n
	for code, tx := range l.texts.by {
		if s, ok := tx[key]; ok {
			if t == nil {
				t = L10n{}
			}
			t[code] = s
		}
	}
	return t
}

// checkUnusedTexts reports the keys of catalog.json that name nothing in
// the catalog: a typo, or a criterion that was removed.
func (l *loader) checkUnusedTexts() {
	for _, code := range sortedKeys(l.texts.by) {
		r := l.report(path.Join(LocalesDir, code, TextsFile))
		for _, k := range sortedKeys(l.texts.by[code]) {
			if !l.texts.used[k] {
				r.add(k, "names nothing in the catalog (expected keys such as criterion.<id>.label, group.<id>, app.<id>.summary; see docs/translating.md)")
			}
		}
	}
}

// inlineText reports a text written into a structure file: texts live in
// the languages' catalog.json files since there are more than two.
func inlineText(r report, field string, t L10n, key string) {
	if t != nil {
		r.add(field, "texts live in %s/<lang>/%s: move it there as %q", LocalesDir, TextsFile, key)
	}
}
