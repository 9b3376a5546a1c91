package main

import "testing"

func TestSpliceReport(t *testing.T) {
	rep := benchBegin + "\nnew\n" + benchEnd + "\n"
	for _, tt := range []struct{ name, doc, want string }{
		{"an empty file gets a title", "", "# Benchmarks\n\n" + rep},
		{"an earlier report is replaced", "# B\n\n" + benchBegin + "\nold\n" + benchEnd + "\n\n## Load test\nx\n", "# B\n\n" + rep + "\n## Load test\nx\n"},
		{"the report goes before the load test", "# B\n\n## Load test\nx\n", "# B\n\n" + rep + "\n## Load test\nx\n"},
		{"otherwise it is appended", "# B\n\nintro\n", "# B\n\nintro\n\n" + rep},
	} {
		if got := spliceReport(tt.doc, rep); got != tt.want {
			t.Errorf("%s: got\n%q\nwant\n%q", tt.name, got, tt.want)
		}
	}
}
