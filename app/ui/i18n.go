package ui

import (
	"fmt"
	"strconv"
	"strings"

	"msgcompare/app/catalog"
	"msgcompare/app/plural"
)

// Message keys of the user interface: the keys of
// data/locales/<tag>/ui.json, whose English file is the source.
// TestMessageKeys checks that each key below is there and each English
// key is used; TestTranslationsComplete (data) that every language has
// every text; TestANinthLanguageIsOnlyFiles that pages show no text
// from anywhere else.
const (
	msgTitle             = "title"
	msgHeadline          = "headline"
	msgTagline           = "tagline"
	msgSkip              = "skip"
	msgNavLabel          = "nav_label"
	msgNavHome           = "nav_home"
	msgNavCompare        = "nav_compare"
	msgNavAbout          = "nav_about"
	msgPresets           = "presets"
	msgSearch            = "search"
	msgSearchHint        = "search_hint"
	msgSort              = "sort"
	msgSortName          = "sort_name"
	msgSortScore         = "sort_score"
	msgView              = "view"
	msgViewAuto          = "view_auto"
	msgViewMatrix        = "view_matrix"
	msgViewCards         = "view_cards"
	msgDiff              = "diff"
	msgRequirements      = "requirements"
	msgChooseApps        = "choose_apps"
	msgChooseCriteria    = "choose_criteria"
	msgApply             = "apply"
	msgClear             = "clear"
	msgCount             = "count"
	msgCountReq          = "count_req"
	msgNoneKept          = "none_kept"
	msgMatrixCaption     = "matrix_caption"
	msgMarkGood          = "mark_good"
	msgMarkBad           = "mark_bad"
	msgMarkUnknown       = "mark_unknown"
	msgNotValue          = "not_value"
	msgMessenger         = "messenger"
	msgScore             = "score"
	msgWhyNot            = "why_not"
	msgWhyNotIntro       = "why_not_intro"
	msgNoMatch           = "no_match"
	msgFails             = "fails"
	msgYes               = "yes"
	msgNo                = "no"
	msgUnknown           = "unknown"
	msgNone              = "none"
	msgNotice            = "notice"
	msgData              = "data"
	msgAudits            = "audits"
	msgSources           = "sources"
	msgEvidenceLoading   = "evidence_loading"
	msgEvidenceFailed    = "evidence_failed"
	msgEvidenceRefused   = "evidence_refused"
	msgSource            = "source"
	msgVerified          = "verified"
	msgHistory           = "history"
	msgUntil             = "until"
	msgClose             = "close"
	msgAllFacts          = "all_facts"
	msgDiscontinued      = "discontinued"
	msgHomepage          = "homepage"
	msgOpenFull          = "open_full"
	msgBuilderTitle      = "builder_title"
	msgBuilderIntro      = "builder_intro"
	msgPreset            = "preset"
	msgNoPreset          = "no_preset"
	msgTheme             = "theme"
	msgThemeAuto         = "theme_auto"
	msgThemeLight        = "theme_light"
	msgThemeDark         = "theme_dark"
	msgThemeContrast     = "theme_contrast"
	msgLanguage          = "language"
	msgPreview           = "preview"
	msgSnippet           = "snippet"
	msgCopy              = "copy"
	msgCopied            = "copied"
	msgWidgetTitle       = "widget_title"
	msgNavEmbed          = "nav_embed"
	msgJump              = "jump"
	msgNotFound          = "not_found"
	msgBack              = "back"
	msgPageNotFound      = "page_not_found"
	msgAllMessengers     = "all_messengers"
	msgSnippetHost       = "snippet_host"
	msgBootFailed        = "boot_failed"
	msgShowAllCriteria   = "show_all_criteria"
	msgAddedToCatalog    = "added_to_catalog"
	msgGuideOption       = "guide_option"
	msgKeyCriteria       = "key_criteria"
	msgGuideTitle        = "guide_title"
	msgGuideIntro        = "guide_intro"
	msgGuideSubmit       = "guide_submit"
	msgWhatItMeans       = "what_it_means"
	msgShortlist         = "shortlist"
	msgNoFullMatch       = "no_full_match"
	msgMoreFull          = "more_full"
	msgSeeTable          = "see_table"
	msgCompareThese      = "compare_these"
	msgGuideRule         = "guide_rule"
	msgTie               = "tie"
	msgWeaker            = "weaker"
	msgVerdictOne        = "verdict_one"
	msgVerdictAll        = "verdict_all"
	msgVerdictSome       = "verdict_some"
	msgClosest           = "closest"
	msgCuratorsTitle     = "curators_title"
	msgCuratorsIntro     = "curators_intro"
	msgCuratorsSummary   = "curators_summary"
	msgCuratorsCaption   = "curators_caption"
	msgCuratorsDisagree  = "curators_disagree"
	msgCuratorsLink      = "curators_link"
	msgAgreement         = "agreement"
	msgAgreePrefix       = "agree_" // + catalog.Agreement's value
	msgNotCovered        = "not_covered"
	msgGuideHint         = "guide_hint"
	msgSummaryFull       = "summary_full"
	msgSeeShortlist      = "see_shortlist"
	msgTieWhy            = "tie_why"
	msgWhyAudit          = "why_audit"
	msgWhyNoAudit        = "why_no_audit"
	msgWhyRelease        = "why_release"
	msgWhyOldRelease     = "why_old_release"
	msgWhyNoRelease      = "why_no_release"
	msgFilters           = "filters"
	msgCompareWith       = "compare_with"
	msgDiscontinuedOn    = "discontinued_on"
	msgStatusTitle       = "status_title"
	msgStatusRecommended = "status_recommended"
	msgStatusListed      = "status_listed"
	msgStatusRemoved     = "status_removed"
	msgCuratorPrefix     = "curator_" // + a curator id: its display name
	msgSlot              = "slot"
	msgPickTwo           = "pick_two"
	msgNoDifferences     = "no_differences"
	msgCompareCaption    = "compare_caption"
	msgCriterion         = "criterion"
	msgAboutTitle        = "about_title"
	msgCriteriaTitle     = "criteria_title"
	msgPresetsTitle      = "presets_title"
	msgLicenceTitle      = "licence_title"
	msgLicenceText       = "licence_text"
	msgContributeTitle   = "contribute_title"
	msgContributeText    = "contribute_text"
	msgNotChecked        = "not_checked"
	msgNavChanges        = "nav_changes"
	msgChangesTitle      = "changes_title"
	msgChangesIntro      = "changes_intro"
	msgFeed              = "feed"
	msgAllApps           = "all_apps"
	msgAllCriteria       = "all_criteria"
	msgSeveral           = "several"
	msgChangeCount       = "change_count"
	msgNoChanges         = "no_changes"
	msgServiceEnded      = "service_ended"
	msgCorrection        = "correction"
	msgShowAll           = "show_all"
	msgShowFewer         = "show_fewer"
	msgLinkBlocked       = "link_blocked"
	msgAppsPick          = "apps_pick"
	msgRowsOption        = "rows_option"
	msgPartsOption       = "parts_option"
	msgPartPrefix        = "part_" // + a compare part
	msgAccentOption      = "accent_option"
	msgAccentNone        = "accent_none"
	msgBgOption          = "bg_option"
	msgBgPrefix          = "bg_" // + a compare background
	msgFontOption        = "font_option"
	msgFontPrefix        = "font_" // + a compare font
	msgPasteURL          = "paste_url"
	msgHugoShortcode     = "hugo_shortcode"
	msgPicturePrefix     = "og_" // + a text of the pictures of a view (Words, internal/preview)
)

