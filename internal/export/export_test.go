package export

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheck: an export goes only into a new or empty folder or a previous
// export, the only folders it may empty.
func TestCheck(t *testing.T) {
	for _, tc := range []struct {
		name  string
		setup func(dir string) string // returns the path to check
		err   string
	}{
		{"a missing folder is created", func(dir string) string { return filepath.Join(dir, "new", "site") }, ""},
		{"an empty folder is used", func(dir string) string { return dir }, ""},
		{"a previous export is replaced", func(dir string) string {
			os.WriteFile(filepath.Join(dir, Marker), nil, 0o644)
			os.WriteFile(filepath.Join(dir, "index.html"), nil, 0o644)
			return dir
		}, ""},
		{"a folder of other files is refused", func(dir string) string {
			os.WriteFile(filepath.Join(dir, "notes.txt"), nil, 0o644)
			return dir
		}, "not a previous export"},
		{"a file is refused", func(dir string) string {
			p := filepath.Join(dir, "f")
			os.WriteFile(p, nil, 0o644)
			return p
		}, "not a directory"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := Check(tc.setup(t.TempDir()))
			if tc.err == "" && err != nil || tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)) {
				t.Errorf("Check = %v, want %q", err, tc.err)
			}
		})
	}
}
