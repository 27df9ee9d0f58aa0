//go:build unix

package main

import (
	"runtime"
	"syscall"
)

// maxRSS returns the peak resident set size of the process in bytes, and
// false where the system does not say.
func maxRSS() (int64, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	rss := int64(ru.Maxrss)
	if runtime.GOOS != "darwin" && runtime.GOOS != "ios" {
		rss *= 1024 // kilobytes elsewhere
	}
	return rss, true
}
