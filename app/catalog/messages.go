package catalog

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The interface's messages (ui.json) belong to the program: its code
// names every key and fills every placeholder. The lists below say which,
// so that Load holds English to what the code shows: a message English
// lacks would print as nothing or as "%!(EXTRA int=30)", a key the code
// does not know is a typo or dead weight for translators. A new message
// goes here, in app/ui's keys and in locales/en/ui.json;
// TestMessagesMatchTheCode keeps this list and app/ui's keys in step.

// uiTexts are the messages shown as written: a % in them is a percent
// sign, and %% would show two.
var uiTexts = []string{
	"language_name", "language_dir", "digits", "calendar", "month_1",
	"month_2", "month_3", "month_4", "month_5", "month_6", "month_7",
	"month_8", "month_9", "month_10", "month_11", "month_12", "list_sep",
	"notes_in_english", "title", "headline", "tagline", "skip",
	"nav_label", "nav_home", "nav_compare", "nav_about", "presets",
	"search", "search_hint", "sort", "sort_name", "sort_score", "view",
	"view_auto", "view_matrix", "view_cards", "diff", "requirements",
	"apply", "clear", "none_kept", "matrix_caption", "messenger",
	"mark_good", "mark_bad", "mark_unknown",
	"why_not", "why_not_intro", "no_match", "yes", "no", "unknown",
	"none", "notice", "sources", "evidence_loading", "evidence_failed",
	"evidence_refused",
	"source", "history", "close", "discontinued", "homepage", "open_full",
	"builder_title", "builder_intro", "preset", "no_preset", "theme",
	"theme_auto", "theme_light", "theme_dark", "theme_contrast",
	"language", "preview", "snippet", "copy", "copied", "widget_title",
	"nav_embed", "not_found", "back", "page_not_found", "all_messengers",
	"snippet_host", "boot_failed", "added_to_catalog", "key_criteria",
	"guide_title", "guide_intro", "guide_submit", "what_it_means",
	"shortlist", "no_full_match", "see_table", "compare_these", "tie",
	"weaker", "verdict_one", "compare_with", "status_title",
	"status_recommended", "status_listed", "status_removed", "pick_two",
	"status_recommended_with_caveats", "status_not_recommended",
	"curator_privacyguides", "curator_kuketz", "curator_securemessagingapps",
	"no_differences", "compare_caption", "criterion", "about_title",
	"criteria_title", "presets_title", "licence_title", "licence_text",
	"contribute_title", "contribute_text", "nav_changes", "changes_title",
	"changes_intro", "feed", "all_apps", "all_criteria", "no_changes",
	"service_ended", "correction", "no_limit", "show_fewer", "link_blocked",
	"rows_option", "parts_option", "part_filters", "part_whynot", "accent_option", "accent_none",
	"bg_option", "bg_theme", "bg_transparent", "font_option", "font_system", "font_sans",
	"font_serif", "font_rounded", "font_mono", "paste_url", "hugo_shortcode",
	"closest", "why_no_audit", "why_no_release", "guide_hint", "see_shortlist",
	"curators_title", "curators_intro", "curators_caption", "curators_disagree", "curators_link",
	"agreement", "agree_single", "agree_agree", "agree_disagree", "agree_partly", "not_covered",
	"og_save", "og_png", "og_svg", "og_badge_offer", "og_markdown", "og_html",
}

// uiParagraphs is the prefix of the methodology's paragraphs, shown in
// order from about_1 until the first number English lacks.
const uiParagraphs = "about_"

