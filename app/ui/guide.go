package ui

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"msgcompare/app/catalog"
	"msgcompare/app/compare"
)

// guideView is the guide at the top of "/": a few plain-language
// questions (data/guide.json) and, once answered, the ranked shortlist
// with a verdict per messenger. Without the app it is a GET form; the
// answers are the guide parameter of the URL, so a shared link opens the
// same answer (docs/contract.md §6: data-guide, data-question, data-shortlist,
// data-verdict).
func (h *Home) guideView() app.UI {
	cat, lang, q := h.Catalog, h.lang, h.query
	if len(cat.Guide) == 0 {
		return nil
	}
	rest := q
	rest.Guide = nil
	return app.Section().Class("guide").Aria("labelledby", "guide-title").Body(
		app.H2().ID("guide-title").Text(t(lang, msgGuideTitle)),
		app.P().Class("guide-intro").Text(t(lang, msgGuideIntro)),
		app.Form().Class("guide-form").Method("get").Action(h.at.link("/")+"#guide-summary").DataSet("guide", "").OnSubmit(preventDefault).Body(
			app.Range(cat.Guide).Slice(func(i int) app.UI { return h.questionView(&cat.Guide[i]) }),
			hiddenState(rest),
			app.Div().Class("form-actions").Body(
				app.NoScript().Body(app.Button().Type("submit").Text(t(lang, msgGuideSubmit))),
			),
		),
		guideSummary(h.guide, lang),
		shortlistView(cat, &h.state),
	)
}

// guideSummary is the answer in one line right under the questions: how
// many messengers meet the needs and the first of them, with a link to the
// shortlist. It sticks to the bottom of the screen while the questions are
// in view (web/app.css), so every tap shows its effect where the reader
// is looking, and screen readers hear it (a status). It is there before
// any answer, with a hint, so that the first change is announced.
func guideSummary(sl compare.Shortlist, lang locale) app.UI {
	p := app.P().ID("guide-summary").Class("guide-summary").Attr("role", "status")
	if len(sl.Needs) == 0 {
		return p.Text(t(lang, msgGuideHint))
	}
	text := t(lang, msgNoFullMatch)
	if sl.Full > 0 {
		names := make([]string, 0, 3)
		for _, pk := range sl.Picks[:min(3, len(sl.Picks))] {
			names = append(names, pk.App.Name)
		}
		text = fmtMsg(lang, msgSummaryFull, lang.num(sl.Full), lang.list(names))
	}
	return p.Body(
		app.Span().DataSet("summary", "").Text(text+" "),
		app.A().Href("#shortlist-title").Text(t(lang, msgSeeShortlist)),
	)
}

func (h *Home) questionView(qu *catalog.Question) app.UI {
	lang := h.lang
	return app.FieldSet().Class("question").DataSet("question", qu.ID).Body(
		app.Legend().Text(qu.Label.In(lang.code)),
		app.P().Class("why").Body(
			app.Text(qu.Why.In(lang.code)+" "),
			app.A().Href(h.at.href("/about", keep(h.query))+"#def-"+qu.Criterion).Text(t(lang, msgWhatItMeans)),
		),
		app.Div().Class("answers").Body(app.Range(qu.Answers).Slice(func(i int) app.UI {
			a := &qu.Answers[i]
			g := compare.GuideAnswer{Question: qu.ID, Answer: a.ID}
			id := "g-" + qu.ID + "-" + a.ID
			return app.Div().Class("choice").Body(
				checkbox(id, "guide", g.String(), h.query.Answered(qu.ID, a.ID), "", h.onAnswer(g)),
				app.Label().For(id).Text(a.Label.In(lang.code)),
			)
		})),
	)
}

// onAnswer adds or removes one answer, as a new history entry.
func (h *Home) onAnswer(g compare.GuideAnswer) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		h.set(ctx, h.query.ToggleAnswer(g), true)
	}
}

// shortlistView is the guide's answer: the messengers that meet every
// need, ranked, each with its verdict, why it ranks where it does (its
// assurance, in words), its weakest facts against the others and a tie
// explained; then the closest of the others, each with what it misses.
func shortlistView(cat *catalog.Catalog, s *state) app.UI {
	sl, lang := s.guide, s.lang
	if len(sl.Needs) == 0 {
		return nil
	}
	keepQ := keep(s.query)
	ids := make([]string, 0, len(sl.Picks))
	for _, p := range sl.Picks {
		ids = append(ids, p.App.ID)
	}
	lk := s.links()
	var m markup
	m.open("section", "class", "shortlist", "data-shortlist", "", "aria-labelledby", "shortlist-title")
	m.elem("h3", t(lang, msgShortlist), "id", "shortlist-title")
	if sl.Full == 0 {
		m.elem("p", t(lang, msgNoFullMatch), "class", "none-full")
	} else {
		m.open("ol", "class", "picks")
		for i, p := range sl.Picks {
			writePick(&m, p, tiedWith(sl.Picks, i), len(sl.Needs), lk, lang)
		}
		m.close("ol")
	}
	if sl.More > 0 {
		m.open("p", "class", "more")
		m.text(fmtMsg(lang, msgMoreFull, sl.More) + " ")
		m.elem("a", t(lang, msgSeeTable), "href", "#count")
		m.close("p")
	}
	if len(sl.Closest) > 0 {
		m.open("div", "class", "closest")
		m.elem("p", t(lang, msgClosest))
		m.open("ul")
		for _, p := range sl.Closest {
			m.open("li", "data-closest", p.App.ID)
			m.elem("a", p.App.Name, lk.a(lk.app(p.App.ID))...)
			m.text(": ")
			m.elem("span", verdict(p, len(sl.Needs), lang), "data-verdict", "")
			m.close("li")
		}
		m.close("ul")
		m.close("div")
	}
	cq := keepQ
	cq.Apps = ids[:min(len(ids), MaxCompare)]
	if len(cq.Apps) >= 2 {
		m.open("p")
		m.elem("a", t(lang, msgCompareThese), lk.a(s.at.href("/compare", cq), "class", "compare-these")...)
		m.close("p")
	}
	m.elem("p", fmtMsg(lang, msgGuideRule, goodCriteria(cat)), "class", "rule")
	m.close("section")
	return app.Raw(m.String())
}

