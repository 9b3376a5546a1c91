package refresh

import (
	"bytes"
	"errors"
	"io/fs"
	"testing/fstest"

	"msgcompare/app/catalog"
)

// Validate loads the catalog in data (the layout of data/, with dir its
// name in messages) with files replaced by changed (keyed by name in
// data, e.g. apps/signal.json), as make validate would after they were
// written. It returns the loader's problems, nil when there are none.
func Validate(data fs.FS, dir string, changed map[string][]byte, today string) catalog.Errors {
	_, err := catalog.Load(overlay{base: data, files: changed}, catalog.Options{Dir: dir, Today: today})
	if err == nil {
		return nil
	}
	var errs catalog.Errors
	if errors.As(err, &errs) {
		return errs
	}
	return catalog.Errors{{File: dir, Msg: err.Error()}}
}

// overlay is base with some files' contents replaced.
type overlay struct {
	base  fs.FS
	files map[string][]byte
}

// Open opens name, from files if it is replaced there.
func (o overlay) Open(name string) (fs.File, error) {
	if b, ok := o.files[name]; ok {
		return fstest.MapFS{name: {Data: b, Mode: 0o444}}.Open(name)
	}
	return o.base.Open(name)
}

// ReadFile reads name, from files if it is replaced there.
func (o overlay) ReadFile(name string) ([]byte, error) {
	if b, ok := o.files[name]; ok {
		return bytes.Clone(b), nil
	}
	return fs.ReadFile(o.base, name)
}
