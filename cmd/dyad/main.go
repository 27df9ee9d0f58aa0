// Command dyad turns news articles into political event data: who did what
// to whom, when and where, with the sentence that says so.
//
// Run "dyad help" for the list of commands.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"

	"github.com/spf13/cobra"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// errFailed reports that some inputs failed; the failures were already
// printed, so main prints nothing more.
var errFailed = errors.New("some inputs failed")

// run executes the command line args and returns the exit status.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRoot(stdin, stdout, stderr)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	switch {
	case err == nil:
		return 0
	case errors.Is(err, errFailed):
		return 1
	default:
		fmt.Fprintln(stderr, "dyad:", err)
		return 2
	}
}

// newRoot builds the command tree.
func newRoot(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:   "dyad",
		Short: "dyad turns news articles into political event data",
		Long: `dyad turns news articles into political event data: who did what to whom,
when and where, with the sentence that says so, the quotes and their
speakers, and the article each came from.

It reads HTML pages, text, Markdown, JSONL and WARC archives (gzipped or
not), from files, directories, glob patterns or standard input ("-").`,
		Version:       version,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.AddCommand(newExtractCmd(), newCodeCmd(), newActorsCmd(), newEvalCmd(), newIngestCmd(), newEventsCmd(), newExportCmd(), newDyadsCmd(), newTimelineCmd(), newQuotesCmd(), newServeCmd())
	return root
}
