package dedup

import "testing"

// FuzzSign checks that any text signs without a panic, that a text is
// fully similar to itself, and that the signature survives encoding.
func FuzzSign(f *testing.F) {
	for _, s := range []string{"", "one", "The talks in Beijing ended on Friday.", "\xff\xfe broken \x00 bytes", "a b c d e f g h"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sig, n := Sign(s)
		again, m := Sign(s)
		if sig != again || n != m {
			t.Fatal("signing is not deterministic")
		}
		if n > 0 && Similarity(&sig, &again) != 1 {
			t.Fatal("a text is not similar to itself")
		}
		if back, ok := SignatureFrom(sig.Bytes()); !ok || back != sig {
			t.Fatal("encoding lost the signature")
		}
		_ = sig.BandKeys()
	})
}
