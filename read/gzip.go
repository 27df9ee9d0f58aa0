package read

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"strings"
)

// gzipReader decompresses a gzip stream of one or more members and keeps
// the first error of the stream itself, so that a failure can be blamed
// on the compression rather than on the content.
type gzipReader struct {
	zr  *gzip.Reader
	err error
}

// Read reads decompressed bytes.
func (g *gzipReader) Read(p []byte) (int, error) {
	n, err := g.zr.Read(p)
	if err != nil && err != io.EOF && g.err == nil {
		g.err = err
	}
	return n, err
}

// gzip streams the inputs in the gzip-compressed br. The name without
// ".gz" decides the kind of the content.
func (s *stream) gzip(path, name string, br *bufio.Reader) bool {
	zr, err := gzip.NewReader(br)
	if err != nil {
		return s.fail(path, fmt.Errorf("gzip data is truncated or corrupt: %w (check the file, or download it again)", err))
	}
	defer zr.Close()
	inner := name
	if strings.HasSuffix(strings.ToLower(inner), ".gz") {
		inner = inner[:len(inner)-len(".gz")]
	}
	g := &gzipReader{zr: zr}
	return s.openLayer(path, inner, g, -1, g)
}