// The messages that only this package's code uses: how dates, numbers and
// lists read, a number without limit, and the methodology's paragraphs.
const (
	msgDateFormat     = "date_format"
	msgMonth          = "month_" // + 1…12
	msgListSep        = "list_sep"
	msgLabelValue     = "label_value"
	msgNoLimit        = "no_limit"
	msgAbout          = "about_" // + 1…3
	msgNotesInEnglish = "notes_in_english"
	msgNoticeIgnored  = "notice_ignored" // param, value, reason
	msgNoticePrefix   = "notice_"        // + a compare.Notice's Code
)

// locale is the reader's language as the pages use it: its tag, its
// writing direction and its messages, with English's behind them for a
// message a translation lacks (data/locales/<tag>/ui.json).
type locale struct {
	code   string
	dir    string
	msgs   map[string]string
	en     map[string]string
	digits []rune // nil when the language writes 0-9
	plural plural.Rules
}

// localeOf is the catalog's language code, or English when the catalog
// has no such language.
func localeOf(cat *catalog.Catalog, code string) locale {
	en := cat.Locale(catalog.SourceLang)
	loc := cat.Locale(code)
	if loc == nil {
		loc = en
	}
	l := locale{code: catalog.SourceLang, dir: "ltr"}
	if en != nil {
		l.en = en.Messages
	}
	if loc != nil {
		l.code, l.dir, l.msgs = loc.Code, loc.Dir, loc.Messages
	}
	if d := []rune(l.msgs[catalog.MsgDigits]); len(d) == 10 && string(d) != "0123456789" {
		l.digits = d
	}
	l.plural = plural.For(l.code)
	return l
}

