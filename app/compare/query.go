// Package compare turns a reader's question into an answer: the query that
// the URL carries (which messengers, which criteria, which requirements) and
// Apply, which keeps the messengers that meet it and says why the others
// fail. It is pure: no UI, no browser, no server.
package compare

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"unicode/utf8"

	"msgcompare/app/catalog"
)

// Query is the state of a comparison, as carried by the URL parameters of
// docs/contract.md §3. The zero Query shows everything.
type Query struct {
	Apps        []string            // messengers to show, in order; empty: all
	Criteria    []string            // criteria to show, in order; empty: the key ones (DefaultCriteria)
	AllCriteria bool                // criteria=all: every criterion
	Require     []catalog.Condition // conditions a messenger must meet
	Preset      string              // named rule set; its conditions add to Require
	Q           string              // free-text search
	Sort        string              // "name", "score" or a criterion id; "-" prefix: descending
	View        string              // "matrix" or "cards"; empty: chosen by screen width
	Diff        bool                // only criteria where the shown messengers differ
	Theme       string              // "auto", "light", "dark" or "contrast"; empty: auto
	Lang        string              // a tag of the catalog's languages; empty: chosen by the reader's browser
	Guide       []GuideAnswer       // the reader's answers to the guide
	Filters     bool                // the filter panel is open (narrow screens)
	Widget      Widget              // the widget's options (/embed)
}

// noteFunc reports an ignored parameter p with value v: code and args for
// the reader, format and args in English for logs and tests.
type noteFunc func(p, v, code, format string, args ...any)

// The reasons a Notice gives, as message keys of the interface (after
// "notice_"), with the condition errors' (catalog.ConditionCodes).
const (
	NoticeUnreadable   = "unreadable"
	NoticeNoApp        = "no_app"
	NoticeNoCriterion  = "no_criterion"
	NoticeNoPreset     = "no_preset"
	NoticeNoQuestion   = "no_question"
	NoticeNoAnswer     = "no_answer"
	NoticeInvalidChars = "invalid_chars"
	NoticeCut          = "cut"
	NoticeBadSort      = "bad_sort"
	NoticeOneOf        = "one_of"
	NoticeFlag         = "flag"
	NoticeUnknownParam = "unknown_param"
	NoticeTooMany      = "too_many"
	NoticeTooManyConds = "too_many_conditions"
	NoticeMore         = "more"
)

// NoticeCodes lists every code a Notice may carry.
func NoticeCodes() []string {
	return append([]string{NoticeUnreadable, NoticeNoApp, NoticeNoCriterion, NoticeNoPreset, NoticeNoQuestion, NoticeNoAnswer,
		NoticeInvalidChars, NoticeCut, NoticeBadSort, NoticeOneOf, NoticeFlag, NoticeUnknownParam, NoticeTooMany, NoticeTooManyConds, NoticeMore}, catalog.ConditionCodes...)
}

// Notice reports a URL parameter that was ignored, and why.
type Notice struct {
	Param  string
	Value  string
	Reason string // in English, for logs and tests
	Code   string // the reason for readers: message notice_<Code> of the interface
	Args   []any  // its arguments
}

func (n Notice) String() string {
	return fmt.Sprintf("%s=%q ignored: %s", n.Param, n.Value, n.Reason)
}

// The values some parameters accept.
var (
	Views  = []string{"matrix", "cards"}
	Themes = []string{"auto", "light", "dark", "contrast"}
)

// MaxSearch is the longest search text kept; longer text is cut.
const MaxSearch = 100

// MaxConditions is the most conditions a query applies, and MaxNotices
// the most notices it lists (one more says how many were left out): each
// condition is a line in every excluded messenger's reasons and each
// notice a line of the page, so that without them a 64 KB address made a
// page of 25 MB.
const (
	MaxConditions = 32
	MaxNotices    = 16
)

