package export

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// File is an output file written under a temporary name, the file's own
// with ".tmp" added, in the same directory, and renamed to its own name
// by Commit: an export that fails leaves no half file under the real
// name.
type File struct {
	f    *os.File
	path string
	done bool
}

// Create starts the file path, writing to path + ".tmp".
func Create(path string) (*File, error) {
	f, err := os.Create(path + ".tmp")
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	return &File{f: f, path: path}, nil
}

// Write writes p to the temporary file.
func (f *File) Write(p []byte) (int, error) { return f.f.Write(p) }

// Commit syncs and closes the temporary file and renames it to the
// file's own name, replacing what was there.
func (f *File) Commit() error {
	if f.done {
		return fmt.Errorf("export: %s: already committed or aborted", f.path)
	}
	f.done = true
	err := f.f.Sync()
	if cerr := f.f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.f.Name(), f.path)
	}
	if err != nil {
		os.Remove(f.f.Name())
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// Abort closes and removes the temporary file, unless Commit came first.
func (f *File) Abort() {
	if f.done {
		return
	}
	f.done = true
	f.f.Close()
	os.Remove(f.f.Name())
}

// MentionsPath returns where the GDELT Mentions table goes beside the
// events file path: ".mentions" inserted before path's extension, the
// part of its last element from its last dot (events.gdelt.tsv gives
// events.gdelt.mentions.tsv), or added where it has none (events gives
// events.mentions).
func MentionsPath(path string) string {
	ext := filepath.Ext(path)
	return strings.TrimSuffix(path, ext) + ".mentions" + ext
}
