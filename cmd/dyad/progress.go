package main

import (
	"fmt"
	"io"
	"os"
	"time"
)

// progress prints a one-line count of processed inputs to a terminal,
// rewritten in place at most a few times a second.
type progress struct {
	w       io.Writer
	on      bool
	start   time.Time
	last    time.Time
	printed bool
}

func newProgress(w io.Writer, on bool) *progress {
	now := time.Now()
	return &progress{w: w, on: on, start: now, last: now}
}

func (p *progress) update(total, failed int) {
	if !p.on || time.Since(p.last) < 200*time.Millisecond {
		return
	}
	p.last = time.Now()
	p.print(total, failed)
}

func (p *progress) print(total, failed int) {
	secs := time.Since(p.start).Seconds()
	rate := 0.0
	if secs > 0 {
		rate = float64(total) / secs
	}
	fmt.Fprintf(p.w, "\r\033[Kdyad: %d articles, %d failed, %.0f/s", total, failed, rate)
	p.printed = true
}

// clear removes the progress line so that another line can be printed.
func (p *progress) clear() {
	if p.printed {
		fmt.Fprint(p.w, "\r\033[K")
		p.printed = false
	}
}

// done prints the final count on its own line.
func (p *progress) done(total, failed int) {
	if !p.on {
		return
	}
	p.print(total, failed)
	fmt.Fprintln(p.w)
}

// isTerminal reports whether f is a character device, as a terminal is.
func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
