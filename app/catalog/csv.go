package catalog

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"
)

// WriteCSV writes the catalog as a spreadsheet for /api/catalog.csv: a header
// row (id, name, homepage, one column per criterion id in catalog order,
// discontinued, the shutdown date or empty) and one row per messenger in
// catalog order. Each cell is the
// value as plain text (Value.String, with enum and set values as ids, sets
// joined by "|" and no limit as "unlimited"); an unknown (null) value is an
// empty cell. Sources, dates
// and notes stay in /api/catalog.json: one flat table is what spreadsheet
// users ask for.
func WriteCSV(w io.Writer, cat *Catalog) error {
	cw := csv.NewWriter(w)
	header := make([]string, 0, len(cat.Criteria)+4)
	header = append(header, "id", "name", "homepage")
	for _, c := range cat.Criteria {
		header = append(header, c.ID)
	}
	header = append(header, "discontinued")
	if err := cw.Write(csvRow(header)); err != nil {
		return fmt.Errorf("catalog: write csv: %w", err)
	}
	row := make([]string, len(header))
	for i := range cat.Apps {
		a := &cat.Apps[i]
		row = append(row[:0], a.ID, a.Name, a.Homepage)
		for _, c := range cat.Criteria {
			row = append(row, cellText(a.Cell(c.ID)))
		}
		disc := ""
		if a.Discontinued != nil {
			disc = a.Discontinued.Date
		}
		row = append(row, disc)
		if err := cw.Write(csvRow(row)); err != nil {
			return fmt.Errorf("catalog: write csv: %s: %w", a.ID, err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("catalog: write csv: %w", err)
	}
	return nil
}

// cellText renders a cell's value as plain text; unknown is empty.
func cellText(c *Cell) string {
	if c == nil || c.Value.Null {
		return ""
	}
	return c.Value.String()
}

// csvRow defuses every field of a row in place and returns it.
func csvRow(fields []string) []string {
	for i, f := range fields {
		fields[i] = defuse(f)
	}
	return fields
}

// defuse guards against CSV (formula) injection. Spreadsheets such as Excel
// and LibreOffice run a cell that starts with =, +, - or @ as a formula (and
// some strip a leading tab or carriage return first), so a note or name from
// a data file could make a reader's spreadsheet fetch URLs or run commands
// (OWASP "CSV Injection"). The catalog is community-edited and the CSV is
// meant to be opened in spreadsheets, so such cells get a leading apostrophe,
// which spreadsheets read as "text follows" and do not display.
func defuse(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
