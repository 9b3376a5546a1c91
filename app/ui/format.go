package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"msgcompare/app/catalog"
	"msgcompare/app/compare"
)

// shown is how a value reads in a cell: a symbol and a word, never colour
// alone, and a tone for styling (good, bad or neutral).
type shown struct {
	Symbol string
	Word   string
	Tone   string
	// Attrs are the attributes (name, value pairs) Word's element needs:
	// enAttrs when Word is a fact's own English text (a protocol, a
	// developer).
	Attrs []string
}

// The tones a shown value takes; CSS colours them, the symbol carries them.
const (
	toneGood    = "good"
	toneBad     = "bad"
	toneNeutral = "neutral"
	toneUnknown = "unknown"
)

// show formats value v of criterion cr in lang.
func show(cr *catalog.Criterion, v catalog.Value, lang locale) shown {
	if v.Null {
		return shown{Symbol: "?", Word: t(lang, msgUnknown), Tone: toneUnknown}
	}
	if v.Unlimited {
		return shown{Symbol: "∞", Word: t(lang, msgNoLimit), Tone: toneNeutral}
	}
	switch cr.Type {
	case catalog.Bool:
		// The word says the value, the mark the judgement: "✗ Yes" for a
		// phone number that is required, "✓ No" for one that is not.
		s := shown{Word: t(lang, msgNo), Tone: toneNeutral}
		if v.Bool {
			s.Word = t(lang, msgYes)
		}
		if cr.Good != nil {
			s.Symbol, s.Tone = "✗", toneBad
			if *cr.Good == v.Bool {
				s.Symbol, s.Tone = "✓", toneGood
			}
		}
		return s
	case catalog.Enum:
		return shown{Word: cr.ValueLabel(v.Str, lang.code), Tone: toneNeutral}
	case catalog.Set:
		if len(v.Set) == 0 {
			return shown{Symbol: "–", Word: t(lang, msgNone), Tone: toneNeutral}
		}
		labels := make([]string, len(v.Set))
		for i, s := range v.Set {
			labels[i] = cr.ValueLabel(s, lang.code)
		}
		return shown{Word: lang.list(labels), Tone: toneNeutral}
	case catalog.Number:
		return shown{Word: lang.unit(cr, v.Num), Tone: toneNeutral}
	case catalog.Date:
		return shown{Word: formatDate(v.Str, lang), Tone: toneNeutral}
	case catalog.Audits:
		if len(v.Audits) == 0 {
			return shown{Symbol: "–", Word: t(lang, msgNone), Tone: toneNeutral}
		}
		latest := 0
		for _, a := range v.Audits {
			latest = max(latest, a.Year)
		}
		return shown{Word: fmtMsg(lang, msgAudits, len(v.Audits), latest), Tone: toneNeutral}
	}
	return shown{Word: v.Str, Tone: toneNeutral, Attrs: enAttrs(lang)}
}

// enText is a text that stays in English (a fact's note, a curator's
// reason), marked so on a page in another language: lang="en" for screen
// readers, and left to right in a right-to-left page, so that its
// punctuation stays at its end.
// l10nText is a text of the catalog in the page's language, or in English,
// marked so, while its translation is missing.
func l10nText(lang locale, text catalog.L10n) app.UI {
	if text.Has(lang.code) {
		return app.Text(text[lang.code])
	}
	return enText(lang, text.In(lang.code))
}

func enText(lang locale, text string) app.UI {
	if lang.code == catalog.SourceLang {
		return app.Text(text)
	}
	s := app.Span().Lang(catalog.SourceLang)
	if lang.dir == "rtl" {
		s = s.Dir("ltr")
	}
	return s.Text(text)
}

// showCell formats a messenger's cell for criterion cr; a missing cell
// reads as unknown.
func showCell(cr *catalog.Criterion, cell *catalog.Cell, lang locale) shown {
	if cell == nil {
		return shown{Symbol: "?", Word: t(lang, msgUnknown), Tone: toneUnknown}
	}
	return show(cr, cell.Value, lang)
}

// conditionLabel says in words what a condition asks for, for example
// "Forward secrecy: Yes" or "Platforms: iOS".
func conditionLabel(cat *catalog.Catalog, c catalog.Condition, lang locale) string {
	cr := cat.Criterion(c.Criterion)
	if cr == nil {
		return c.String()
	}
	label := cr.Label.In(lang.code)
	switch c.Op {
	case catalog.IsTrue:
		return lang.labelValue(label, t(lang, msgYes))
	case catalog.IsFalse:
		return lang.labelValue(label, t(lang, msgNo))
	case catalog.Has, catalog.HasNone:
		vals := make([]string, len(c.Values))
		for i, v := range c.Values {
			vals[i] = cr.ValueLabel(v, lang.code)
		}
		if c.Op == catalog.HasNone {
			return lang.labelValue(label, fmtMsg(lang, msgNotValue, strings.Join(vals, " / ")))
		}
		return lang.labelValue(label, strings.Join(vals, " / "))
	case catalog.AtLeast:
		return lang.sprintf("%s ≥ %d", label, c.N)
	case catalog.AtMost:
		return lang.sprintf("%s ≤ %d", label, c.N)
	}
	return label
}

// requirementControl is one requirement checkbox with its label: the
// condition a reader toggles for bool criterion cr, carried in
// data-require (docs/contract.md §6). The comparison and the widget share it.
func requirementControl(cat *catalog.Catalog, cr *catalog.Criterion, q compare.Query, lang locale, onToggle func(catalog.Condition) app.EventHandler) app.UI {
	c := toggleCondition(cr)
	cond := c.String()
	id := "req-" + cr.ID
	return app.Div().Class("toggle").Title(attr(cr.Description.In(lang.code))).Body(
		checkbox(id, "require", cond, q.Requires(cond), cond, onToggle(c)),
		app.Label().For(id).Text(conditionLabel(cat, c, lang)),
	)
}

// toggleCondition is the condition a reader toggles for a bool criterion:
// the answer that protects privacy better.
func toggleCondition(cr *catalog.Criterion) catalog.Condition {
	if cr.Good != nil && !*cr.Good {
		return catalog.Condition{Criterion: cr.ID, Op: catalog.IsFalse}
	}
	return catalog.Condition{Criterion: cr.ID, Op: catalog.IsTrue}
}

// legendHTML is markup.legend as a string, for go-app's Raw.
func legendHTML(lang locale) string {
	var m markup
	m.legend(lang)
	return m.String()
}
