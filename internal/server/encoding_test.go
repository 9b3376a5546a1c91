package server

import "testing"

func TestNegotiate(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"gzip", "gzip"},
		{"br", "br"},
		{"gzip, deflate, br, zstd", "br"},
		{"br;q=0.5, gzip", "gzip"},
		{"br;q=0, gzip;q=0", ""},
		{"*", "br"},
		{"*;q=0", ""},
		{"gzip;q=1, *;q=0", "gzip"},
		{"identity", ""},
		{"x-gzip", "gzip"},
		{"BR", "br"},
		{"br;q=abc", ""},
		{"br;q=2", ""},
		{";;,,;q=", ""},
		{"gzip ; q = 0.8 , br ; q = 0.9", "br"},
	} {
		if got := negotiate(tc.in); got != tc.want {
			t.Errorf("negotiate(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzNegotiate(f *testing.F) {
	for _, s := range []string{"", "br", "gzip;q=0.5, br;q=0", "*;q=0.1", "\xff;q=\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		switch got := negotiate(s); got {
		case "", "br", "gzip":
		default:
			t.Fatalf("negotiate(%q) = %q", s, got)
		}
	})
}
