package ui

import (
	"slices"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"msgcompare/app/catalog"
	"msgcompare/app/compare"
)

// controlsView is the form that shapes the comparison. Without the app it
// is a plain GET form with a submit button; with the app every change
// applies at once. Without scripts, the sent form lands on the count of
// the results it changed (#count), not at the top of the page; web/boot.js
// drops that fragment where it sends the form itself, so that the reader's
// own spot comes back.
func (h *Home) controlsView() app.UI {
	lang := h.lang
	return app.Form().Class("controls").ID("controls").Method("get").Action(h.at.link("/")+"#count").OnSubmit(preventDefault).Body(
		h.presetsView(),
		app.Div().Class("control-row").Body(
			app.Div().Class("field search").Body(
				app.Label().For("q").Text(t(lang, msgSearch)),
				app.Input().Type("search").ID("q").Name("q").Value(attr(h.query.Q)).
					Placeholder(attr(t(lang, msgSearchHint))).AutoComplete(false).OnInput(h.onSearch),
			),
			app.Div().Class("field").Body(
				app.Label().For("sort").Text(t(lang, msgSort)),
				h.sortSelect(),
			),
			app.Div().Class("field").Body(
				app.Label().For("view").Text(t(lang, msgView)),
				choiceSelect("view", "view", h.query.View, []choice{
					{"", t(lang, msgViewAuto)}, {"matrix", t(lang, msgViewMatrix)}, {"cards", t(lang, msgViewCards)},
				}, h.onView),
			),
			app.Div().Class("field check").Body(
				checkbox("diff", "diff", "1", h.query.Diff, "", h.onDiff),
				app.Label().For("diff").Text(t(lang, msgDiff)),
			),
		),
		h.requirementsView(),
		h.chooseAppsView(),
		h.chooseCriteriaView(),
		hiddenState(h.formRest()),
		app.Div().Class("form-actions").Body(
			app.NoScript().Body(app.Button().Type("submit").Text(t(lang, msgApply))),
			app.If(len(h.query.Require) > 0 || h.query.Preset != "" || h.query.Q != "",
				app.A().Class("clear").Href(h.at.href("/", h.cleared())).Text(t(lang, msgClear)),
			),
		),
	)
}

// formRest is the part of the query the controls form does not show.
func (h *Home) formRest() compare.Query {
	var toggles []*catalog.Criterion
	for i := range h.Catalog.Criteria {
		toggles = append(toggles, &h.Catalog.Criteria[i])
	}
	q := h.query
	return compare.Query{Preset: q.Preset, Theme: q.Theme, Lang: q.Lang, Guide: q.Guide, Filters: q.Filters,
		Require: withoutToggles(q.Require, boolCriteria(toggles))}
}

func preventDefault(ctx app.Context, e app.Event) { e.PreventDefault() }

// presetsView offers the named rule sets as links: one click applies a
// threat model, a second click on the active one removes it.
func (h *Home) presetsView() app.UI {
	lang := h.lang
	return app.Div().Class("presets").Attr("role", "group").Aria("labelledby", "presets-label").Body(
		app.Span().ID("presets-label").Class("presets-label").Text(t(lang, msgPresets)),
		app.Range(h.Catalog.Presets).Slice(func(i int) app.UI {
			p := &h.Catalog.Presets[i]
			q := h.query
			active := q.Preset == p.ID
			q.Preset = p.ID
			if active {
				q.Preset = ""
			}
			a := app.A().Class("preset").Href(h.at.href("/", q)).Title(attr(p.Description.In(lang.code))).Text(p.Label.In(lang.code))
			if active {
				// "page", not "true": go-app writes "true" as a bare
				// attribute, which reads as false.
				a = a.Aria("current", "page").Class("active")
			}
			return a
		}),
	)
}

// requirementsView has one control per bool criterion, grouped; each
// carries its condition in data-require (docs/contract.md §6).
func (h *Home) requirementsView() app.UI {
	cat, lang := h.Catalog, h.lang
	n := len(h.query.Require)
	summary := t(lang, msgRequirements)
	if n > 0 {
		summary += lang.sprintf(" (%d)", n)
	}
	return app.Details().Class("requirements").Open(true).Body(
		app.Summary().Text(summary),
		app.Range(cat.Groups).Slice(func(i int) app.UI {
			g := cat.Groups[i]
			var controls []app.UI
			for j := range cat.Criteria {
				if cr := &cat.Criteria[j]; cr.Group == g.ID && cr.Type == catalog.Bool {
					controls = append(controls, requirementControl(cat, cr, h.query, lang, h.onToggle))
				}
			}
			if len(controls) == 0 {
				return nil
			}
			return app.FieldSet().Class("group").Body(
				app.Legend().Text(g.Label.In(lang.code)),
				app.Div().Class("toggles").Body(controls...),
			)
		}),
	)
}

