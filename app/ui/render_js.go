//go:build js

package ui

import (
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// What the app renders differently from the server's prerendered page
// (render_other.go), which it replaces.

// showChoices says whether to render the checkboxes of a choice list: in
// the browser a closed list renders none, which keeps every update small.
func (h *Home) showChoices(id string) bool { return h.open[id] }

// setChecked sets the checkbox's live checked property, which the
// reader's clicks change.
func setChecked(in app.HTMLInput, on bool) app.HTMLInput { return in.Checked(on) }

// bootFailedView is nothing: web/boot.js shows the prerendered notice
// when the app cannot start.
func bootFailedView(locale) app.UI { return nil }

// today is the date a fact's age counts to: the reader's clock. The
// server counts to the build's date (Config.Today) when it has one.
func today(string) string { return time.Now().Format(time.DateOnly) }

// escapeAttr returns s: go-app sets attributes through the DOM, where any
// text is safe as it is (attr).
func escapeAttr(s string) string { return s }
