package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"dyad/pipeline"
	"dyad/read"
	"dyad/serve"
	"dyad/store"
)

func newServeCmd() *cobra.Command {
	var f inputFlags
	var af actorFlags
	var db, addr, token string
	c := &cobra.Command{
		Use:   "serve [flags] [PATH...]",
		Short: "Serve the database's events as a web page and a JSON API",
		Long: `Serve runs an HTTP server over the database (--db): a web page to search
and filter events, read each event's evidence in its articles, follow the
relations of two countries month by month, see who interacts with whom,
and browse quotes by speaker; and the JSON API under /api/ that the page
uses, described by /api/openapi.yaml.

PATHs, when given, are ingested first, as dyad ingest does (the database
is created when missing), so that one command goes from articles to the
page.

The server listens on loopback (127.0.0.1:8080) unless --addr says
otherwise, and is read-only: with --write-token (or DYAD_WRITE_TOKEN in
the environment) it also takes articles by POST /api/articles with the
header "Authorization: Bearer TOKEN". Ctrl-C stops it.`,
		Example: `  dyad serve --db samples.db samples
  dyad serve --db news.db --addr 127.0.0.1:9000
  curl 'http://127.0.0.1:8080/api/events?actor=CHN&recipient=RUS&limit=10'`,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			if token == "" {
				token = os.Getenv("DYAD_WRITE_TOKEN")
			}
			if len(args) == 0 && !fileExists(db) {
				return fmt.Errorf("no database at %s: give PATHs of articles to ingest, run dyad ingest first, or name one with --db", db)
			}
			var stages []pipeline.Stage
			var err error
			if len(args) > 0 || token != "" {
				if stages, err = coderStages(cmd, &af); err != nil {
					return err
				}
			}
			st, err := store.Open(ctx, db)
			if err != nil {
				return err
			}
			defer st.Close()
			if len(args) > 0 {
				if err := ingestPaths(cmd, st, db, args, &f, stages); err != nil && !errors.Is(err, errFailed) {
					return err
				}
			}
			opt := serve.Options{Logger: slog.New(slog.NewTextHandler(cmd.ErrOrStderr(), nil))}
			if token != "" {
				p, err := f.pipeline(storing(st, stages))
				if err != nil {
					return err
				}
				opt.WriteToken, opt.Ingest = token, postIngest(st, p, f.maxSize)
			}
			h, err := serve.New(st, opt)
			if err != nil {
				return err
			}
			return listen(ctx, cmd.ErrOrStderr(), addr, h)
		},
	}
	f.register(c)
	af.register(c)
	dbFlag(c, &db)
	c.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "address to listen on, HOST:PORT (port 0: any free port)")
	c.Flags().StringVar(&token, "write-token", "", "allow POST /api/articles with this bearer token (default $DYAD_WRITE_TOKEN; none: read-only)")
	return c
}

// listen serves h on addr until ctx ends, printing the page's URL.
func listen(ctx context.Context, stderr io.Writer, addr string, h http.Handler) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w (choose another with --addr)", addr, err)
	}
	host, port, _ := net.SplitHostPort(ln.Addr().String())
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		fmt.Fprintf(stderr, "dyad: listening on every network interface (%s): anyone who can reach this machine can read the database\n", addr)
		host = "127.0.0.1"
	}
	fmt.Fprintf(stderr, "dyad: serving http://%s/\n", net.JoinHostPort(host, port))
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute,
		BaseContext: func(net.Listener) context.Context { return ctx }}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		fmt.Fprintln(stderr, "dyad: stopping")
		return srv.Shutdown(shut)
	}
}

// postIngest returns the function that codes and stores the articles of
// a POST body with pipeline p.
func postIngest(st *store.Store, p *pipeline.Pipeline, maxSize int64) func(context.Context, io.Reader) (serve.IngestResult, error) {
	var mu sync.Mutex // one post is coded at a time
	return func(ctx context.Context, body io.Reader) (serve.IngestResult, error) {
		mu.Lock()
		defer mu.Unlock()
		var res serve.IngestResult
		w := &storeWriter{ctx: ctx, st: st}
		rd := read.New(read.Options{MaxSize: maxSize, Stdin: body})
		err := p.Run(ctx, rd.All(ctx, []string{"-"}), func(r pipeline.Result) error {
			if r.Err != nil {
				res.Failed++
				res.Errors = append(res.Errors, oneLine(r.Err.Error()))
			}
			return w.write(nil, r)
		})
		res.Stored, res.Known, res.NearCopies, res.Events, res.Joined = w.added, w.known, w.copies, w.events, w.joined
		return res, err
	}
}
