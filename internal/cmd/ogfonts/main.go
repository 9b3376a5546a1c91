// Command ogfonts writes the fonts of the pictures of internal/preview
// (a page's og:image): Noto Sans, Noto Sans Arabic and Noto Sans CJK SC,
// regular and bold, each subset to the characters that the catalog's
// texts need (preview.Texts), so that the server's binary carries a few
// hundred kilobytes instead of tens of megabytes. `make fonts` runs it;
// it needs Debian's fonts-noto-core, fonts-noto-cjk and fonttools
// (pyftsubset). The fonts are under the SIL Open Font License 1.1
// (internal/preview/fonts/OFL.txt).
//
//	go run ./internal/cmd/ogfonts [-out internal/preview/fonts]
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"unicode"

	"msgcompare/app/catalog"
	"msgcompare/internal/preview"
)

// source is one font to subset: the system file, the face in a
// collection, the file it is written to, and which characters go in it.
type source struct {
	file  string
	index int
	out   string
	keep  func(r rune) bool
}

func main() {
	out := flag.String("out", "internal/preview/fonts", "folder to write the subset fonts to")
	noto := flag.String("noto", "/usr/share/fonts/truetype/noto", "folder of fonts-noto-core")
	cjkDir := flag.String("cjk", "/usr/share/fonts/opentype/noto", "folder of fonts-noto-cjk")
	flag.Parse()
	if err := run(*out, *noto, *cjkDir); err != nil {
		fmt.Fprintln(os.Stderr, "ogfonts:", err)
		os.Exit(1)
	}
}

func run(out, noto, cjkDir string) error {
	cat, err := catalog.Load(os.DirFS("data"), catalog.Options{})
	if err != nil {
		return err
	}
	runes := preview.Runes(preview.Texts(cat))
	is := func(s preview.Script) func(rune) bool {
		return func(r rune) bool {
			got, ok := preview.ScriptOf(r)
			// Neutral characters go in every font: a Persian or Chinese
			// run keeps its own font across its spaces and punctuation.
			return !ok || got == s
		}
	}
	latinKeep := func(r rune) bool {
		got, ok := preview.ScriptOf(r)
		return !ok || got == preview.Latin || unicode.IsDigit(r) && r < 0x80
	}
	sources := []source{
		{filepath.Join(noto, "NotoSans-Regular.ttf"), 0, "NotoSans-Regular.ttf", latinKeep},
		{filepath.Join(noto, "NotoSans-Bold.ttf"), 0, "NotoSans-Bold.ttf", latinKeep},
		{filepath.Join(noto, "NotoSansArabic-Regular.ttf"), 0, "NotoSansArabic-Regular.ttf", is(preview.Arabic)},
		{filepath.Join(noto, "NotoSansArabic-Bold.ttf"), 0, "NotoSansArabic-Bold.ttf", is(preview.Arabic)},
		{filepath.Join(cjkDir, "NotoSansCJK-Regular.ttc"), 2, "NotoSansCJKsc-Regular.otf", is(preview.CJK)},
		{filepath.Join(cjkDir, "NotoSansCJK-Bold.ttc"), 2, "NotoSansCJKsc-Bold.otf", is(preview.CJK)},
	}
	tmp, err := os.MkdirTemp("", "ogfonts")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	for _, s := range sources {
		var text []rune
		for _, r := range runes {
			if s.keep(r) {
				text = append(text, r)
			}
		}
		// The space, and the joiners that Persian shaping reads.
		text = append(text, ' ', '\u200c', '\u200d')
		list := filepath.Join(tmp, s.out+".txt")
		if err := os.WriteFile(list, []byte(string(text)), 0o644); err != nil {
			return err
		}
		cmd := exec.Command("pyftsubset", s.file,
			fmt.Sprintf("--font-number=%d", s.index),
			"--text-file="+list,
			"--layout-features=*", "--no-hinting", "--notdef-outline",
			"--name-IDs=0,1,2,3,4,5,6,13,14", "--name-languages=*",
			"--output-file="+filepath.Join(out, s.out))
		cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("pyftsubset %s: %w (apt-get install fonttools fonts-noto-core fonts-noto-cjk)", s.file, err)
		}
	}
	return nil
}
