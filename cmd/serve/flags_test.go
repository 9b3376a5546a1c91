package main

import (
	"bytes"
	"context"
	"errors"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestWrongFlagsExitTwoBeforeStartUp runs the command with each flag that
// can be wrong: it names the flag, exits 2, and does none of the start-up
// work (loading the data, compressing the files: the log line that ends
// it never comes).
func TestWrongFlagsExitTwoBeforeStartUp(t *testing.T) {
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { taken.Close() })
	for _, tc := range []struct {
		name    string
		args    []string // $DIR is a new temporary directory
		setup   func(dir string)
		wantErr string
	}{
		{name: "an empty -frame-ancestors is refused, not read as *", args: []string{"-frame-ancestors", ""}, wantErr: "-frame-ancestors: empty"},
		{name: "a blank -frame-ancestors is refused", args: []string{"-frame-ancestors", "  "}, wantErr: "-frame-ancestors: empty"},
		{name: "a -frame-ancestors that adds a directive is refused", args: []string{"-frame-ancestors", "'self'; script-src *"}, wantErr: "-frame-ancestors"},
		{name: "a negative -stale is refused", args: []string{"-stale", "-5"}, wantErr: "-stale -5"},
		{name: "an -addr without a port is refused", args: []string{"-addr", "localhost"}, wantErr: "-addr"},
		{name: "a taken port is said before the start-up work", args: []string{"-addr", taken.Addr().String()}, wantErr: "-addr " + taken.Addr().String()},
		{name: "a -root without web/ says so", args: []string{"-root", "$DIR"}, wantErr: "web/"},
		{name: "a -data that does not exist is refused", args: []string{"-data", "$DIR/none"}, wantErr: "-data"},
		{name: "an -export folder that is not an export is refused", args: []string{"-export", "$DIR"},
			setup: func(dir string) { os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644) }, wantErr: "-export"},
		{name: "an unknown flag exits 2 too", args: []string{"-nope"}, wantErr: "-nope"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			if tc.setup != nil {
				tc.setup(dir)
			}
			var args []string
			for _, a := range tc.args {
				args = append(args, strings.ReplaceAll(a, "$DIR", dir))
			}
			// A flag read wrongly may start the server: it gets a minute.
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			cmd := exec.CommandContext(ctx, os.Args[0], args...)
			cmd.Env = append(os.Environ(), "MSGCOMPARE_RUN=1")
			var errOut bytes.Buffer
			cmd.Stderr = &errOut
			err := cmd.Run()
			stderr := errOut.String()
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != 2 {
				t.Errorf("serve %q: %v, want exit status 2", args, err)
			}
			if !strings.Contains(stderr, tc.wantErr) {
				t.Errorf("serve %q: stderr %q, want it to name %q", args, stderr, tc.wantErr)
			}
			if strings.Contains(stderr, "msgcompare: version") {
				t.Errorf("serve %q did the start-up work before refusing", args)
			}
		})
	}
}