// tiedWith names the picks that rank level with the i-th.
func tiedWith(picks []compare.Pick, i int) []string {
	if !picks[i].Tie {
		return nil
	}
	var names []string
	for j := i - 1; j >= 0 && level(picks[j], picks[i]); j-- {
		names = append(names, picks[j].App.Name)
	}
	for j := i + 1; j < len(picks) && level(picks[j], picks[i]); j++ {
		names = append(names, picks[j].App.Name)
	}
	return names
}

func level(a, b compare.Pick) bool {
	return a.Met == b.Met && a.Assurance.Score == b.Assurance.Score && a.Points == b.Points
}

func writePick(m *markup, p compare.Pick, tied []string, needs int, lk links, lang locale) {
	a := p.App
	m.open("li", "data-app", a.ID)
	m.open("h4")
	m.elem("a", a.Name, lk.a(lk.app(a.ID))...)
	if p.Tie {
		m.text(" ")
		m.elem("span", t(lang, msgTie), "class", "badge")
	}
	if a.Discontinued != nil {
		m.text(" ")
		m.elem("span", t(lang, msgDiscontinued), "class", "badge")
	}
	m.close("h4")
	m.elem("p", verdict(p, needs, lang), "data-verdict", "")
	m.open("ul", "class", "reasons")
	for _, w := range assuranceReasons(p.Assurance, lang) {
		m.open("li", "class", "v-"+w.tone)
		m.elem("span", w.sym+" ", "class", "sym", "aria-hidden", "true")
		m.text(w.text)
		m.close("li")
	}
	m.close("ul")
	if len(tied) > 0 {
		m.elem("p", fmtMsg(lang, msgTieWhy, lang.list(tied)), "class", "tie-why")
	}
	if len(p.Caveats) > 0 {
		m.open("p", "class", "caveats")
		m.text(t(lang, msgWeaker) + " ")
		for i, f := range p.Caveats {
			if i > 0 {
				m.text("; ")
			}
			sh := show(f.Criterion, f.Value, lang)
			m.elem("a", f.Criterion.Label.In(lang.code)+": "+sh.Word, "class", "v-"+sh.Tone, "href", lk.fact(a.ID, f.Criterion.ID))
		}
		m.close("p")
	}
	m.close("li")
}

// reason is one line of why a pick ranks where it does, with its mark
// (a symbol, not colour alone) and tone.
type reason struct{ sym, tone, text string }

// assuranceReasons says in words what the assurance score counts: the
// newest audit, the last release and each curator's current verdict.
func assuranceReasons(as compare.Assurance, lang locale) []reason {
	var out []reason
	if au := as.Audit; au != nil {
		out = append(out, reason{"✓", "good", fmtMsg(lang, msgWhyAudit, au.Auditor, lang.num(au.Year))})
	} else {
		out = append(out, reason{"✗", "bad", t(lang, msgWhyNoAudit)})
	}
	switch {
	case as.Maintained:
		out = append(out, reason{"✓", "good", fmtMsg(lang, msgWhyRelease, formatDate(as.Release, lang))})
	case as.Release != "":
		out = append(out, reason{"⚠", "bad", fmtMsg(lang, msgWhyOldRelease, formatDate(as.Release, lang))})
	default:
		out = append(out, reason{"?", "unknown", t(lang, msgWhyNoRelease)})
	}
	for _, st := range as.Verdicts {
		sym, tone := verdictMark(st.Status)
		out = append(out, reason{sym, tone, curatorName(st.Curator, lang) + ": " + t(lang, "status_"+st.Status) + " (" + formatDate(st.Since, lang) + ")"})
	}
	return out
}

// verdict is the pick's sentence: how many needs it meets and which it
// misses, in the reader's words (the answers' labels).
func verdict(p compare.Pick, needs int, lang locale) string {
	if p.Met == needs {
		if needs == 1 {
			return t(lang, msgVerdictOne)
		}
		return fmtMsg(lang, msgVerdictAll, needs)
	}
	missed := make([]string, len(p.Missed))
	for i, n := range p.Missed {
		missed[i] = n.Answer.Label.In(lang.code)
	}
	return fmtMsg(lang, msgVerdictSome, p.Met, needs, lang.list(missed))
}

// goodCriteria counts the criteria that compare.Points counts.
func goodCriteria(cat *catalog.Catalog) int {
	n := 0
	for i := range cat.Criteria {
		if cat.Criteria[i].Type == catalog.Bool && cat.Criteria[i].Good != nil {
			n++
		}
	}
	return n
}
