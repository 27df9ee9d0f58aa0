// Package read is dyad's first stage: it finds the inputs a user names
// (files, directories, glob patterns, "-" for standard input) and opens
// them as a stream of raw articles, one doc.Input each.
//
// A plain HTML, text or Markdown file is one input. A JSONL file gives
// one input per line and a WARC file one per HTML response record, with
// the metadata the container holds as the input's Hint. Any of these may
// be gzip-compressed. A problem with one input (a missing file, a binary
// file, an input over the size limit, a broken JSONL line, a truncated
// gzip stream) becomes an Input with Err set, and the stream goes on.
//
// The reader holds one input's data at a time: memory does not grow with
// the number of files or lines.
package read

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"dyad/doc"
)

// DefaultMaxSize is the size limit of one input, in bytes, when
// Options.MaxSize is 0.
const DefaultMaxSize = 32 << 20

// Options configures a Reader.
type Options struct {
	// MaxSize is the largest input in bytes: a plain file after
	// decompression, one JSONL line, one WARC response body. A JSONL or
	// WARC file as a whole may be larger. 0 (or less) means DefaultMaxSize.
	MaxSize int64
	// Stdin is read for the path "-". Nil means that no standard input is
	// available, and "-" gives an error Input.
	Stdin io.Reader
}

// Reader finds and opens inputs. Its methods may be called from several
// goroutines, though a Stdin can be read only once.
type Reader struct {
	maxSize int64
	stdin   io.Reader
}

// New returns a Reader configured by opts.
func New(opts Options) *Reader {
	r := &Reader{maxSize: opts.MaxSize, stdin: opts.Stdin}
	if r.maxSize <= 0 {
		r.maxSize = DefaultMaxSize
	}
	return r
}

// All streams the inputs named by args in order: args in the order given,
// directory contents sorted by name (recursive; skip hidden files and dirs
// starting with '.'), glob matches sorted. An argument that names an
// existing path is taken literally; otherwise one with *, ? or [ is a
// glob pattern. It stops early when ctx is done or the consumer stops.
func (r *Reader) All(ctx context.Context, args []string) iter.Seq[doc.Input] {
	return func(yield func(doc.Input) bool) {
		s := &stream{r: r, ctx: ctx, yield: yield}
		for _, arg := range args {
			if !s.arg(arg) {
				return
			}
		}
	}
}

// stream is the state of one run of All.
type stream struct {
	r     *Reader
	ctx   context.Context
	yield func(doc.Input) bool
	done  bool
}

// emit passes in to the consumer and reports whether to go on.
func (s *stream) emit(in doc.Input) bool {
	if s.done {
		return false
	}
	if s.ctx.Err() != nil || !s.yield(in) {
		s.done = true
		return false
	}
	return true
}

// live reports whether the stream should go on.
func (s *stream) live() bool {
	if !s.done && s.ctx.Err() != nil {
		s.done = true
	}
	return !s.done
}

// fail emits an error Input for path, its message prefixed "read PATH: ".
func (s *stream) fail(path string, err error) bool {
	return s.emit(doc.Input{Path: path, Err: fmt.Errorf("read %s: %w", path, err)})
}

// arg streams the inputs named by one argument.
func (s *stream) arg(arg string) bool {
	if !s.live() {
		return false
	}
	switch arg {
	case "-":
		if s.r.stdin == nil {
			return s.fail("-", errors.New("no standard input available"))
		}
		return s.open("-", "", s.r.stdin, -1)
	case "":
		return s.fail(`""`, errors.New("empty path"))
	}
	info, err := os.Stat(arg)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) && hasMeta(arg) {
			return s.glob(arg)
		}
		return s.fail(arg, pathError(err))
	}
	if info.IsDir() {
		return s.dir(arg)
	}
	return s.file(arg, info)
}

// hasMeta reports whether path has glob pattern characters.
func hasMeta(path string) bool {
	return strings.ContainsAny(path, "*?[")
}

