package compare

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"msgcompare/app/catalog"
)

// Widget is what a site that embeds /embed chooses beyond the comparison
// itself: which parts show, how many rows, and how the frame sits in the
// host's design; and what the reader opened inside the frame (a fact, or
// every row). The other pages ignore it.
type Widget struct {
	Fact   string   // "app/criterion": the fact whose evidence is open
	Rows   int      // rows shown before "show all" (0: DefaultRows)
	More   bool     // the reader asked for every row
	Show   []string // the parts shown (nil: DefaultParts)
	Accent string   // "#rrggbb": the host's accent colour
	Bg     string   // "transparent": the host's own background shows through
	Font   string   // one of Fonts ("": the system's interface font)
}

// The widget's bounds and choices.
const (
	DefaultRows = 3  // what fits 1000 px on a phone, as cards, with the key criteria
	MaxRows     = 12 // the most rows an operator may ask for before "show all"
)

// The parts of the widget an operator may show; each is a disclosure the
// reader opens, so that the widget stays compact.
const (
	PartFilters = "filters" // the requirement controls
	PartWhyNot  = "whynot"  // why the other messengers are left out
)

var (
	// Parts lists the parts in the order they show; "none" shows only
	// the table.
	Parts = []string{PartFilters, PartWhyNot}
	// Fonts are the font families an operator may choose: generic ones
	// every system has, so that the frame loads no font.
	Fonts = []string{"system", "sans", "serif", "rounded", "mono"}
	// Backgrounds are the backgrounds an operator may choose.
	Backgrounds = []string{"theme", "transparent"}
)

var hexColour = regexp.MustCompile(`^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$`)

// Shows reports whether the widget shows part p.
func (w Widget) Shows(p string) bool {
	if w.Show == nil {
		return true
	}
	return slices.Contains(w.Show, p)
}

// FirstRows is how many rows the widget shows before "show all": Rows,
// or DefaultRows when the operator chose none.
func (w Widget) FirstRows() int {
	if w.Rows > 0 {
		return w.Rows
	}
	return DefaultRows
}

// RowLimit is how many rows show now: 0 for all of them, once the reader
// asked for all.
func (w Widget) RowLimit() int {
	if w.More {
		return 0
	}
	return w.FirstRows()
}

// OpenFact returns the messenger and criterion of the open fact, if any.
func (w Widget) OpenFact() (app, criterion string) {
	app, criterion, _ = strings.Cut(w.Fact, "/")
	return app, criterion
}

// decodeWidget reads the widget's parameter key with values all into q,
// reporting what it cannot use; it returns false for a key that is not
// the widget's.
func (q *Query) decodeWidget(key, joined string, all []string, cat *catalog.Catalog, note noteFunc) bool {
	w := &q.Widget
	switch key {
	case "fact":
		id, crit, ok := strings.Cut(all[0], "/")
		switch {
		case !ok || cat.App(id) == nil:
			note(key, all[0], NoticeNoApp, "no messenger has this id")
		case cat.Criterion(crit) == nil:
			note(key, all[0], NoticeNoCriterion, "no criterion has this id")
		default:
			w.Fact = id + "/" + crit
		}
	case "rows":
		n, err := strconv.Atoi(all[0])
		if err != nil || n < 1 || n > MaxRows {
			note(key, all[0], NoticeOneOf, "expected one of %s", "1–"+strconv.Itoa(MaxRows))
			break
		}
		w.Rows = n
	case "more":
		w.More = all[0] == "1"
		if all[0] != "1" && all[0] != "0" {
			note(key, all[0], NoticeFlag, "expected 1 or 0")
		}
	case "show":
		w.Show = []string{}
		if joined == "none" {
			break
		}
		for _, p := range strings.Split(joined, ",") {
			switch {
			case p == "none":
				// No part, unless others are listed: the builder's form
				// sends it beside its ticked boxes.
			case slices.Contains(Parts, p):
				if !slices.Contains(w.Show, p) {
					w.Show = append(w.Show, p)
				}
			default:
				note(key, p, NoticeOneOf, "expected one of %s", strings.Join(append(slices.Clone(Parts), "none"), ", "))
			}
		}
		if len(w.Show) == 0 && joined != "none" {
			w.Show = nil // nothing readable: the default parts
		}
	case "accent":
		m := hexColour.FindStringSubmatch(all[0])
		if m == nil {
			note(key, all[0], NoticeOneOf, "expected one of %s", "#rgb, #rrggbb")
			break
		}
		w.Accent = "#" + strings.ToLower(expandHex(m[1]))
	case "bg":
		if decodeChoice(key, all[0], Backgrounds, note) == "transparent" {
			w.Bg = "transparent"
		}
	case "font":
		if f := decodeChoice(key, all[0], Fonts, note); f != "system" {
			w.Font = f
		}
	default:
		return false
	}
	return true
}

func expandHex(h string) string {
	if len(h) == 3 {
		return string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	return h
}

// encode adds the widget's parameters to a permalink, defaults left out.
func (w Widget) encode(add func(k, v string)) {
	if w.Show != nil {
		if len(w.Show) == 0 {
			add("show", "none")
		} else {
			var parts []string
			for _, p := range Parts { // in their own order: one permalink per choice
				if slices.Contains(w.Show, p) {
					parts = append(parts, p)
				}
			}
			if len(parts) < len(Parts) {
				add("show", strings.Join(parts, ","))
			}
		}
	}
	if w.Rows > 0 && w.Rows != DefaultRows {
		add("rows", strconv.Itoa(w.Rows))
	}
	if w.More {
		add("more", "1")
	}
	add("accent", strings.TrimPrefix(w.Accent, "#"))
	add("bg", w.Bg)
	add("font", w.Font)
	add("fact", w.Fact)
}
