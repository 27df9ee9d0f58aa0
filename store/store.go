// Package store keeps coded articles in an embedded SQLite database:
// articles and their sentences, events with their sides and mentions,
// quotes, the near-copies that deduplication finds and the clusters of
// events that report one interaction. Full-text search runs on FTS5.
package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"

	_ "modernc.org/sqlite" // the database/sql driver "sqlite"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Store is an open dyad database.
type Store struct {
	db *sql.DB
}

// Open opens the database at path, creating it when it does not exist,
// and brings its schema up to date.
func Open(ctx context.Context, path string) (*Store, error) {
	db, err := sql.Open("sqlite", path)
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	// One connection: SQLite has one writer, and pragmas hold per
	// connection.
	db.SetMaxOpenConns(1)
	for _, p := range []string{"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON", "PRAGMA busy_timeout=10000"} {
		if _, err := db.ExecContext(ctx, p); err != nil {
			db.Close()
			return nil, fmt.Errorf("store: %s on %s: %w (is it a dyad database?)", p, path, err)
		}
	}
	s := &Store{db: db}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: %s: %w", path, err)
	}
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// DB returns the database handle, for queries of the packages that read
// the store.
func (s *Store) DB() *sql.DB { return s.db }

// Version returns the schema version of the database.
func (s *Store) Version(ctx context.Context) (int, error) {
	var v sql.NullInt64
	err := s.db.QueryRowContext(ctx, "SELECT max(version) FROM schema_migrations").Scan(&v)
	return int(v.Int64), err
}

// migrate applies the embedded migrations that the database lacks, each
// in its own transaction, in the order of their numbers.
func (s *Store) migrate(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	have, err := s.Version(ctx)
	if err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	latest := 0
	for _, name := range names {
		base := strings.TrimPrefix(name, "migrations/")
		n, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil {
			return fmt.Errorf("migration %s: no number", base)
		}
		latest = n
		if n <= have {
			continue
		}
		body, err := migrations.ReadFile(name)
		if err != nil {
			return err
		}
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, string(body)); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %s: %w", base, err)
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO schema_migrations (version, name) VALUES (?, ?)", n, base); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %s: %w", base, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migration %s: %w", base, err)
		}
	}
	if have > latest {
		return fmt.Errorf("schema version %d is newer than this dyad knows (%d): use a newer dyad", have, latest)
	}
	return nil
}

// TextHash returns the key of an article's text: the SHA-256 of its words
// in lower case, joined by single spaces, so that the same story with
// other spacing or capitals is the same article.
func TextHash(text string) string {
	norm := strings.Join(strings.Fields(strings.ToLower(text)), " ")
	sum := sha256.Sum256([]byte(norm))
	return hex.EncodeToString(sum[:])
}

// Has reports whether an article with this text (normalised as TextHash
// does) or this URL is stored: Add would add nothing.
func (s *Store) Has(ctx context.Context, text, url string) (bool, error) {
	var n int
	err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM articles WHERE hash = ? OR (url <> '' AND url = ?)", TextHash(text), url).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("store: look up article: %w", err)
	}
	return n > 0, nil
}

// ErrNoText is returned by Add for an article with no text.
var ErrNoText = errors.New("article has no text")
