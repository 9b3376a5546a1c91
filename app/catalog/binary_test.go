package catalog

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestBinaryRoundTrip checks, for the real catalog and the test one, that
// the compact catalog and its packs hold everything Load returns but what
// they leave out on purpose: decoding what was encoded gives the same
// catalog, field by field, and encoding that again the same bytes. A field
// that one direction of the codec forgets fails here, provided a catalog
// gives it a value (TestBinaryFieldsCovered).
func TestBinaryRoundTrip(t *testing.T) {
	for name, dir := range roundTripCatalogs() {
		t.Run(name, func(t *testing.T) {
			cat, err := Load(os.DirFS(dir), Options{})
			if err != nil {
				t.Fatal(err)
			}
			b, err := EncodeBinary(cat)
			if err != nil {
				t.Fatal(err)
			}
			langs := packs(t, cat)
			evidence := EncodeEvidence(cat)
			got, err := ReadBinary(b, langs...)
			if err != nil {
				t.Fatal(err)
			}
			if err := ReadEvidence(got, evidence); err != nil {
				t.Fatal(err)
			}

			again, _ := EncodeBinary(got)
			if !bytes.Equal(again, b) {
				t.Error("encoding the decoded catalog gives other bytes")
			}
			for i, code := range got.Langs()[1:] {
				if p, _ := EncodeLanguage(got, code); !bytes.Equal(p, langs[i]) {
					t.Errorf("encoding the decoded catalog gives another %s pack", code)
				}
			}
			if !bytes.Equal(EncodeEvidence(got), evidence) {
				t.Error("encoding the decoded catalog gives another evidence pack")
			}

			leaveOut(cat)
			if !reflect.DeepEqual(got, cat) {
				t.Errorf("the compact catalog decodes to another catalog: %s", difference("Catalog", reflect.ValueOf(got), reflect.ValueOf(cat)))
			}
		})
	}
}

// roundTripCatalogs returns the directories of the catalogs
// TestBinaryRoundTrip encodes, by name: the test one and the real one.
func roundTripCatalogs() map[string]string {
	return map[string]string{
		"testdata": filepath.Join("testdata", "valid"),
		"data":     filepath.Join("..", "..", "data"),
	}
}

// leaveOut clears in a loaded catalog what the compact form does not
// carry: what Load tells maintainers, not readers.
func leaveOut(cat *Catalog) {
	cat.Drafts = nil
	for i := range cat.Locales {
		cat.Locales[i].Missing = nil
	}
	for i := range cat.Criteria {
		cat.Criteria[i].Added = ""
	}
	for _, a := range cat.Apps {
		for _, cell := range a.Values {
			cell.Pending = false
		}
	}
}

// difference names the first exported field where got and want differ,
// with both values, or says that only unexported ones do.
func difference(path string, got, want reflect.Value) string {
	switch got.Kind() {
	case reflect.Pointer:
		if got.IsNil() && want.IsNil() {
			return ""
		}
		if !got.IsNil() && !want.IsNil() {
			return difference(path, got.Elem(), want.Elem())
		}
	case reflect.Struct:
		for i := range got.NumField() {
			if f := got.Type().Field(i); f.IsExported() {
				if d := difference(path+"."+f.Name, got.Field(i), want.Field(i)); d != "" {
					return d
				}
			}
		}
		return ""
	case reflect.Slice:
		if got.IsNil() == want.IsNil() && got.Len() == want.Len() {
			for i := range got.Len() {
				if d := difference(fmt.Sprintf("%s[%d]", path, i), got.Index(i), want.Index(i)); d != "" {
					return d
				}
			}
			return ""
		}
	case reflect.Map:
		if got.IsNil() == want.IsNil() && got.Len() == want.Len() {
			for _, k := range want.MapKeys() {
				if g := got.MapIndex(k); g.IsValid() {
					if d := difference(fmt.Sprintf("%s[%v]", path, k), g, want.MapIndex(k)); d != "" {
						return d
					}
				} else {
					return fmt.Sprintf("%s: no key %v", path, k)
				}
			}
			return ""
		}
	default:
		if got.Interface() == want.Interface() {
			return ""
		}
	}
	return fmt.Sprintf("%s: got %#v, want %#v", path, got, want)
}