// uiFormats are the messages the code fills in with fmt.Sprintf, each with
// the placeholders it fills, as English writes them. In a message with
// placeholders a percent sign is written %%. The notices without one are
// formatted too (each notice is, with its own arguments), but translators
// write them like a text shown as written, and Load doubles their %.
var uiFormats = map[string]string{
	"date_format":              "%[2]s %[3]d %[1]d",
	"label_value":              "%s %s",
	"not_value":                "%s",
	"choose_apps":              "%d %d",
	"choose_criteria":          "%d %d",
	"count_req":                "%d",
	"fails":                    "%s",
	"data":                     "%s %s",
	"verified":                 "%s",
	"until":                    "%s",
	"all_facts":                "%s",
	"jump":                     "%d",
	"tie_why":                  "%s",
	"summary_full":             "%s %s",
	"curators_summary":         "%s %s %s %s",
	"why_audit":                "%s %s",
	"why_release":              "%s",
	"why_old_release":          "%s",
	"filters":                  "%d",
	"discontinued_on":          "%s",
	"slot":                     "%d",
	"not_checked":              "%s",
	"several":                  "%d",
	"change_count":             "%d",
	"notice_ignored":           "%s %s %s",
	"notice_unreadable":        "",
	"notice_no_app":            "",
	"notice_no_criterion":      "",
	"notice_no_preset":         "",
	"notice_no_question":       "",
	"notice_no_answer":         "",
	"notice_invalid_chars":     "",
	"notice_bad_sort":          "",
	"notice_one_of":            "%s",
	"notice_flag":              "",
	"notice_unknown_param":     "",
	"show_all":                 "%d",
	"apps_pick":                "%d",
	"notice_unknown_criterion": "%s",
	"notice_needs_bool":        "%s",
	"notice_needs_enum":        "%s",
	"notice_not_a_value":       "%s %s",
	"notice_needs_number":      "%s",
	"notice_not_a_number":      "%s",
	"og_alt":                   "%s %s",
	"og_checked":               "%s %s",
	"og_more":                  "%d",
	"og_badge_title":           "%s %d %d %d",
	"og_badge_meets":           "%s %s",
	"og_badge_misses":          "%s %d %d %s",
	"og_badge_alt":             "%s",
}

// uiMessage says whether key is a message of ui.json the program shows
// and, if so, the placeholders its code fills ("" for none, and for a
// count message, whose arguments uiCounts lists).
func uiMessage(key string) (verbs string, ok bool) {
	if v, ok := uiFormats[key]; ok {
		return v, true
	}
	if _, ok := uiCounts[key]; ok {
		return "", true
	}
	if _, ok := paragraph(key); ok {
		return "", true
	}
	return "", slices.Contains(uiTexts, key)
}

// paragraph is the number of a paragraph's key (about_2: 2).
func paragraph(key string) (int, bool) {
	n, ok := strings.CutPrefix(key, uiParagraphs)
	i, err := strconv.Atoi(n)
	return i, ok && err == nil && i > 0 && strconv.Itoa(i) == n
}

// placeholder matches a placeholder at the start of a text: a letter
// after %, with an optional argument index (%s, %d, %[2]d). Go's fmt reads
// more after a % (flags and widths: "% d" is a placeholder to it, and
// "100% des" would be "100" and a number): the messages are held to this
// smaller grammar, so that every other % is a mistake Load can name.
var placeholder = regexp.MustCompile(`^%(?:\[([1-9][0-9]*)\])?([a-zA-Z])`)

// Verbs lists the placeholders of a message as "argument:verb" pairs
// ("1:d", "2:s"), sorted: a translation may reorder its arguments with
// explicit indexes (%[2]d), but it must format the same ones the same way.
func Verbs(s string) []string {
	var out []string
	n := 0
	for _, m := range placeholders(s) {
		if m[1] != "" {
			n, _ = strconv.Atoi(m[1])
		} else {
			n++
		}
		out = append(out, strconv.Itoa(n)+":"+m[2])
	}
	sort.Strings(out)
	return slices.Compact(out)
}

// placeholders are the placeholders of s, each as placeholder's
// submatches: as written, its argument index ("" for the next), its verb.
func placeholders(s string) [][]string {
	var out [][]string
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			continue
		}
		if strings.HasPrefix(s[i:], "%%") {
			i++
			continue
		}
		if m := placeholder.FindStringSubmatch(s[i:]); m != nil {
			out = append(out, m)
			i += len(m[0]) - 1
		}
	}
	return out
}

// verbList is the placeholders of s as written, for error messages.
func verbList(s string) string {
	var out []string
	for _, m := range placeholders(s) {
		out = append(out, m[0])
	}
	if out == nil {
		return "(none)"
	}
	return strings.Join(out, " ")
}

