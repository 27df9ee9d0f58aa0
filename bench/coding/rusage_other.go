//go:build !unix

package main

// maxRSS returns false: the peak resident set size is not known here.
func maxRSS() (int64, bool) { return 0, false }