// TestBinaryFieldsCovered checks that the catalogs TestBinaryRoundTrip
// encodes give every field the compact form carries a value other than
// its zero somewhere (a field that is always zero would decode right even
// if the codec forgot it), and names the fields it leaves out (leaveOut).
func TestBinaryFieldsCovered(t *testing.T) {
	set := map[string]bool{}
	for _, dir := range roundTripCatalogs() {
		cat, err := Load(os.DirFS(dir), Options{})
		if err != nil {
			t.Fatal(err)
		}
		leaveOut(cat)
		setFields(reflect.ValueOf(cat).Elem(), set)
	}
	for _, f := range fields(reflect.TypeFor[Catalog](), map[reflect.Type]bool{}) {
		if !set[f] {
			t.Errorf("%s is never set in the catalogs TestBinaryRoundTrip encodes: give it a value in testdata/valid", f)
		}
	}
}

// notCarried reports whether the compact form leaves a field out
// (leaveOut), or it is not data (Abridged) or never set in Catalog.Apps
// (App.Draft).
func notCarried(field string) bool {
	switch field {
	case "Catalog.Drafts", "Catalog.Abridged", "Locale.Missing", "Criterion.Added", "Cell.Pending", "App.Draft":
		return true
	}
	return false
}

// setFields adds to set the exported fields ("Type.Field") that v or
// what it holds gives a value other than the zero.
func setFields(v reflect.Value, set map[string]bool) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			setFields(v.Elem(), set)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if f := v.Type().Field(i); f.IsExported() && !v.Field(i).IsZero() {
				set[v.Type().Name()+"."+f.Name] = true
				setFields(v.Field(i), set)
			}
		}
	case reflect.Slice:
		for i := range v.Len() {
			setFields(v.Index(i), set)
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			setFields(v.MapIndex(k), set)
		}
	}
}

// fields lists the exported fields ("Type.Field") of t and of the structs
// it holds that the compact form carries.
func fields(t reflect.Type, seen map[reflect.Type]bool) []string {
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Map:
		return fields(t.Elem(), seen)
	case reflect.Struct:
		if seen[t] {
			return nil
		}
		seen[t] = true
		var out []string
		for i := range t.NumField() {
			f := t.Field(i)
			if name := t.Name() + "." + f.Name; f.IsExported() && !notCarried(name) {
				out = append(out, name)
				out = append(out, fields(f.Type, seen)...)
			}
		}
		return out
	}
	return nil
}

// packs encodes the pack of every language but English.
func packs(t testing.TB, cat *Catalog) [][]byte {
	t.Helper()
	var out [][]byte
	for _, code := range cat.Langs()[1:] {
		p, err := EncodeLanguage(cat, code)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, p)
	}
	return out
}