// Decode reads a query from a raw URL query string. It never fails: what it
// cannot use it drops and reports as a Notice.
func Decode(rawQuery string, cat *catalog.Catalog) (Query, []Notice) {
	var q Query
	var notes []Notice
	note := func(p, v, code, format string, args ...any) {
		notes = append(notes, Notice{Param: p, Value: clip(v), Reason: fmt.Sprintf(format, args...), Code: code, Args: args})
	}
	values, err := url.ParseQuery(rawQuery)
	if err != nil {
		notes = append(notes, Notice{Value: clip(rawQuery), Code: NoticeUnreadable,
			Reason: "part of the address could not be read (" + errReason(err) + ")"})
	}
	for _, key := range sortedParams(values) {
		all := values[key]
		joined := strings.Join(all, ",")
		if joined == "" && key != "q" && key != "diff" {
			// An empty value is the default: a GET form sends "view=" for
			// "automatic" and "sort=" for "by name".
			continue
		}
		switch key {
		case "apps":
			q.Apps = decodeIDs(key, joined, func(id string) bool { return cat.App(id) != nil }, NoticeNoApp, "no messenger has this id", note)
		case "criteria":
			if joined == "all" {
				q.AllCriteria = true
				continue
			}
			q.Criteria = decodeIDs(key, joined, func(id string) bool { return cat.Criterion(id) != nil }, NoticeNoCriterion, "no criterion has this id", note)
		case "require":
			conds, errs := catalog.ParseConditions(joined, cat)
			conds = distinctValues(conds)
			if len(conds) > MaxConditions {
				note(key, conds[MaxConditions].String(), NoticeTooManyConds, "at most %d conditions apply; %d more were ignored", MaxConditions, len(conds)-MaxConditions)
				conds = conds[:MaxConditions]
			}
			q.Require = conds
			for _, e := range errs {
				// A type assertion rather than errors.As, which would
				// bring reflection's 40 KB into the wasm.
				if ce, ok := e.(*catalog.ConditionError); ok {
					notes = append(notes, Notice{Param: key, Value: clip(ce.Condition), Reason: e.Error(), Code: ce.Code, Args: ce.Args})
				}
			}
		case "guide":
			q.Guide = decodeGuide(key, joined, cat, note)
		case "preset":
			if cat.Preset(all[0]) != nil {
				q.Preset = all[0]
			} else {
				note(key, all[0], NoticeNoPreset, "no preset has this id")
			}
		case "q":
			raw := strings.Join(all, " ")
			q.Q = CleanSearch(raw)
			if !utf8.ValidString(raw) {
				note(key, q.Q, NoticeInvalidChars, "invalid characters were removed")
			}
			if len([]rune(strings.TrimSpace(raw))) > MaxSearch {
				note(key, q.Q, NoticeCut, "cut to %d characters", MaxSearch)
			}
		case "sort":
			if validSort(all[0], cat) {
				q.Sort = all[0]
			} else {
				note(key, all[0], NoticeBadSort, "expected name, score or a criterion id, optionally with a leading -")
			}
		case "view":
			q.View = decodeChoice(key, all[0], Views, note)
		case "theme":
			q.Theme = decodeChoice(key, all[0], Themes, note)
		case "lang":
			// The catalog's languages (data/locales), matched as a
			// reader's tag is: pt reads pt-BR, zh-cn reads zh-Hans.
			if q.Lang = cat.MatchLang(all[0]); q.Lang == "" {
				note(key, all[0], NoticeOneOf, "expected one of %s", strings.Join(cat.Langs(), ", "))
			}
		case "filters":
			q.Filters = all[0] == "1"
			if all[0] != "1" && all[0] != "0" {
				note(key, all[0], NoticeFlag, "expected 1 or 0")
			}
		case "diff":
			switch all[0] {
			case "1", "true":
				q.Diff = true
			case "0", "false", "":
			default:
				note(key, all[0], NoticeFlag, "expected 1 or 0")
			}
		case "wasm":
			// go-app's own switch (wasm=false disables the app); not ours.
		default:
			if !q.decodeWidget(key, joined, all, cat, note) {
				note(key, joined, NoticeUnknownParam, "unknown parameter")
			}
		}
	}
	return q, limitNotices(notes)
}

// distinctValues keeps each value of a condition's list once
// (platforms:web|web is platforms:web), and then each condition once:
// otherwise one condition could repeat a value up to the header limit, and
// the page would repeat it in every link and reason.
func distinctValues(conds []catalog.Condition) []catalog.Condition {
	out := conds[:0:0]
	seen := make(map[string]bool, len(conds))
	for _, c := range conds {
		if len(c.Values) > 1 {
			vs := c.Values[:0:0]
			for _, v := range c.Values {
				if !slices.Contains(vs, v) {
					vs = append(vs, v)
				}
			}
			c.Values = vs
		}
		if key := c.String(); !seen[key] {
			seen[key] = true
			out = append(out, c)
		}
	}
	return out
}

// limitNotices keeps the first MaxNotices notices and, in place of the
// rest, one that names the first of them and counts the others.
func limitNotices(notes []Notice) []Notice {
	if len(notes) <= MaxNotices+1 {
		return notes
	}
	more := notes[MaxNotices]
	more.Code, more.Args = NoticeMore, []any{len(notes) - MaxNotices - 1}
	more.Reason = fmt.Sprintf("%d more notices are not listed", len(notes)-MaxNotices-1)
	return append(notes[:MaxNotices:MaxNotices], more)
}

// CleanSearch makes reader-typed text a search text: valid UTF-8, trimmed,
// at most MaxSearch characters.
func CleanSearch(s string) string {
	s = strings.TrimSpace(strings.ToValidUTF8(s, ""))
	if r := []rune(s); len(r) > MaxSearch {
		s = strings.TrimSpace(string(r[:MaxSearch]))
	}
	return s
}

func decodeIDs(key, list string, exists func(string) bool, code, why string, note noteFunc) []string {
	var ids []string
	for _, id := range strings.Split(list, ",") {
		id = strings.TrimSpace(id)
		switch {
		case id == "":
		case !exists(id):
			note(key, id, code, why)
		case !slices.Contains(ids, id):
			ids = append(ids, id)
		}
	}
	return ids
}

