package ui

import (
	"strings"

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
	var b strings.Builder
	b.WriteString(`<section class="shortlist" data-shortlist aria-labelledby="shortlist-title">`)
	b.WriteString(`<h3 id="shortlist-title">` + esc(t(lang, msgShortlist)) + `</h3>`)
	if sl.Full == 0 {
		b.WriteString(`<p class="none-full">` + esc(t(lang, msgNoFullMatch)) + `</p>`)
	} else {
		b.WriteString(`<ol class="picks">`)
		for i, p := range sl.Picks {
			writePick(&b, p, tiedWith(sl.Picks, i), len(sl.Needs), lk, lang)
		}
		b.WriteString(`</ol>`)
	}
	if sl.More > 0 {
		b.WriteString(`<p class="more">` + esc(fmtMsg(lang, msgMoreFull, sl.More)) + ` <a href="#count">` + esc(t(lang, msgSeeTable)) + `</a></p>`)
	}
	if len(sl.Closest) > 0 {
		b.WriteString(`<div class="closest"><p>` + esc(t(lang, msgClosest)) + `</p><ul>`)
		for _, p := range sl.Closest {
			b.WriteString(`<li data-closest="` + esc(p.App.ID) + `"><a href="` + esc(lk.app(p.App.ID)) + `"` + lk.out() + `>` + esc(p.App.Name) +
				`</a>: <span data-verdict>` + esc(verdict(p, len(sl.Needs), lang)) + `</span></li>`)
		}
		b.WriteString(`</ul></div>`)
	}
	cq := keepQ
	cq.Apps = ids[:min(len(ids), MaxCompare)]
	if len(cq.Apps) >= 2 {
		b.WriteString(`<p><a class="compare-these" href="` + esc(s.at.href("/compare", cq)) + `"` + lk.out() + `>` + esc(t(lang, msgCompareThese)) + `</a></p>`)
	}
	b.WriteString(`<p class="rule">` + esc(fmtMsg(lang, msgGuideRule, goodCriteria(cat))) + `</p></section>`)
	return app.Raw(b.String())
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

func writePick(b *strings.Builder, p compare.Pick, tied []string, needs int, lk links, lang locale) {
	a := p.App
	b.WriteString(`<li data-app="` + esc(a.ID) + `"><h4><a href="` + esc(lk.app(a.ID)) + `"` + lk.out() + `>` + esc(a.Name) + `</a>`)
	if p.Tie {
		b.WriteString(` <span class="badge">` + esc(t(lang, msgTie)) + `</span>`)
	}
	if a.Discontinued != nil {
		b.WriteString(` <span class="badge">` + esc(t(lang, msgDiscontinued)) + `</span>`)
	}
	b.WriteString(`</h4><p data-verdict>` + esc(verdict(p, needs, lang)) + `</p>`)
	b.WriteString(`<ul class="reasons">`)
	for _, w := range assuranceReasons(p.Assurance, lang) {
		b.WriteString(`<li class="v-` + w.tone + `"><span class="sym" aria-hidden="true">` + esc(w.sym) + ` </span>` + esc(w.text) + `</li>`)
	}
	b.WriteString(`</ul>`)
	if len(tied) > 0 {
		b.WriteString(`<p class="tie-why">` + esc(fmtMsg(lang, msgTieWhy, lang.list(tied))) + `</p>`)
	}
	if len(p.Caveats) > 0 {
		b.WriteString(`<p class="caveats">` + esc(t(lang, msgWeaker)) + ` `)
		for i, f := range p.Caveats {
			if i > 0 {
				b.WriteString(`; `)
			}
			sh := show(f.Criterion, f.Value, lang)
			b.WriteString(`<a class="v-` + sh.Tone + `" href="` + esc(lk.fact(a.ID, f.Criterion.ID)) + `">` +
				esc(f.Criterion.Label.In(lang.code)+": "+sh.Word) + `</a>`)
		}
		b.WriteString(`</p>`)
	}
	b.WriteString(`</li>`)
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
		r := reason{"•", "neutral", curatorName(st.Curator, lang) + ": " + t(lang, "status_"+st.Status) + " (" + formatDate(st.Since, lang) + ")"}
		switch st.Status {
		case "recommended", "recommended_with_caveats":
			r.sym, r.tone = "✓", "good"
		case "removed", "not_recommended":
			r.sym, r.tone = "✗", "bad"
		}
		out = append(out, r)
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