// TestBinaryLanguagePacks: the compact catalog alone is the English
// catalog (every language still listed, for the language menu, without
// its texts), one pack adds exactly its language, and packs that do not
// fit are refused with an error that says why.
func TestBinaryLanguagePacks(t *testing.T) {
	cat, err := Load(os.DirFS(filepath.Join("testdata", "valid")), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(cat.Langs()) < 2 {
		t.Fatal("the valid fixture needs a second language")
	}
	core, _ := EncodeBinary(cat)
	alone, err := ReadBinary(core)
	if err != nil {
		t.Fatal(err)
	}
	second := cat.Langs()[1]
	if got := alone.Langs(); !reflect.DeepEqual(got, cat.Langs()) {
		t.Errorf("languages without packs = %v, want %v", got, cat.Langs())
	}
	if l := alone.Locale(second); l.Messages != nil || l.Name != cat.Locale(second).Name {
		t.Errorf("without its pack, %s has messages %v and name %q", second, l.Messages, l.Name)
	}
	if alone.Locale(SourceLang).Messages == nil {
		t.Error("the English messages are not in the compact catalog")
	}
	if g := alone.Groups[0].Label; len(g) != 1 || g[SourceLang] == "" {
		t.Errorf("a group label without packs = %v, want English only", g)
	}
	pack, _ := EncodeLanguage(cat, second)
	one, err := ReadBinary(core, pack)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := one.Groups[0].Label[second], cat.Groups[0].Label[second]; got != want || want == "" {
		t.Errorf("with the %s pack, a group label reads %q, want %q", second, got, want)
	}
	if !reflect.DeepEqual(one.Locale(second).Messages, cat.Locale(second).Messages) {
		t.Errorf("the %s pack's messages differ", second)
	}

	if _, err := EncodeLanguage(cat, SourceLang); err == nil {
		t.Error("an English pack was made; English is in the compact catalog")
	}
	other := *cat
	other.Version = "another-build"
	stale, _ := EncodeLanguage(&other, second)
	for _, tt := range []struct {
		name  string
		packs [][]byte
		want  string
	}{
		{"a pack of another build", [][]byte{stale}, "different builds"},
		{"the same pack twice", [][]byte{pack, pack}, "two packs"},
		{"not a pack", [][]byte{core}, "not a language pack"},
		{"a pack with a text more", [][]byte{appendText(pack)}, "bytes after the end"},
	} {
		if _, err := ReadBinary(core, tt.packs...); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one that says %q", tt.name, err, tt.want)
		}
	}
	for n := len(packMagic); n < len(pack); n += 5 {
		if c, err := ReadBinary(core, pack[:n]); err == nil || c != nil {
			t.Fatalf("a pack cut at %d of %d bytes was read without error", n, len(pack))
		}
	}
}

// TestBinaryEvidence: the compact catalog alone has every fact's value
// and date but no note or source, and says so (Abridged); the evidence
// pack adds exactly those, and a pack that does not fit is refused,
// leaving the catalog as it was.
func TestBinaryEvidence(t *testing.T) {
	cat, err := Load(os.DirFS(filepath.Join("testdata", "valid")), Options{})
	if err != nil {
		t.Fatal(err)
	}
	core, _ := EncodeBinary(cat)
	read := func() *Catalog {
		c, err := ReadBinary(core)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	abridged := read()
	if !abridged.Abridged || cat.Abridged {
		t.Errorf("Abridged: %v read from the compact form, %v loaded", abridged.Abridged, cat.Abridged)
	}
	notes := 0
	for i, a := range cat.Apps {
		for id, want := range a.Values {
			got := abridged.Apps[i].Values[id]
			if got.Note != "" || got.Sources != nil {
				t.Fatalf("%s/%s has its note or sources without the evidence pack", a.ID, id)
			}
			var past []Change // the history without its notes and sources
			for _, h := range want.History {
				past = append(past, Change{Value: h.Value, Until: h.Until})
			}
			if !reflect.DeepEqual(got.Value, want.Value) || got.Verified != want.Verified || !reflect.DeepEqual(got.History, past) {
				t.Errorf("%s/%s: value, date or history differ without the evidence pack", a.ID, id)
			}
			if want.Note != "" {
				notes++
			}
		}
	}
	if notes == 0 {
		t.Fatal("the valid fixture needs a note")
	}
	for i, a := range cat.Apps {
		for k, st := range a.Status {
			if got := abridged.Apps[i].Status[k]; got != (Status{Curator: st.Curator, Status: st.Status, Since: st.Since}) {
				t.Errorf("%s: verdict %d reads %+v without the evidence pack", a.ID, k, got)
			}
		}
	}

	pack := EncodeEvidence(cat)
	other := *cat
	other.Version = "another-build"
	fewer := read()
	fewer.Apps = fewer.Apps[:len(fewer.Apps)-1]
	for _, tt := range []struct {
		name string
		into *Catalog
		pack []byte
		want string
	}{
		{"a pack of another build", read(), EncodeEvidence(&other), "different builds"},
		{"not a pack", read(), core, "not an evidence pack"},
		{"a pack with a byte more", read(), append(append([]byte{}, pack...), 0), "bytes after the end"},
		{"a pack of more messengers", fewer, pack, "bytes after the end"},
	} {
		before, _ := EncodeBinary(tt.into)
		err := ReadEvidence(tt.into, tt.pack)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one that says %q", tt.name, err, tt.want)
		}
		if after, _ := EncodeBinary(tt.into); string(after) != string(before) || !tt.into.Abridged {
			t.Errorf("%s: the refused pack changed the catalog", tt.name)
		}
	}
	for n := 0; n < len(pack); n += 11 {
		c := read()
		if err := ReadEvidence(c, pack[:n]); err == nil || !c.Abridged {
			t.Fatalf("an evidence pack cut at %d of %d bytes was read without error", n, len(pack))
		}
	}

	whole := read()
	if err := ReadEvidence(whole, pack); err != nil {
		t.Fatal(err)
	}
	if whole.Abridged {
		t.Error("still Abridged with the evidence pack")
	}
	for i, a := range cat.Apps {
		if !reflect.DeepEqual(whole.Apps[i].Values, a.Values) || !reflect.DeepEqual(whole.Apps[i].Status, a.Status) {
			t.Errorf("%s: facts or verdicts differ from the JSON's with the evidence pack", a.ID)
		}
	}
	if err := ReadEvidence(whole, nil); err != nil {
		t.Errorf("a catalog with its evidence refused a second read (%v): nothing is left to add", err)
	}
}