// pathError returns a short, actionable form of an error from the file
// system, without repeating the path.
func pathError(err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%w (check the path)", fs.ErrNotExist)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("%w (check the file's permissions)", fs.ErrPermission)
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// glob streams the files and directories that match pattern, sorted.
// Matches whose names start with '.' are left out unless the pattern's
// last element starts with '.' too, as in a shell.
func (s *stream) glob(pattern string) bool {
	matches, err := filepath.Glob(pattern)
	if err != nil {
		return s.fail(pattern, fmt.Errorf("bad glob pattern: %w", err))
	}
	hidden := strings.HasPrefix(filepath.Base(pattern), ".")
	matches = slices.DeleteFunc(matches, func(m string) bool {
		return !hidden && strings.HasPrefix(filepath.Base(m), ".")
	})
	if len(matches) == 0 {
		return s.fail(pattern, errors.New("no files match the pattern (check the pattern and the directory)"))
	}
	slices.Sort(matches)
	for _, m := range matches {
		if !s.live() {
			return false
		}
		info, err := os.Stat(m)
		switch {
		case err != nil:
			if !s.fail(m, pathError(err)) {
				return false
			}
		case info.IsDir():
			if !s.dir(m) {
				return false
			}
		default:
			if !s.file(m, info) {
				return false
			}
		}
	}
	return true
}

// dir streams every regular file under root whose name and directories
// do not start with '.', in lexical order, depth first. Symbolic links to
// files are followed; links to directories are not.
func (s *stream) dir(root string) bool {
	files := 0
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if !s.live() {
			return filepath.SkipAll
		}
		if err != nil {
			files++ // the error is reported; do not also say the directory is empty
			if !s.fail(p, pathError(err)) {
				return filepath.SkipAll
			}
			if d != nil && d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if p != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		info, err := d.Info()
		if d.Type()&fs.ModeSymlink != 0 {
			info, err = os.Stat(p)
		}
		if err != nil {
			files++
			if !s.fail(p, pathError(err)) {
				return filepath.SkipAll
			}
			return nil
		}
		if !info.Mode().IsRegular() {
			return nil
		}
		files++
		if !s.file(p, info) {
			return filepath.SkipAll
		}
		return nil
	})
	if err != nil && s.live() {
		return s.fail(root, err)
	}
	if files == 0 && s.live() {
		return s.fail(root, errors.New("no input files in the directory (files and directories whose names start with '.' are skipped)"))
	}
	return s.live()
}

// file streams the inputs in the file at path.
func (s *stream) file(path string, info fs.FileInfo) bool {
	f, err := os.Open(path)
	if err != nil {
		return s.fail(path, pathError(err))
	}
	defer f.Close()
	size := int64(-1)
	if info.Mode().IsRegular() {
		size = info.Size()
	}
	return s.open(path, path, f, size)
}

// bufSize is the size of the buffer in front of each input. It bounds
// how much of an input sniff sees.
const bufSize = sniffLen

// open streams the inputs in rd, named path for people and name for
// detection. size is the size of rd in bytes, or -1 when unknown.
func (s *stream) open(path, name string, rd io.Reader, size int64) bool {
	return s.openLayer(path, name, rd, size, nil)
}

// openLayer is open for rd, which is the decompressed content of a gzip
// stream when gz is not nil.
func (s *stream) openLayer(path, name string, rd io.Reader, size int64, gz *gzipReader) bool {
	br := bufio.NewReaderSize(rd, bufSize)
	head, err := br.Peek(bufSize)
	whole := false
	switch {
	case err == io.EOF:
		whole = true
	case err != nil && err != bufio.ErrBufferFull && len(head) == 0:
		return s.fail(path, s.readError(err, gz, ""))
	}
	f := sniff(name, head, whole)
	if gz != nil && f == formatGzip {
		f = formatBinary
	}
	switch f {
	case formatEmpty:
		return s.fail(path, errors.New("empty input"))
	case formatGzip:
		return s.gzip(path, name, br)
	case formatBinary:
		return s.fail(path, binaryError(head, gz != nil))
	case formatWARC:
		return s.warc(path, br, gz)
	case formatJSONL:
		return s.jsonl(path, br, gz)
	}
	return s.plain(path, name, br, size, gz)
}

// binaryError describes binary content that starts with head.
func binaryError(head []byte, compressed bool) error {
	what := describeBinary(head)
	switch {
	case compressed && isGzip(head):
		what = "gzip-compressed twice; decompress it once"
	case what == "":
		what = "not text"
	}
	return fmt.Errorf("input is binary (%s): dyad reads HTML, text, Markdown, JSONL and WARC files, which may be gzip-compressed", what)
}

// readError describes an error from reading an input. When the input is
// gzip-compressed and the gzip stream failed, it says so. after, when not
// "", says where in the input the error came, as in "after line 7".
func (s *stream) readError(err error, gz *gzipReader, after string) error {
	if after != "" {
		after = " " + after
	}
	if gz != nil && gz.err != nil {
		return fmt.Errorf("gzip data is truncated or corrupt%s: %w (check the file, or download it again)", after, gz.err)
	}
	return fmt.Errorf("reading failed%s: %w", after, err)
}

// plain streams a whole input as one article.
func (s *stream) plain(path, name string, br *bufio.Reader, size int64, gz *gzipReader) bool {
	limit := s.r.maxSize
	if gz == nil && size > limit {
		return s.fail(path, fmt.Errorf("input is %d bytes, over the %d-byte limit (raise --max-size)", size, limit))
	}
	capHint := int64(bufSize)
	if gz == nil && size >= 0 {
		capHint = size + 1
	}
	data, err := readLimited(br, limit, capHint)
	if err != nil {
		return s.fail(path, s.readError(err, gz, ""))
	}
	if int64(len(data)) > limit {
		what := "input"
		if gz != nil {
			what = "decompressed input"
		}
		return s.fail(path, fmt.Errorf("%s is over the %d-byte limit (raise --max-size)", what, limit))
	}
	if isBlank(data) {
		return s.fail(path, errors.New("empty input (only white space)"))
	}
	return s.emit(doc.Input{Path: path, Kind: Detect(name, data), Data: data})
}

// isBlank reports whether data is only white space.
func isBlank(data []byte) bool {
	for _, c := range data {
		switch c {
		case ' ', '\t', '\r', '\n', '\f', '\v':
		default:
			return false
		}
	}
	return true
}

// readLimited reads rd to its end, but no more than limit+1 bytes, so
// that a result longer than limit means rd is over the limit. capHint is
// the expected size.
func readLimited(rd io.Reader, limit, capHint int64) ([]byte, error) {
	capHint = max(min(capHint, limit+1), 512)
	buf := make([]byte, 0, capHint)
	lr := io.LimitReader(rd, limit+1)
	for {
		if len(buf) == cap(buf) {
			buf = slices.Grow(buf, int(min(int64(cap(buf)), limit+2-int64(len(buf)))))
		}
		n, err := lr.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
}
