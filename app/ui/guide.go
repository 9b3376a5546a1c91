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
		app.Form().Class("guide-form").Method("get").Action(h.at.link("/")).DataSet("guide", "").OnSubmit(preventDefault).Body(
			app.Range(cat.Guide).Slice(func(i int) app.UI { return h.questionView(&cat.Guide[i]) }),
			hiddenState(rest),
			app.Div().Class("form-actions").Body(
				app.NoScript().Body(app.Button().Type("submit").Text(t(lang, msgGuideSubmit))),
			),
		),
		shortlistView(cat, &h.state),
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

// shortlistView is the guide's answer, ranked, each messenger with its
// verdict, its weakest facts against the others and its curator verdict.
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
	var b strings.Builder
	b.WriteString(`<section class="shortlist" data-shortlist aria-labelledby="shortlist-title" aria-live="polite">`)
	b.WriteString(`<h3 id="shortlist-title">` + esc(t(lang, msgShortlist)) + `</h3>`)
	if sl.Full == 0 {
		b.WriteString(`<p class="none-full">` + esc(t(lang, msgNoFullMatch)) + `</p>`)
	}
	b.WriteString(`<ol class="picks">`)
	for _, p := range sl.Picks {
		writePick(&b, p, len(sl.Needs), s.links(), lang)
	}
	b.WriteString(`</ol>`)
	if sl.More > 0 {
		b.WriteString(`<p class="more">` + esc(fmtMsg(lang, msgMoreFull, sl.More)) + ` <a href="#count">` + esc(t(lang, msgSeeTable)) + `</a></p>`)
	}
	cq := keepQ
	cq.Apps = ids[:min(len(ids), MaxCompare)]
	if len(cq.Apps) >= 2 {
		b.WriteString(`<p><a class="compare-these" href="` + esc(s.at.href("/compare", cq)) + `"` + s.links().out() + `>` + esc(t(lang, msgCompareThese)) + `</a></p>`)
	}
	b.WriteString(`<p class="rule">` + esc(fmtMsg(lang, msgGuideRule, goodCriteria(cat))) + `</p></section>`)
	return app.Raw(b.String())
}

func writePick(b *strings.Builder, p compare.Pick, needs int, lk links, lang locale) {
	a := p.App
	b.WriteString(`<li data-app="` + esc(a.ID) + `"><h4><a href="` + esc(lk.app(a.ID)) + `"` + lk.out() + `>` + esc(a.Name) + `</a>`)
	if p.Tie {
		b.WriteString(` <span class="badge">` + esc(t(lang, msgTie)) + `</span>`)
	}
	if a.Discontinued != nil {
		b.WriteString(` <span class="badge">` + esc(t(lang, msgDiscontinued)) + `</span>`)
	}
	b.WriteString(`</h4><p data-verdict>` + esc(verdict(p, needs, lang)) + `</p>`)
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
	if st := latestStatus(a.Status); st != nil {
		b.WriteString(`<p class="curator">` + esc(curatorName(st.Curator, lang)+": "+t(lang, "status_"+st.Status)+" ("+formatDate(st.Since, lang)+")") + `</p>`)
	}
	b.WriteString(`</li>`)
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

func latestStatus(list []catalog.Status) *catalog.Status {
	if len(list) == 0 {
		return nil
	}
	return &list[len(list)-1]
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