func decodeChoice(key, v string, allowed []string, note noteFunc) string {
	if slices.Contains(allowed, v) {
		return v
	}
	note(key, v, NoticeOneOf, "expected one of %s", strings.Join(allowed, ", "))
	return ""
}

func validSort(s string, cat *catalog.Catalog) bool {
	s = strings.TrimPrefix(s, "-")
	return s == "name" || s == "score" || cat.Criterion(s) != nil
}

// sortedParams orders the keys so that notices come out in a stable order.
func sortedParams(v url.Values) []string {
	keys := make([]string, 0, len(v))
	for k := range v {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func errReason(err error) string {
	return strings.TrimPrefix(err.Error(), "invalid URL escape ")
}

func clip(s string) string {
	s = strings.ToValidUTF8(s, "?")
	if r := []rune(s); len(r) > 60 {
		return string(r[:57]) + "..."
	}
	return s
}

// Encode writes the query as a canonical URL query string (without "?"),
// parameters in a fixed order and defaults left out, so that equal queries
// give equal permalinks. Decode reads it back.
func (q Query) Encode() string {
	var b strings.Builder
	add := func(k, v string) {
		if v == "" {
			return
		}
		if b.Len() > 0 {
			b.WriteByte('&')
		}
		b.WriteString(k)
		b.WriteByte('=')
		b.WriteString(escape(v))
	}
	add("apps", strings.Join(q.Apps, ","))
	add("criteria", strings.Join(q.Criteria, ","))
	if q.AllCriteria && len(q.Criteria) == 0 {
		add("criteria", "all")
	}
	add("preset", q.Preset)
	add("require", joinConditions(q.Require))
	add("guide", joinGuide(q.Guide))
	add("q", q.Q)
	add("sort", q.Sort)
	add("view", q.View)
	if q.Diff {
		add("diff", "1")
	}
	if q.Filters {
		add("filters", "1")
	}
	q.Widget.encode(add)
	add("theme", q.Theme)
	add("lang", q.Lang)
	return b.String()
}

func joinConditions(cs []catalog.Condition) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = c.String()
	}
	return strings.Join(parts, ",")
}

// escape percent-encodes a parameter value but keeps the characters of the
// require syntax that are safe in a query (",", "!", ":", "|") readable.
func escape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			strings.IndexByte("-_.~,!:|/", c) >= 0:
			b.WriteByte(c)
		case c == ' ':
			b.WriteByte('+')
		default:
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// Conditions returns the query's effective conditions: the preset's, then
// the require list's, without duplicates.
func (q Query) Conditions(cat *catalog.Catalog) []catalog.Condition {
	var conds []catalog.Condition
	if p := cat.Preset(q.Preset); p != nil {
		conds, _ = catalog.ParseConditions(p.Require, cat)
	}
	if len(q.Require) == 0 {
		return conds
	}
	seen := make(map[string]bool, len(conds))
	for _, c := range conds {
		seen[c.String()] = true
	}
	for _, c := range q.Require {
		if key := c.String(); !seen[key] {
			seen[key] = true
			conds = append(conds, c)
		}
	}
	return conds
}

// Requires reports whether the require list holds the condition written c.
func (q Query) Requires(c string) bool {
	for _, have := range q.Require {
		if have.String() == c {
			return true
		}
	}
	return false
}

// Toggle returns a copy of the query with condition c added to the require
// list, or removed when it is there.
func (q Query) Toggle(c catalog.Condition) Query {
	out := q
	out.Require = nil
	found := false
	for _, have := range q.Require {
		if have.String() == c.String() {
			found = true
			continue
		}
		out.Require = append(out.Require, have)
	}
	if !found {
		out.Require = append(out.Require, c)
	}
	return out
}

// Shorten leaves out of q the lists that say what their absence says:
// every messenger in the order Candidates gives them with no list (by
// name), the key criteria in catalog order (DefaultCriteria), and every
// criterion, which is criteria=all. The home page's GET form sends the
// whole state of its checkboxes, so a tap made before the app runs comes
// back with all of them; Apply gives the same result before and after,
// and the permalink is the short one, which also keeps showing messengers
// added to the catalog later.
func (q *Query) Shorten(cat *catalog.Catalog) {
	if len(q.Apps) == len(cat.Apps) && sameApps(q.Apps, ByName(cat)) {
		q.Apps = nil
	}
	if len(q.Criteria) == 0 {
		return
	}
	if slices.Equal(q.Criteria, defaultCriteria(cat, q.AllCriteria)) {
		q.Criteria = nil
	} else if slices.Equal(q.Criteria, defaultCriteria(cat, true)) {
		q.Criteria, q.AllCriteria = nil, true
	}
}

func sameApps(ids []string, apps []*catalog.App) bool {
	for i, a := range apps {
		if ids[i] != a.ID {
			return false
		}
	}
	return true
}
