// Package export writes the real events of a dyad database in the formats
// that other tools read: CSV, JSONL (dyad's own event records), Parquet,
// GDELT 2.0's Events and Mentions tables, and PLOVER's JSON records.
//
// Export streams every event that a store.Filter selects from a Source (a
// *store.Store) to an io.Writer, in the order the events were stored.
// NewWriter and WriteAll write events already in hand. Create writes a
// file under a temporary name and renames it into place once the export
// is complete, so that a failed export leaves no half file behind.
//
// # CSV
//
// A header row, then a row per event: event, date, date_precision, type,
// mode, context, cameo, quad, score, goldstein, actor, actor_country,
// actor_sector, recipient, recipient_country, recipient_sector, place,
// place_country, tense, negated, articles, outlets, reports, evidence,
// title, outlet, url, published. A side of several entities has their
// names (or the article's words where there is no name), countries and
// sectors each joined by ";", in the same order; so are the contexts. An
// unknown date is empty.
//
// # Parquet
//
// The CSV's columns with the sides' names, countries and sectors and the
// contexts as lists of strings (Parquet's standard three-level LIST),
// date as a string and event_date as a DATE (both null when the event has
// none), and confidence, sentence and article_id besides. Strings are
// UTF8, counts INT32, scores DOUBLE, article_id INT64; pages are version
// 1, plain encoded and Snappy compressed, in row groups of at most 65536
// rows, so that DuckDB, pyarrow and Spark read them.
//
// # GDELT
//
// GDELT 2.0's Events table: 61 tab-separated columns, no header, tabs and
// line breaks inside values turned into spaces. With what dyad knows:
//
//   - GLOBALEVENTID is the first 8 bytes of the SHA-256 of the event's
//     cluster id (the "event" of the other formats), big-endian, with the
//     sign bit cleared: a positive INT64, the same for the same database,
//     and for any database holding the same real event under the same
//     cluster id, whatever order the articles came in.
//   - SQLDATE, MonthYear, Year and FractionDate are the event's own date,
//     empty when it has none. FractionDate is YYYY + ((MM-1)*30+DD)/365
//     to four places, as GDELT's files have it.
//   - Actor1 is the first actor, Actor2 the first recipient. The country
//     codes are ISO 3166-1 alpha-3 as dyad codes them (CAMEO's country
//     codes are the same for almost every country); UNO, EUR and IGO go
//     to KnownGroupCode instead. Type1Code is the PLOVER sector; Code is
//     country or group and sector ("RUSGOV"); Name is the canonical name
//     in capitals.
//   - IsRootEvent is 1; EventCode the CAMEO code, EventBaseCode its first
//     three digits, EventRootCode its first two. NumMentions is the number
//     of reports of the event, NumSources its outlets, NumArticles its
//     articles. AvgTone is 0: dyad does not measure tone.
//   - The actors' geography is unknown (Geo_Type 0). ActionGeo_Type is 1
//     (country) where the place has a country: dyad resolves places to
//     their country, without coordinates, so FullName is the place's name
//     (a city, a region or the country), CountryCode, ADM1Code and
//     FeatureID the ISO alpha-3 code where GDELT would have a FIPS code,
//     Lat and Long empty.
//   - DATEADDED is the publication date of the article shown at 000000
//     (never the time of the export), SOURCEURL its URL.
//
// The Mentions table (Options.Mentions) has a row for every article's
// report of each event, in GDELT 2.0's 16 columns: EventTimeDate is the
// event's DATEADDED, MentionTimeDate the reporting article's publication
// date at 000000; MentionType is 1 (web) with the URL as
// MentionIdentifier, or 2 (citation only) with "outlet: title" where the
// article has no URL; MentionSourceName is the outlet, or else the URL's
// host; SentenceID is the report's evidence sentence counted from 1; the
// character offsets are -1 (dyad does not store them); InRawText is 1;
// Confidence is the report's confidence in percent; MentionDocLen the
// article's length in characters; MentionDocTone 0; the translation info
// and extras are empty. MentionsPath says where the table goes beside an
// events file.
//
// # PLOVER
//
// One JSON record per line (JSONL, as the PLOVER manual suggests), with
// the field names and nesting of the manual's Data Fields chapter: id
// (the cluster id), has_event (true), date (YYYY-MM-DD or null), actor and
// recipient (lists of entity objects: code the country or UNO, EUR, IGO;
// sector; entity_text the article's words; identifier_text the canonical
// name), event (a list of the PLOVER type), event_loc (a location object:
// extracted_place, resolved_place, country_code; null when unknown),
// event_text (the words that signalled the event, the trigger, as a
// list), quad_code, event_scale (the PLOVER score), mode and context
// (lists, null when empty, as the manual asks), text (the evidence
// sentence), text_info (sequence: the sentence's index in its article,
// from 0 as in dyad's records), cite_info (url, title, publication: the
// outlet, coder) and coder ("dyad"). What PLOVER has no field for is
// under "dyad": cameo, goldstein, date_precision, date_text, tense,
// negated, confidence, mentions, articles, outlets, reports, article_id
// and published.
package export