// chooseAppsView lets the reader pick which messengers to show.
func (h *Home) chooseAppsView() app.UI {
	cat, lang := h.Catalog, h.lang
	shown := h.query.Apps
	var choices app.UI
	if h.showChoices("choose-apps") {
		apps := compare.ByName(cat)
		choices = app.Div().Class("choices").Body(
			app.Range(apps).Slice(func(i int) app.UI {
				a := apps[i]
				on := len(shown) == 0 || slices.Contains(shown, a.ID)
				id := "app-" + a.ID
				return app.Div().Class("choice").Body(
					checkbox(id, "apps", a.ID, on, "", h.onChooseApp(a.ID)),
					app.Label().For(id).Text(a.Name),
				)
			}),
		)
	}
	return app.Details().Class("choose").ID("choose-apps").OnToggle(h.onChooseOpen).Body(
		app.Summary().Text(fmtMsg(lang, msgChooseApps, countOr(len(shown), len(cat.Apps)), len(cat.Apps))),
		choices,
	)
}

// chooseCriteriaView lets the reader pick which criteria to show.
func (h *Home) chooseCriteriaView() app.UI {
	cat, lang := h.Catalog, h.lang
	shown := h.query.Criteria
	if len(shown) == 0 {
		shown = compare.DefaultCriteria(cat, h.query)
	}
	var choices app.UI
	if h.showChoices("choose-criteria") {
		choices = app.Div().Class("choices").Body(
			app.Range(cat.Criteria).Slice(func(i int) app.UI {
				cr := &cat.Criteria[i]
				on := slices.Contains(shown, cr.ID)
				id := "crit-" + cr.ID
				return app.Div().Class("choice").Body(
					checkbox(id, "criteria", cr.ID, on, "", h.onChooseCriterion(cr.ID)),
					app.Label().For(id).Text(cr.Label.In(lang.code)),
				)
			}),
		)
	}
	return app.Details().Class("choose").ID("choose-criteria").OnToggle(h.onChooseOpen).Body(
		app.Summary().Text(fmtMsg(lang, msgChooseCriteria, len(shown), len(cat.Criteria))),
		h.allCriteriaLink(len(shown)),
		choices,
	)
}

// allCriteriaLink switches between the key criteria and every criterion,
// when the reader has not chosen a list of their own.
func (h *Home) allCriteriaLink(shown int) app.UI {
	q := h.query
	if len(q.Criteria) > 0 {
		return nil
	}
	q.AllCriteria = !q.AllCriteria
	text := fmtMsg(h.lang, msgShowAllCriteria, len(h.Catalog.Criteria))
	if h.query.AllCriteria {
		text = t(h.lang, msgKeyCriteria)
	} else if shown == len(h.Catalog.Criteria) {
		return nil
	}
	return app.A().Class("all-criteria").Href(h.at.href("/", q)).Text(text)
}

// onChooseOpen records which choice lists the reader opened.
func (h *Home) onChooseOpen(ctx app.Context, e app.Event) {
	if h.open == nil {
		h.open = map[string]bool{}
	}
	h.open[ctx.JSSrc().Get("id").String()] = ctx.JSSrc().Get("open").Bool()
}

func countOr(n, all int) int {
	if n == 0 {
		return all
	}
	return n
}

func (h *Home) sortSelect() app.UI {
	lang := h.lang
	opts := []choice{{"", t(lang, msgSortName)}, {"-score", t(lang, msgSortScore)}}
	for i := range h.Catalog.Criteria {
		cr := &h.Catalog.Criteria[i]
		opts = append(opts, choice{"-" + cr.ID, cr.Label.In(lang.code)})
	}
	return choiceSelect("sort", "sort", h.query.Sort, opts, h.onSort)
}

// choice is one option of a select.
type choice struct{ value, label string }

// choiceSelect renders a select with the option of value current selected.
// "selected" is only ever set to true: a prerendered selected="false" would
// select the option.
func choiceSelect(id, name, current string, opts []choice, onChange app.EventHandler) app.UI {
	return app.Select().ID(id).Name(name).OnChange(onChange).Body(
		app.Range(opts).Slice(func(i int) app.UI {
			o := app.Option().Value(attr(opts[i].value)).Text(opts[i].label)
			if opts[i].value == current {
				o = o.Selected(true)
			}
			return o
		}),
	)
}

// checkbox renders a checkbox whose checked state is right both when
// prerendered and in the browser (setChecked).
func checkbox(id, name, value string, on bool, require string, onChange app.EventHandler) app.UI {
	in := app.Input().Type("checkbox").ID(id).Name(name).Value(value).OnChange(onChange)
	if require != "" {
		in = in.DataSet("require", require)
	}
	return setChecked(in, on)
}
