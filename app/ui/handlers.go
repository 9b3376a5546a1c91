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
		all := make([]string, 0, len(h.Catalog.Apps))
		for _, a := range compare.ByName(h.Catalog) {
			all = append(all, a.ID)
		}
		next := h.query
		next.Apps = toggleID(h.query.Apps, all, id)
		h.set(ctx, next, true)
	}
}

// onChooseCriterion shows or hides one criterion, like onChooseApp.
func (h *Home) onChooseCriterion(id string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		all := make([]string, 0, len(h.Catalog.Criteria))
		for _, cr := range h.Catalog.Criteria {
			all = append(all, cr.ID)
		}
		next := h.query
		next.Criteria = toggleID(h.query.Criteria, all, id)
		h.set(ctx, next, true)
	}
}

// toggleID adds id to the shown list or removes it; an empty list stands
// for all, and a list of all becomes empty again.
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
	if len(out) == len(all) {
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