// t returns the message key in the reader's language.
func t(l locale, key string) string {
	if s, ok := l.msgs[key]; ok {
		return s
	}
	return l.en[key]
}

// fmtMsg formats the message key in the reader's language with args;
// numbers are written in the language's digits. A message that carries a
// count (catalog.MessageArgs) is an ICU message whose plurals follow the
// language's rules; the others are printf formats.
func fmtMsg(l locale, key string, args ...any) string {
	names, ok := catalog.MessageArgs(key)
	if !ok {
		return l.sprintf(t(l, key), args...)
	}
	if s, ok := l.msgs[key]; ok {
		return l.count(s, l.plural, names, args...)
	}
	// Not translated yet: English's text, by English's rules.
	return l.count(l.en[key], plural.For(catalog.SourceLang), names, args...)
}

// count formats msg, a message that carries a count, by the plural rules
// of its language, with args named by names: each number in the page's
// digits, each text isolated as sprintf isolates it.
func (l locale) count(msg string, rules plural.Rules, names []string, args ...any) string {
	vals := make(map[string]plural.Value, len(names))
	for i, name := range names[:min(len(names), len(args))] {
		switch v := args[i].(type) {
		case int:
			vals[name] = plural.Num(v, l.num(v))
		case string:
			vals[name] = plural.Text(l.isolate(v))
		default:
			vals[name] = plural.Text(fmt.Sprint(v))
		}
	}
	return plural.Format(msg, rules, vals)
}

// unit writes the number n with the unit of a number criterion (its
// count message, "{count, plural, one {# member} other {# members}}"),
// or the number alone when the criterion has none.
func (l locale) unit(cr *catalog.Criterion, n int) string {
	switch {
	case cr.Unit.Has(l.code):
		return l.count(cr.Unit[l.code], l.plural, []string{catalog.UnitArg}, n)
	case cr.Unit.In(l.code) != "":
		return l.count(cr.Unit.In(l.code), plural.For(catalog.SourceLang), []string{catalog.UnitArg}, n)
	}
	return l.num(n)
}

// sprintf is fmt.Sprintf with the integers of args in the language's
// digits and, in a right-to-left language, each text of args isolated
// (as <bdi> would): a Latin name or an address then keeps its own order
// and does not scramble the sentence around it.
func (l locale) sprintf(format string, args ...any) string {
	// A copy: the caller's arguments (a notice's, formatted at every
	// render) stay as they are.
	args = append([]any(nil), args...)
	for i, a := range args {
		switch v := a.(type) {
		case int:
			if l.digits != nil {
				args[i] = localNumber(l.num(v))
			}
		case string:
			args[i] = l.isolate(v)
		}
	}
	return fmt.Sprintf(format, args...)
}

// isolate is a text argument as a sentence of the language holds it: in
// a right-to-left language, isolated (as <bdi> would), so that a Latin
// name or an address keeps its own order.
func (l locale) isolate(s string) string {
	if l.dir == "rtl" && s != "" {
		return "\u2068" + s + "\u2069" // first strong isolate … pop
	}
	return s
}

// ownWord is a text of the language itself (a month's name), which needs
// no isolation from the sentence around it.
type ownWord string

// localNumber is a number already written in a language's digits; it
// prints itself for %d as for any verb.
type localNumber string

func (n localNumber) Format(f fmt.State, _ rune) { f.Write([]byte(n)) }

// num writes n in the language's digits.
func (l locale) num(n int) string {
	s := strconv.Itoa(n)
	if l.digits == nil {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			r = l.digits[r-'0']
		}
		b.WriteRune(r)
	}
	return b.String()
}

// arrow points from an earlier value to a later one in the language's
// reading direction.
func (l locale) arrow() string {
	if l.dir == "rtl" {
		return " ← "
	}
	return " → "
}

// list joins items the way the language writes a list.
func (l locale) list(items []string) string {
	return strings.Join(items, t(l, msgListSep))
}

// labelValue writes "Label: value" in the language.
func (l locale) labelValue(label, value string) string {
	return fmt.Sprintf(t(l, msgLabelValue), label, value)
}

func itoa(i int) string { return strconv.Itoa(i) }
