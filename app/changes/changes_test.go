package changes_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"msgcompare/app/catalog"
	"msgcompare/app/changes"
	"msgcompare/data"
)

func fixture(t testing.TB) *catalog.Catalog {
	t.Helper()
	cat, err := catalog.Load(os.DirFS(filepath.Join("testdata", "catalog")), catalog.Options{Dir: "testdata/catalog"})
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

// line is a change in one readable line: date, kind, messenger,
// criterion or curator, and what it was and became.
func line(c changes.Change) string {
	from, _ := json.Marshal(c.From)
	to, _ := json.Marshal(c.To)
	return strings.Join([]string{c.Date, string(c.Kind), c.App, c.Criterion + c.Curator, string(from) + "->" + string(to)}, " ")
}

func TestExtractListsEveryChangeNewestFirst(t *testing.T) {
	got := changes.Extract(fixture(t))
	want := []string{
		`2024-07-01 status two privacyguides "listed"->"removed"`,
		// The same day: messenger one's value changes in criteria
		// order, then its status, then messenger two.
		`2024-06-01 value one forward_secrecy true->false`,
		`2024-06-01 value one platforms ["android"]->["android","ios"]`,
		`2024-06-01 status one privacyguides "recommended"->"removed"`,
		`2024-06-01 discontinued two  false->true`,
		// Two history entries: the older one became the next one's value.
		`2022-01-01 value one architecture "p2p"->"centralized"`,
		`2022-01-01 status one privacyguides "listed"->"recommended"`,
		`2020-01-01 status two privacyguides null->"listed"`,
		`2019-01-01 value one architecture "centralized"->"p2p"`,
		`2019-01-01 status one privacyguides null->"listed"`,
		`2018-05-05 value two phone_number_required true->false`,
	}
	if len(got) != len(want) {
		for _, c := range got {
			t.Log(line(c))
		}
		t.Fatalf("Extract gave %d changes, want %d", len(got), len(want))
	}
	for i := range want {
		if l := line(got[i]); l != want[i] {
			t.Errorf("change %d = %s, want %s", i, l, want[i])
		}
	}
}

func TestExtractCarriesNoteAndSources(t *testing.T) {
	got := changes.Extract(fixture(t))
	fs := got[1]
	if fs.Note != "Dropped in the v2 protocol." || len(fs.Sources) != 1 || fs.Sources[0] != "https://one.example/v2" {
		t.Errorf("forward secrecy change = note %q sources %v, want the history entry's", fs.Note, fs.Sources)
	}
	if d := got[4]; d.Note != "The service shut down." || d.Sources[0] != "https://two.example/shutdown" {
		t.Errorf("discontinued = note %q sources %v, want the discontinued mark's", d.Note, d.Sources)
	}
}

func TestIDsAreUniqueAndStable(t *testing.T) {
	cat := fixture(t)
	first := changes.Extract(cat)
	seen := map[string]bool{}
	for _, c := range first {
		if len(c.ID) != 16 || seen[c.ID] {
			t.Errorf("id %q of %s: want 16 hex digits, unique", c.ID, line(c))
		}
		seen[c.ID] = true
	}
	// A corrected note, an added source or a newer verified date keep the
	// id: it hashes what identifies the change, not how it is told.
	cell := cat.App("one").Cell("forward_secrecy")
	cell.History[0].Note = "Reworded."
	cell.History[0].Sources = append(cell.History[0].Sources, "https://one.example/more")
	cell.Verified = "2026-02-02"
	again := changes.Extract(cat)
	for i := range first {
		if first[i].ID != again[i].ID {
			t.Errorf("%s: id changed from %s to %s", line(first[i]), first[i].ID, again[i].ID)
		}
	}
	// Golden: ids are part of the feed's public contract.
	if got, want := first[1].ID, "1a40990abf6b0cb4"; got != want {
		t.Errorf("forward secrecy change id = %s, want %s: ids must not change between releases", got, want)
	}
}

func TestFilter(t *testing.T) {
	all := changes.Extract(fixture(t))
	tests := []struct {
		name           string
		apps, criteria []string
		want           int
	}{
		{"no filter keeps every change", nil, nil, 11},
		{"a messenger keeps its value and status changes", []string{"two"}, nil, 4},
		{"a criterion keeps only value changes of it", nil, []string{"architecture"}, 2},
		{"both filters must hold", []string{"two"}, []string{"architecture"}, 0},
		{"several criteria", []string{"one"}, []string{"forward_secrecy", "platforms"}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := changes.Filter(all, tt.apps, tt.criteria); len(got) != tt.want {
				t.Errorf("Filter(apps=%v, criteria=%v) = %d changes, want %d", tt.apps, tt.criteria, len(got), tt.want)
			}
		})
	}
}

// TestRealCatalog counts the real data's history entries, status entries
// and discontinued marks against the extracted changes: /changes lists
// every one of them.
func TestRealCatalog(t *testing.T) {
	cat, err := catalog.Load(data.FS, catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var history, status, discontinued, added int
	for _, a := range cat.Apps {
		for _, cell := range a.Values {
			history += len(cell.History)
		}
		status += len(a.Status)
		if a.Added != "" {
			added++
		}
		if a.Discontinued != nil {
			discontinued++
		}
	}
	count := map[changes.Kind]int{}
	list := changes.Extract(cat)
	ids := map[string]bool{}
	for i, c := range list {
		count[c.Kind]++
		ids[c.ID] = true
		if i > 0 && list[i-1].Date < c.Date {
			t.Errorf("change %d (%s) is newer than the one before it", i, line(c))
		}
	}
	if count[changes.Value] != history || count[changes.Status] != status || count[changes.Discontinued] != discontinued || count[changes.Added] != added {
		t.Errorf("extracted %v; the data has %d history entries, %d status entries, %d discontinued, %d added", count, history, status, discontinued, added)
	}
	if len(ids) != len(list) {
		t.Errorf("%d changes have only %d distinct ids", len(list), len(ids))
	}
	if added != len(cat.Apps) {
		t.Errorf("%d of %d messengers say when they were added", added, len(cat.Apps))
	}
	t.Logf("real catalog: %d changes (%d value, %d status, %d discontinued, %d added)", len(list), history, status, discontinued, added)
}

func BenchmarkExtract(b *testing.B) {
	cat, err := catalog.Load(data.FS, catalog.Options{})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		changes.Extract(cat)
	}
}