// The sources of the placeholders a text must hold, for checkText.
const (
	fromEnglish = iota // a translation: English's text
	fromProgram        // English's ui.json: the program's list
	fromNothing        // a text of catalog.json: none, shown as written
)

// checkText reports a text whose placeholders are not those of want
// (from says whose they are), and a percent sign written otherwise than
// its kind of text reads it: in a text with placeholders, a printf
// format, a percent sign is %% and a lone % is a mistake; in a text
// without, shown as written, %% would show two.
func checkText(r report, key, s, want string, from int) {
	if !slices.Equal(Verbs(s), Verbs(want)) {
		switch {
		case from == fromNothing:
			r.add(key, "expected no placeholders (catalog texts show as written), got %q", verbList(s))
		case from == fromProgram:
			r.add(key, "expected the placeholders the program fills, %q, got %q", verbList(want), verbList(s))
		default:
			r.add(key, "expected the placeholders of the English text %q, got %q", verbList(want), verbList(s))
		}
		return
	}
	format := len(placeholders(want)) > 0
	for i := 0; i < len(s); i++ {
		rest := s[i:]
		switch {
		case rest[0] != '%':
		case strings.HasPrefix(rest, "%%") && !format:
			r.add(key, "expected a single %% for a percent sign in %s (a text without placeholders shows as written, %%%% as two)", strconv.QuoteToGraphic(around(s, i)))
			return
		case strings.HasPrefix(rest, "%%"):
			i++
		case format && !placeholder.MatchString(rest):
			r.add(key, "expected %%%% for a percent sign in %s (a text with placeholders is a printf format; see docs/translating.md)", strconv.QuoteToGraphic(around(s, i)))
			return
		}
	}
}

// around is s when it is short, else the part around byte i that a
// translator can find: 16 characters either side.
func around(s string, i int) string {
	if utf8.RuneCountInString(s) <= 40 {
		return s
	}
	from, to := i, i+1
	for n := 0; n < 16 && from > 0; n++ {
		_, size := utf8.DecodeLastRuneInString(s[:from])
		from -= size
	}
	for n := 0; n < 16 && to < len(s); n++ {
		_, size := utf8.DecodeRuneInString(s[to:])
		to += size
	}
	out := s[from:to]
	if from > 0 {
		out = "…" + out
	}
	if to < len(s) {
		out += "…"
	}
	return out
}

// escapeLonePercents doubles the percent signs of the messages the code
// formats that have no placeholders (the notices without arguments), which
// translators write as texts shown as written: fmt.Sprintf then prints
// "100%" as written rather than "100%!(NOVERB)".
func escapeLonePercents(msgs map[string]string) {
	for k, s := range msgs {
		if want, ok := uiFormats[k]; ok && want == "" {
			msgs[k] = strings.ReplaceAll(s, "%", "%%")
		}
	}
}

// didYouMean suggests the key of keys nearest to key, for a typo:
// ` (did you mean "count"?)`, or "" when none is near.
func didYouMean[V any](key string, keys map[string]V) string {
	best, bestD := "", 3 // at most two edits away
	for _, k := range sortedKeys(keys) {
		if d := editDistance(key, k, bestD); d < bestD {
			best, bestD = k, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

// editDistance is the number of edits (a character inserted, deleted,
// replaced, or two swapped) from a to b, in bytes, or limit when it is
// limit or more.
func editDistance(a, b string, limit int) int {
	if d := len(a) - len(b); d >= limit || -d >= limit {
		return limit
	}
	// Three rows of the table: i-2, i-1 and i.
	rows := [3][]int{make([]int, len(b)+1), make([]int, len(b)+1), make([]int, len(b)+1)}
	for j := range rows[1] {
		rows[1][j] = j
	}
	for i := 1; i <= len(a); i++ {
		pp, prev, cur := rows[0], rows[1], rows[2]
		cur[0] = i
		low := i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], pp[j-2]+1)
			}
			low = min(low, cur[j])
		}
		if low >= limit {
			return limit
		}
		rows = [3][]int{prev, cur, pp}
	}
	return min(rows[1][len(b)], limit)
}
