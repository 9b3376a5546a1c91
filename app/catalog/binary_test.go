package catalog

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestBinaryRoundTrip checks that the compact form holds everything Load
// returns: decoding what was encoded gives the same catalog, field by field.
func TestBinaryRoundTrip(t *testing.T) {
	cat, err := Load(os.DirFS(filepath.Join("testdata", "valid")), Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := EncodeBinary(cat)
	if err != nil {
		t.Fatal(err)
	}
	got, err := ReadBinary(b)
	if err != nil {
		t.Fatal(err)
	}
	for i := range cat.Locales {
		cat.Locales[i].Missing = nil // what Load tells maintainers, not readers
	}
	if !reflect.DeepEqual(got, cat) {
		t.Errorf("the compact catalog decodes to another catalog\n got %+v\nwant %+v", got.Apps[0], cat.Apps[0])
	}
	again, _ := EncodeBinary(got)
	if string(again) != string(b) {
		t.Error("encoding the decoded catalog gives other bytes: the encoding is not deterministic")
	}
}

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
