package catalog

import (
	"fmt"
	"strings"
)

// Error is one problem in a data file, phrased for the maintainer who has to
// fix it: which file, which field, and what was expected.
type Error struct {
	File  string // path as the maintainer sees it, e.g. data/apps/briar.json
	Line  int    // 1-based line for syntax errors, else 0
	Field string // field path such as values.forward_secrecy.sources[0]
	Msg   string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	if e.Field != "" {
		b.WriteString(": ")
		b.WriteString(e.Field)
	}
	b.WriteString(": ")
	b.WriteString(e.Msg)
	return b.String()
}

// Errors is every problem found in one load, in file order.
type Errors []*Error

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// report collects errors for one file.
type report struct {
	file string
	errs *Errors
}

func (r report) add(field, format string, args ...any) {
	*r.errs = append(*r.errs, &Error{File: r.file, Field: field, Msg: fmt.Sprintf(format, args...)})
}

func (r report) addLine(line int, format string, args ...any) {
	r.addAt(line, "", format, args...)
}

// addAt reports a problem at a line and a field path both: what a reader
// of the raw file finds (a duplicate key, a byte that is not UTF-8).
func (r report) addAt(line int, field, format string, args ...any) {
	*r.errs = append(*r.errs, &Error{File: r.file, Line: line, Field: field, Msg: fmt.Sprintf(format, args...)})
}
