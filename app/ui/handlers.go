package ui

import (
	"slices"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"msgcompare/app/catalog"
	"msgcompare/app/compare"
)

// The Home page's event handlers. Each computes the next query and shows
// it; the URL is the only state that outlives a render.

// onToggle flips the requirement a control stands for.
func (h *Home) onToggle(c catalog.Condition) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		h.set(ctx, h.query.Toggle(c), true)
	}
}

// onSearch filters while the reader types, without a history entry per
// keystroke.
func (h *Home) onSearch(ctx app.Context, e app.Event) {
	next := h.query
	next.Q = compare.CleanSearch(ctx.JSSrc().Get("value").String())
	h.set(ctx, next, false)
}

func (h *Home) onSort(ctx app.Context, e app.Event) {
	next := h.query
	next.Sort = ctx.JSSrc().Get("value").String()
	h.set(ctx, next, true)
}

func (h *Home) onView(ctx app.Context, e app.Event) {
	next := h.query
	next.View = ctx.JSSrc().Get("value").String()
	h.set(ctx, next, true)
}

func (h *Home) onDiff(ctx app.Context, e app.Event) {
	next := h.query
	next.Diff = !next.Diff
	h.set(ctx, next, true)
}

// onChooseApp shows or hides one messenger. An empty list means all, so
// hiding one from "all" lists every other.
func (h *Home) onChooseApp(id string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		h.set(ctx, toggleApp(h.Catalog, h.query, id), true)
	}
}

// onChooseCriterion shows or hides one criterion, like onChooseApp.
func (h *Home) onChooseCriterion(id string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		h.set(ctx, toggleCriterion(h.Catalog, h.query, id), true)
	}
}

// toggleApp returns q with messenger id shown or hidden.
func toggleApp(cat *catalog.Catalog, q compare.Query, id string) compare.Query {
	all := make([]string, 0, len(cat.Apps))
	for _, a := range compare.ByName(cat) {
		all = append(all, a.ID)
	}
	q.Apps = toggleID(q.Apps, all, id)
	return q
}

// toggleCriterion returns q with criterion id shown or hidden.
func toggleCriterion(cat *catalog.Catalog, q compare.Query, id string) compare.Query {
	q.Criteria = toggleID(q.Criteria, compare.DefaultCriteria(cat, q), id)
	if len(q.Criteria) > 0 {
		q.AllCriteria = false
	}
	return q
}

// toggleID adds id to the shown list or removes it; an empty list stands
// for the default list all, and a list equal to it becomes empty again.
func toggleID(shown, all []string, id string) []string {
	if len(shown) == 0 {
		shown = all
	}
	var out []string
	if slices.Contains(shown, id) {
		out = slices.DeleteFunc(slices.Clone(shown), func(s string) bool { return s == id })
	} else {
		out = append(slices.Clone(shown), id)
	}
	if len(out) == len(all) && !slices.ContainsFunc(out, func(s string) bool { return !slices.Contains(all, s) }) {
		return nil
	}
	return out
}

// cleared is the current view without requirements, preset or search.
func (h *Home) cleared() compare.Query {
	q := h.query
	q.Require, q.Preset, q.Q = nil, "", ""
	return q
}
