package data

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"msgcompare/app/catalog"
)

// TestCatalog validates the real data the way `make validate` does, with
// today's date, so that a broken file fails the build.
func TestCatalog(t *testing.T) {
	cat, err := catalog.Load(FS, catalog.Options{Today: time.Now().UTC().Format(time.DateOnly)})
	if err != nil {
		t.Fatalf("the data files are invalid:\n%v", err)
	}
	for _, id := range []string{"signal", "element", "session", "briar", "molly", "simplex", "threema", "wire",
		"deltachat", "jami", "cwtch", "conversations", "wickr", "telegram", "whatsapp"} {
		if cat.App(id) == nil {
			t.Errorf("the catalog lacks %s (contract §4)", id)
		}
	}
	if w := cat.App("wickr"); w != nil && w.Discontinued == nil {
		t.Error("wickr must be marked discontinued")
	}
	for _, p := range []string{"pg-minimum", "pg-best", "no-phone", "no-internet", "anonymity", "self-host", "open-source"} {
		if cat.Preset(p) == nil {
			t.Errorf("the catalog lacks preset %s", p)
		}
	}
}

// TestSeedFacts checks that every fact of the seed text (Privacy Guides'
// real-time communication page) is in the catalog, with the seed's own
// links among the sources.
func TestSeedFacts(t *testing.T) {
	cat, err := catalog.Load(FS, catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	facts := []struct {
		app, criterion, want string // want as Value.String()
	}{
		{"signal", "e2ee_default", "true"},
		{"signal", "e2ee_groups", "true"},
		{"signal", "e2ee_all_message_types", "true"},
		{"signal", "encrypted_contact_list", "true"},
		{"signal", "encrypted_profiles", "true"},
		{"signal", "server_blind_groups", "true"},
		{"signal", "sealed_sender", "true"},
		{"signal", "phone_number_required", "true"},
		{"signal", "published_spec", "true"},
		{"signal", "forward_secrecy", "true"},
		{"element", "published_spec", "true"},
		{"element", "architecture", "federated"},
		{"element", "open_source_client", "true"},
		{"session", "architecture", "onion_network"},
		{"session", "anonymity_network", "onion_routing"},
		{"session", "e2ee_default", "true"},
		{"session", "e2ee_groups", "true"},
		{"session", "group_size_limit", "100"},
		{"session", "voice_calls", "true"},
		{"session", "forward_secrecy", "false"},
		{"briar", "anonymity_network", "tor"},
		{"briar", "offline_mesh", "bluetooth|wifi"},
		{"briar", "mutual_contact_consent", "true"},
		{"briar", "forward_secrecy", "true"},
		{"briar", "architecture", "p2p"},
	}
	for _, f := range facts {
		cell := cat.App(f.app).Cell(f.criterion)
		if got := cell.Value.String(); got != f.want {
			t.Errorf("%s %s = %s, want %s (seed)", f.app, f.criterion, got, f.want)
		}
	}
	for _, m := range []string{"link", "qr"} {
		if !cat.App("briar").Cell("add_contact_methods").Value.Has(m) {
			t.Errorf("briar add_contact_methods lacks %s (seed: briar:// links or QR codes)", m)
		}
	}
	audits := []struct {
		app, auditor string
		year         int
	}{{"signal", "", 2016}, {"element", "NCC", 2016}, {"session", "Quarkslab", 2021}, {"briar", "Cure53", 2017}}
	for _, a := range audits {
		found := false
		for _, au := range cat.App(a.app).Cell("audits").Value.Audits {
			found = found || au.Year == a.year && strings.Contains(au.Auditor, a.auditor)
		}
		if !found {
			t.Errorf("%s lacks its %d audit (seed)", a.app, a.year)
		}
	}
	// Element's group calls were not end-to-end encrypted (Jitsi) at the
	// seed's time; the cell keeps that in its history.
	gc := cat.App("element").Cell("e2ee_group_calls")
	if len(gc.History) == 0 || gc.History[0].Value.Bool {
		t.Error("element e2ee_group_calls lacks the history of unencrypted (Jitsi) group calls")
	}
	seedSources := []string{
		"https://signal.org/blog/signal-private-group-system/",
		"https://signal.org/blog/sealed-sender/",
		"https://eprint.iacr.org/2016/1013.pdf",
		"https://signal.org/docs/",
		"https://matrix.org/docs/spec",
		"https://github.com/vector-im/element-web/issues/12878",
		"https://github.com/matrix-org/matrix-doc/pull/3401",
		"https://github.com/vector-im/element-web/issues/13074",
		"https://matrix.org/blog/2016/11/21/matrixs-olm-end-to-end-encryption-security-assessment-released-and-implemented-cross-platform-on-riot-at-last",
		"https://spec.matrix.org/latest/",
		"https://matrix.org/docs/projects/other/olm",
		"https://signal.org/docs/specifications/doubleratchet/",
		"https://oxen.io/",
		"https://getsession.org/blog/session-protocol-technical-information",
		"https://getsession.org/session-code-audit",
		"https://briarproject.org/how-it-works/",
		"https://briarproject.org/news/2017-beta-released-security-audit/",
		"https://code.briarproject.org/briar/briar-spec/blob/master/protocols/BHP.md",
		"https://code.briarproject.org/briar/briar-spec/blob/master/protocols/BTP.md",
	}
	cited := map[string]bool{}
	for _, a := range cat.Apps {
		for _, c := range a.Values {
			for _, s := range c.Sources {
				cited[s] = true
			}
			for _, h := range c.History {
				for _, s := range h.Sources {
					cited[s] = true
				}
			}
		}
	}
	for _, s := range seedSources {
		if !cited[s] {
			t.Errorf("no cell cites the seed's source %s", s)
		}
	}
}

// TestEveryKnownValueHasASource holds the catalog's promise to readers.
func TestEveryKnownValueHasASource(t *testing.T) {
	cat, err := catalog.Load(FS, catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range cat.Apps {
		for _, cr := range cat.Criteria {
			c := a.Cell(cr.ID)
			if c == nil {
				t.Errorf("%s has no cell for %s", a.ID, cr.ID)
				continue
			}
			if !c.Value.Null && len(c.Sources) == 0 {
				t.Errorf("%s %s has a value but no source", a.ID, cr.ID)
			}
		}
	}
}

// BenchmarkLoad is the catalog's cost at every start of the wasm app.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := catalog.Load(FS, catalog.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestBinaryIsCurrent checks that catalog.bin, which the WebAssembly app
// carries, holds exactly the catalog of the JSON files.
func TestBinaryIsCurrent(t *testing.T) {
	cat, err := catalog.Load(FS, catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want, err := cat.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if string(Binary) != string(want) {
		t.Fatal("data/catalog.bin is out of date: run `make build` (or go run ./internal/cmd/catalogbin) and commit it")
	}
	got, err := catalog.ReadBinary(Binary)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, cat) {
		t.Error("data/catalog.bin decodes to another catalog than the JSON files")
	}
}