func appendText(b []byte) []byte { return append(append([]byte{}, b...), 1, 'x') }

// TestBinaryBroken checks that every truncation of a compact catalog and
// a few corruptions give an error, never a panic or a half catalog.
func TestBinaryBroken(t *testing.T) {
	cat, err := Load(os.DirFS(filepath.Join("testdata", "valid")), Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := EncodeBinary(cat)
	for n := 0; n < len(b); n += 7 {
		if c, err := ReadBinary(b[:n]); err == nil || c != nil {
			t.Fatalf("a catalog cut at %d of %d bytes decoded without error", n, len(b))
		}
	}
	if _, err := ReadBinary(append(append([]byte{}, b...), 0)); err == nil {
		t.Error("trailing bytes were accepted")
	}
	huge := append([]byte(binaryMagic), 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f)
	if _, err := ReadBinary(huge); err == nil {
		t.Error("an absurd length was accepted")
	}
}

// FuzzReadBinary feeds ReadBinary arbitrary bytes: it must not panic.
func FuzzReadBinary(f *testing.F) {
	cat, err := Load(os.DirFS(filepath.Join("testdata", "valid")), Options{})
	if err != nil {
		f.Fatal(err)
	}
	b, _ := EncodeBinary(cat)
	f.Add(b)
	f.Fuzz(func(t *testing.T, b []byte) { ReadBinary(b) })
}

func BenchmarkReadBinary(b *testing.B) {
	cat, err := Load(os.DirFS(filepath.Join("..", "..", "data")), Options{})
	if err != nil {
		b.Fatal(err)
	}
	bin, _ := EncodeBinary(cat)
	b.SetBytes(int64(len(bin)))
	for b.Loop() {
		if _, err := ReadBinary(bin); err != nil {
			b.Fatal(err)
		}
	}
}

// TestBinaryLanguagesAlone reads only the languages of a compact catalog,
// as the browser does to choose its pack: the same languages, version and
// English messages as the whole catalog has, and an error on a cut file.
func TestBinaryLanguagesAlone(t *testing.T) {
	cat, err := Load(os.DirFS(filepath.Join("testdata", "valid")), Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := EncodeBinary(cat)
	whole, err := ReadBinary(b)
	if err != nil {
		t.Fatal(err)
	}
	langs, err := ReadLanguages(b)
	if err != nil {
		t.Fatal(err)
	}
	if langs.Version != whole.Version || !reflect.DeepEqual(langs.Locales, whole.Locales) {
		t.Errorf("ReadLanguages = %s %+v, want %s %+v", langs.Version, langs.Locales, whole.Version, whole.Locales)
	}
	if got, want := langs.MatchLang("PT-br"), whole.MatchLang("PT-br"); got != want {
		t.Errorf("MatchLang on the languages alone = %q, want %q", got, want)
	}
	for _, n := range []int{0, len(binaryMagic), len(binaryMagic) + 3} {
		if c, err := ReadLanguages(b[:n]); err == nil || c != nil {
			t.Errorf("languages cut at %d bytes decoded without error", n)
		}
	}
}
