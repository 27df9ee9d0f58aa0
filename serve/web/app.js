// dyad's web page: search the events, read the reports behind one, see
// a pair of countries month by month, the network of country pairs and
// the quotes of a speaker. Plain DOM, no framework, no build step. Text
// from the API only ever goes into the page as text nodes (textContent,
// createElement), never as markup.
//
// The URL hash holds the state, so that views can be linked and the back
// button works:
//   #events?text=...&actor=RUS&offset=50   the event search
//   #event/<id>                            one event over the search
//   #timeline/USA/JPN                      a pair's timeline
//   #network?from=...&to=...&limit=50      the network of pairs
//   #quotes?speaker=...&text=...           quotes

'use strict';

// ---------------------------------------------------------------- data

/** The quad classes, by number. */
const QUADS = {
  1: { name: 'Verbal cooperation', short: 'Verb. coop.' },
  2: { name: 'Material cooperation', short: 'Mat. coop.' },
  3: { name: 'Verbal conflict', short: 'Verb. confl.' },
  4: { name: 'Material conflict', short: 'Mat. confl.' },
};

/** The event filters of the search form, named as the API's parameters. */
const FILTERS = ['text', 'actor', 'recipient', 'country', 'type', 'quad', 'from', 'to', 'place', 'outlet', 'cameo', 'sector'];
const DEFAULT_LIMIT = '50';
const VIEWS = ['events', 'timeline', 'network', 'quotes'];

// ---------------------------------------------------------------- DOM helpers

const $ = (id) => document.getElementById(id);
const SVGNS = 'http://www.w3.org/2000/svg';

/** setProps sets attributes (strings), listeners (on...) and text. */
function setProps(node, props) {
  for (const [k, v] of Object.entries(props || {})) {
    if (v == null || v === false) continue;
    if (k === 'text') node.textContent = String(v);
    else if (k.startsWith('on') && typeof v === 'function') node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
}

/** add appends children: nodes as they are, anything else as text. */
function add(node, children) {
  for (const c of children.flat(Infinity)) {
    if (c == null || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

/** h makes an HTML element. */
function h(tag, props, ...children) {
  const node = document.createElement(tag);
  setProps(node, props);
  return add(node, children);
}

/** s makes an SVG element. */
function s(tag, props, ...children) {
  const node = document.createElementNS(SVGNS, tag);
  setProps(node, props);
  return add(node, children);
}

/** safeURL returns u if it is an http(s) address, else null. */
function safeURL(u) {
  if (!u) return null;
  try {
    const url = new URL(u, location.href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** debounce calls fn once calls have stopped for ms milliseconds. */
function debounce(fn, ms) {
  let timer = 0;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

/**
 * balanced tells whether a full-text query being typed has its quotes
 * closed: until then searching as one types would only show an error.
 */
function balanced(q) {
  return ((q || '').match(/"/g) || []).length % 2 === 0;
}

/** isTyping tells whether a key event goes to a text field. */
function isTyping(target) {
  if (!(target instanceof Element)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  return !['button', 'submit', 'reset', 'checkbox', 'radio'].includes(target.type);
}

function fmtScore(x) {
  if (x == null || Number.isNaN(x)) return '';
  const v = Number(x);
  return (v > 0 ? '+' : v < 0 ? '\u2212' : '') + Math.abs(v).toFixed(2).replace(/\.?0+$/, '');
}

function fmtInt(n) {
  return Number(n || 0).toLocaleString('en');
}

function plural(n, one, many) {
  return `${fmtInt(n)} ${n === 1 ? one : many || one + 's'}`;
}

/** side names one entity: its name or words, and its country and sector. */
function side(e) {
  const name = e.name || e.text || '?';
  const tags = [e.country, e.sector].filter(Boolean).join(' ');
  return tags ? `${name} (${tags})` : name;
}

function sides(list) {
  return (list || []).map(side).join(' + ');
}

function quadBadge(q) {
  const quad = QUADS[q];
  if (!quad) return h('span', { class: 'quad' }, '');
  return h('span', { class: `quad q${q}`, title: `Quad class ${q}: ${quad.name}` }, quad.short);
}

function showError(box, msg) {
  if (!msg) {
    box.hidden = true;
    box.textContent = '';
    return;
  }
  box.textContent = msg;
  box.hidden = false;
}

// ---------------------------------------------------------------- API

/** APIError carries the API's error message. */
class APIError extends Error {}

/**
 * api fetches api/<path>?<params> and returns its JSON, or throws an
 * APIError with the server's message.
 */
async function api(path, params, signal) {
  const qs = params ? new URLSearchParams(params).toString() : '';
  let res;
  try {
    res = await fetch('api/' + path + (qs ? '?' + qs : ''), { signal, headers: { Accept: 'application/json' } });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new APIError('The server cannot be reached: ' + e.message);
  }
  let body = null;
  try {
    body = await res.json();
  } catch {
    // not JSON: reported below
  }
  if (!res.ok) throw new APIError((body && body.error) || `${res.status} ${res.statusText}`);
  if (body == null) throw new APIError('The server sent no JSON.');
  return body;
}

/** Loader drops the answer of a request that a newer one replaces. */
class Loader {
  constructor() {
    this.ctrl = null;
  }
  start() {
    if (this.ctrl) this.ctrl.abort();
    this.ctrl = new AbortController();
    return this.ctrl.signal;
  }
}

const isAbort = (e) => e && e.name === 'AbortError';

// ---------------------------------------------------------------- routing

/** The last hash of each view, so that its tab returns to it. */
const lastHash = { events: '#events', timeline: '#timeline', network: '#network', quotes: '#quotes' };
let currentView = null;

/** parseHash splits "#path/a/b?x=1" into decoded parts and parameters. */
function parseHash(hash) {
  const raw = (hash || '').replace(/^#/, '');
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  const params = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
  const parts = path.split('/').map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  return { parts, params };
}

function hashOf(view, params) {
  const qs = params && params.toString();
  return '#' + view + (qs ? '?' + qs : '');
}

/**
 * go navigates to hash: a new history entry, or with replace the current
 * one; a hash that is already current is routed again when force is set.
 */
function go(hash, { replace = false, force = false } = {}) {
  if (location.hash === hash) {
    if (force) route({ force: true });
    return;
  }
  if (replace) {
    history.replaceState(null, '', hash);
    route();
  } else {
    location.hash = hash;
  }
}

function showView(view) {
  currentView = view;
  for (const v of VIEWS) {
    $('view-' + v).hidden = v !== view;
    const tab = $('tab-' + v);
    tab.setAttribute('aria-selected', String(v === view));
    tab.tabIndex = v === view ? 0 : -1;
    tab.href = lastHash[v];
  }
  document.title = `dyad: ${view}`;
}

/** route shows the view of the current hash. */
function route({ force = false } = {}) {
  const { parts, params } = parseHash(location.hash);
  const view = parts[0] || 'events';
  if (view === 'event' && parts[1]) {
    showView('events');
    if (eventsState.key === null) loadEvents(parseHash(lastHash.events).params);
    openPanel(parts[1]);
    return;
  }
  if (!VIEWS.includes(view)) {
    go('#events', { replace: true });
    return;
  }
  const wasOpen = !panel.el.hidden;
  closePanel();
  lastHash[view] = location.hash || '#' + view;
  showView(view);
  switch (view) {
    case 'events':
      loadEvents(params, force).then(() => {
        if (wasOpen) returnFocus();
      });
      break;
    case 'timeline':
      loadTimeline((parts[1] || '').toUpperCase(), (parts[2] || '').toUpperCase(), force);
      break;
    case 'network':
      loadNetwork(params, force);
      break;
    case 'quotes':
      loadQuotes(params, force);
      break;
  }
}

// ---------------------------------------------------------------- stats

async function loadStats() {
  try {
    const st = await api('stats');
    $('stats').textContent = [
      plural(st.articles, 'article'),
      st.near_copies ? plural(st.near_copies, 'near-copy', 'near-copies') : null,
      plural(st.events, 'event'),
      plural(st.reports, 'report'),
      plural(st.quotes, 'quote'),
    ].filter(Boolean).join(' \u00b7 ');
  } catch (e) {
    $('stats').textContent = e.message;
  }
}

// ---------------------------------------------------------------- events

const eventsForm = $('events-form');
const eventsState = { key: null, loader: new Loader(), params: new URLSearchParams(), more: false };

/** formParams reads the search form into API parameters. */
function formParams() {
  const p = new URLSearchParams();
  for (const name of FILTERS) {
    const v = (eventsForm.elements[name].value || '').trim();
    if (v) p.set(name, v);
  }
  const limit = $('events-limit').value;
  if (limit !== DEFAULT_LIMIT) p.set('limit', limit);
  return p;
}

/** fillForm shows params in the search form, leaving a field being typed in alone. */
function fillForm(params) {
  for (const name of FILTERS) {
    const field = eventsForm.elements[name];
    const v = params.get(name) || '';
    if (field.value !== v && !(document.activeElement === field && field.value.trim() === v)) field.value = v;
  }
  const limit = params.get('limit') || DEFAULT_LIMIT;
  const sel = $('events-limit');
  if (![...sel.options].some((o) => o.value === limit)) sel.append(h('option', {}, limit));
  sel.value = limit;
}

/** loadEvents fetches and shows a page of events, unless it is shown already. */
async function loadEvents(params, force = false) {
  const key = params.toString();
  fillForm(params);
  if (!force && key === eventsState.key) return;
  eventsState.key = key;
  eventsState.params = params;
  const signal = eventsState.loader.start();
  const table = $('events-table');
  table.setAttribute('aria-busy', 'true');
  $('events-summary').textContent = 'Loading\u2026';
  try {
    const data = await api('events', params, signal);
    showError($('events-error'), '');
    renderEvents(data, params);
    table.dataset.query = key; // what the rows show, for tests and scripts
  } catch (e) {
    if (isAbort(e)) return;
    eventsState.key = null;
    table.dataset.query = key;
    showError($('events-error'), e.message);
    $('events-body').replaceChildren();
    $('events-summary').textContent = 'No events shown.';
    eventsState.more = false;
    updatePager(0, 0, false);
  } finally {
    if (!signal.aborted) table.removeAttribute('aria-busy');
  }
}

function renderEvents(data, params) {
  const events = data.events || [];
  const offset = Number(data.offset ?? params.get('offset') ?? 0);
  const rows = events.map(eventRow);
  const body = $('events-body');
  // A row that had the focus keeps it (or the first row takes it) when
  // the rows are drawn again, so that the keyboard is not sent back to
  // the top of the page.
  const focused = body.contains(document.activeElement) ? document.activeElement.closest('tr') : null;
  body.replaceChildren(...rows);
  if (focused) (rows.find((r) => r.dataset.event === focused.dataset.event) || rows[0] || $('f-text')).focus();
  eventsState.more = !!data.more;
  if (events.length === 0) {
    $('events-summary').textContent = offset > 0 ? 'No more events.' : 'No events match.';
  } else {
    $('events-summary').textContent =
      `Events ${fmtInt(offset + 1)}\u2013${fmtInt(offset + events.length)}` + (data.more ? '' : ' (the last)') + '. Enter on a row opens it.';
  }
  updatePager(offset, events.length, !!data.more);
}

function updatePager(offset, n, more) {
  $('events-prev').disabled = offset <= 0;
  $('events-next').disabled = !more;
  const limit = Number(eventsState.params.get('limit') || DEFAULT_LIMIT);
  $('events-page').textContent = n || offset ? `page ${fmtInt(Math.floor(offset / limit) + 1)}` : '';
}

function eventRow(ev) {
  const counts = h('td', { class: 'num', title: `${plural(ev.articles, 'article')}, ${plural(ev.outlets, 'outlet')}, ${plural(ev.reports, 'report')}` },
    `${fmtInt(ev.articles)} / ${fmtInt(ev.outlets)}`);
  return h('tr', { tabindex: '0', 'data-testid': 'event-row', 'data-event': ev.event },
    h('td', { class: 'date' }, ev.date || '\u2014'),
    h('td', { class: 'type' }, h('span', { class: 'type-name' }, ev.type || ''), ' ', quadBadge(ev.quad)),
    h('td', { class: 'cameo' }, ev.cameo || ''),
    h('td', { class: 'side' }, sides(ev.actor) || '\u2014'),
    h('td', { class: 'side' }, sides(ev.recipient) || '\u2014'),
    counts,
    h('td', { class: 'evidence', title: ev.evidence || '' }, h('span', { class: 'clamp' }, ev.evidence || '')));
}

function setupEvents() {
  eventsForm.addEventListener('submit', (e) => {
    e.preventDefault();
    go(hashOf('events', formParams()), { force: true });
  });
  $('events-clear').addEventListener('click', () => {
    eventsForm.reset();
    $('events-limit').value = DEFAULT_LIMIT;
    go('#events');
    $('f-text').focus();
  });
  // Typing searches once it pauses; dates wait for the field to be left
  // (or Enter), since a date half typed is not a date.
  const live = debounce(() => {
    const p = formParams();
    if (currentView !== 'events' || !panel.el.hidden || !balanced(p.get('text'))) return;
    go(hashOf('events', p), { replace: true });
  }, 400);
  for (const name of FILTERS) {
    const field = eventsForm.elements[name];
    if (field.tagName === 'SELECT' || name === 'from' || name === 'to') {
      field.addEventListener('change', () => go(hashOf('events', formParams())));
    } else {
      field.addEventListener('input', live);
    }
  }
  $('events-limit').addEventListener('change', () => go(hashOf('events', formParams())));
  const page = (dir) => {
    const p = new URLSearchParams(eventsState.params);
    const limit = Number(p.get('limit') || DEFAULT_LIMIT);
    const offset = Math.max(0, Number(p.get('offset') || 0) + dir * limit);
    if (offset) p.set('offset', String(offset));
    else p.delete('offset');
    go(hashOf('events', p));
  };
  $('events-prev').addEventListener('click', () => page(-1));
  $('events-next').addEventListener('click', () => page(1));

  const body = $('events-body');
  body.addEventListener('click', (e) => {
    const tr = e.target.closest('tr[data-event]');
    if (tr) openFromRow(tr);
  });
  body.addEventListener('keydown', (e) => {
    const tr = e.target.closest('tr[data-event]');
    if (!tr || e.altKey || e.ctrlKey || e.metaKey) return;
    let to = null;
    switch (e.key) {
      case 'Enter':
      case ' ':
        e.preventDefault();
        openFromRow(tr);
        return;
      case 'ArrowDown':
        to = tr.nextElementSibling;
        break;
      case 'ArrowUp':
        to = tr.previousElementSibling;
        break;
      case 'Home':
        to = body.firstElementChild;
        break;
      case 'End':
        to = body.lastElementChild;
        break;
      default:
        return;
    }
    e.preventDefault();
    if (to) to.focus();
  });
}

// ---------------------------------------------------------------- event panel

const panel = {
  el: $('event-panel'),
  loader: new Loader(),
  id: null, // the event shown
  fromList: false, // opened from the list: closing goes back
  returnTo: null, // the event whose row gets the focus back
};

function openFromRow(tr) {
  panel.fromList = true;
  panel.returnTo = tr.dataset.event;
  location.hash = '#event/' + encodeURIComponent(tr.dataset.event);
}

function setInert(on) {
  for (const node of [document.querySelector('header.top'), $('main'), document.querySelector('footer.bottom'), $('skip')]) {
    if (node) node.inert = on;
  }
}

async function openPanel(id) {
  if (panel.id === id && !panel.el.hidden) return;
  panel.id = id;
  if (!panel.returnTo) panel.returnTo = id;
  panel.el.hidden = false;
  $('backdrop').hidden = false;
  setInert(true);
  document.body.classList.add('panel-open');
  $('event-title').textContent = 'Event';
  $('panel-body').replaceChildren(h('p', { class: 'summary' }, 'Loading\u2026'));
  $('event-title').focus();
  const signal = panel.loader.start();
  try {
    const data = await api('events/' + encodeURIComponent(id), null, signal);
    renderPanel(data);
  } catch (e) {
    if (isAbort(e)) return;
    $('panel-body').replaceChildren(h('div', { class: 'error', role: 'alert', 'data-testid': 'event-error' }, e.message));
  }
}

/** closePanel hides the panel (the hash has already moved on). */
function closePanel() {
  if (panel.el.hidden) return;
  panel.loader.start();
  panel.el.hidden = true;
  $('backdrop').hidden = true;
  setInert(false);
  document.body.classList.remove('panel-open');
  panel.id = null;
}

/** requestClose leaves the event for the list it was opened from. */
function requestClose() {
  if (panel.el.hidden) return;
  if (panel.fromList) {
    panel.fromList = false;
    history.back();
  } else {
    location.hash = lastHash.events;
  }
}

/** returnFocus puts the focus back on the row of the event just closed. */
function returnFocus() {
  const id = panel.returnTo;
  panel.returnTo = null;
  if (currentView !== 'events') return;
  const row = [...$('events-body').rows].find((r) => r.dataset.event === id);
  if (row) row.focus();
  else $('f-text').focus();
}

/** dlRow is a term and its value, or nothing without a value; a wide one takes the whole line. */
function dlRow(term, value, wide = false) {
  const flat = [value].flat().filter((v) => v != null && v !== '');
  if (!flat.length) return null;
  const cls = wide ? 'wide' : null;
  return [h('dt', { class: cls }, term), h('dd', { class: cls }, flat)];
}

function entityList(list) {
  if (!list || !list.length) return null;
  return h('ul', { class: 'entities' }, list.map((e) =>
    h('li', {}, h('strong', {}, e.name || e.text || '?'),
      e.country ? h('span', { class: 'code', title: 'country' }, e.country) : null,
      e.sector ? h('span', { class: 'code', title: 'sector' }, e.sector) : null,
      e.text && e.name && e.text !== e.name ? h('span', { class: 'muted' }, ` \u201c${e.text}\u201d`) : null)));
}

function dateText(ev) {
  if (!ev.date) return 'no date';
  const bits = [];
  if (ev.date_precision && ev.date_precision !== 'day') bits.push(ev.date_precision === 'reported' ? 'the publication date' : `to the ${ev.date_precision}`);
  if (ev.date_text) bits.push(`\u201c${ev.date_text}\u201d`);
  return ev.date + (bits.length ? ` (${bits.join(', ')})` : '');
}

function renderPanel(data) {
  const ev = data.event;
  const reports = data.reports || [];
  const recipient = sides(ev.recipient);
  $('event-title').textContent = `${ev.type}${ev.mode ? ' (' + ev.mode + ')' : ''}: ${sides(ev.actor) || '?'}${recipient ? ' \u2192 ' + recipient : ''}`;

  const place = ev.location ? `${ev.location.name || ev.location.text}${ev.location.country ? ' (' + ev.location.country + ')' : ''}` : '';
  const coding = h('dl', { class: 'coding', 'data-testid': 'event-coding' },
    dlRow('Date', dateText(ev)),
    dlRow('Place', place || '\u2014'),
    dlRow('Type', [ev.type, ev.mode ? ` / ${ev.mode}` : '', ev.context && ev.context.length ? ` (${ev.context.join(', ')})` : '']),
    dlRow('CAMEO', ev.cameo),
    dlRow('Quad class', [quadBadge(ev.quad), ` ${ev.quad} ${QUADS[ev.quad] ? QUADS[ev.quad].name : ''}`]),
    dlRow('Score', `PLOVER ${fmtScore(ev.score)} \u00b7 Goldstein ${fmtScore(ev.goldstein)}`),
    dlRow('Actor', entityList(ev.actor) || '\u2014', true),
    dlRow('Recipient', entityList(ev.recipient) || '\u2014', true),
    dlRow('Trigger', ev.trigger ? `\u201c${ev.trigger}\u201d` : '', true),
    dlRow('Tense', [ev.tense, ev.negated ? ', negated' : '']),
    dlRow('Confidence', ev.confidence != null ? Number(ev.confidence).toFixed(2) : ''),
    dlRow('Reported by', `${plural(ev.articles, 'article')}, ${plural(ev.outlets, 'outlet')}, ${plural(ev.reports, 'report')}`),
    dlRow('Event id', h('code', {}, ev.event)));

  const byID = new Map(reports.filter((r) => r.article).map((r) => [r.article.id, r.article]));
  // The report whose coding is shown comes first, open; the others in
  // the order they were stored, closed until asked for.
  const shown = Math.max(0, reports.findIndex((r) => r.event && r.event.id === ev.id));
  const ordered = reports.length ? [reports[shown], ...reports.filter((_, i) => i !== shown)] : [];
  const list = h('ol', { class: 'reports', 'data-testid': 'report-list' },
    ordered.map((r, i) => reportItem(r, i === 0, byID, ev)));
  $('panel-body').replaceChildren(
    coding,
    h('h3', {}, `Reports (${reports.length})`),
    reports.length ? list : h('p', { class: 'muted' }, 'No report is stored.'));
  const open = list.querySelector('details[open] .article-text');
  if (open) scrollToEvidence(open);
}

function reportItem(r, open, byID, shownEvent) {
  const a = r.article || {};
  const ev = r.event || {};
  const copy = a.copy_of ? byID.get(a.copy_of) : null;
  const copyNote = a.copy_of
    ? h('span', { class: 'badge copy', 'data-testid': 'near-copy' },
      copy ? `near-copy of ${copy.outlet || 'article ' + copy.id}` : `near-copy of article ${a.copy_of}`)
    : null;
  const summary = h('summary', {},
    h('span', { class: 'outlet' }, a.outlet || 'unknown outlet'),
    ' ', h('span', { class: 'title' }, a.title || '(no title)'),
    a.published ? h('span', { class: 'muted' }, ` \u00b7 ${a.published}`) : null,
    copyNote ? [' ', copyNote] : null);
  const details = h('details', { class: 'report', 'data-testid': 'report', 'data-article': a.id }, summary);
  let filled = false;
  const fill = () => {
    if (filled) return;
    filled = true;
    add(details, reportBody(r, a, ev, shownEvent));
  };
  if (open) {
    details.open = true;
    fill();
  }
  details.addEventListener('toggle', () => {
    if (!details.open) return;
    const fresh = !filled;
    fill();
    if (fresh) scrollToEvidence(details.querySelector('.article-text'));
  });
  return h('li', {}, details);
}

function reportBody(r, a, ev, shownEvent) {
  const url = safeURL(a.url);
  const meta = h('p', { class: 'meta' },
    url ? h('a', { href: url, target: '_blank', rel: 'noopener', 'data-testid': 'report-link' }, a.url, h('span', { class: 'sr-only' }, ' (opens in a new tab)'))
      : h('span', { class: 'muted' }, 'no address recorded'),
    a.wire ? ` \u00b7 via ${a.wire}` : '',
    a.byline ? ` \u00b7 ${a.byline}` : '');
  // What this article says, where it differs from the event shown.
  const own = [];
  if (ev.type && ev.type !== shownEvent.type) own.push(`coded ${ev.type}`);
  const act = sides(ev.actor);
  const rec = sides(ev.recipient);
  if (act !== sides(shownEvent.actor) || rec !== sides(shownEvent.recipient)) own.push(`${act || '?'}${rec ? ' \u2192 ' + rec : ''}`);
  if ((ev.date || null) !== (shownEvent.date || null)) own.push(`dated ${ev.date || 'none'}`);
  if (ev.trigger && ev.trigger !== shownEvent.trigger) own.push(`\u201c${ev.trigger}\u201d`);
  return [
    meta,
    own.length ? h('p', { class: 'own muted' }, 'This report: ', own.join(' \u00b7 ')) : null,
    articleText(a, ev),
  ];
}

/**
 * articleText shows an article's text with the report's mention
 * sentences marked and its evidence sentence marked more strongly. The
 * API's sentence offsets count UTF-8 bytes, so the text is cut as bytes.
 */
function articleText(a, ev) {
  const box = h('div', { class: 'article-text', tabindex: '0', role: 'region', 'aria-label': `Text of \u201c${a.title || 'the article'}\u201d` });
  const text = a.text || '';
  const bytes = new TextEncoder().encode(text);
  const dec = new TextDecoder();
  const mentions = new Set(ev.mentions || []);
  const sentences = [...(a.sentences || [])].sort((x, y) => x.start - y.start);
  let pos = 0;
  for (const se of sentences) {
    const start = Math.max(pos, Math.min(se.start, bytes.length));
    const end = Math.max(start, Math.min(se.end, bytes.length));
    if (start > pos) box.append(dec.decode(bytes.subarray(pos, start)));
    const words = dec.decode(bytes.subarray(start, end));
    if (se.index === ev.sentence) {
      box.append(h('mark', { class: 'evidence', 'data-testid': 'evidence', title: 'evidence sentence' }, words));
    } else if (mentions.has(se.index)) {
      box.append(h('mark', { class: 'mention', title: 'also reports the event' }, words));
    } else {
      box.append(words);
    }
    pos = end;
  }
  if (pos < bytes.length) box.append(dec.decode(bytes.subarray(pos)));
  return box;
}

/** scrollToEvidence scrolls an article's box, not the panel, to its evidence. */
function scrollToEvidence(box) {
  if (!box) return;
  const mark = box.querySelector('mark.evidence') || box.querySelector('mark');
  if (!mark) return;
  requestAnimationFrame(() => {
    const top = mark.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
    box.scrollTop = Math.max(0, top - box.clientHeight / 3);
  });
}

function setupPanel() {
  $('panel-close').addEventListener('click', requestClose);
  $('backdrop').addEventListener('click', requestClose);
}

// ---------------------------------------------------------------- timeline

const timelineState = { key: null, loader: new Loader() };

async function loadTimeline(a, b, force) {
  const form = $('timeline-form');
  form.elements.a.value = a;
  form.elements.b.value = b;
  const out = $('timeline-out');
  const key = a + '/' + b;
  if (!force && key === timelineState.key) return;
  timelineState.key = key;
  showError($('timeline-error'), '');
  if (!a || !b) {
    timelineState.loader.start();
    out.replaceChildren(h('p', { class: 'hint' }, 'Enter two country codes, or choose a line in the Network view.'));
    suggestPairs(out);
    return;
  }
  const signal = timelineState.loader.start();
  out.setAttribute('aria-busy', 'true');
  try {
    const data = await api('timeline', { a, b }, signal);
    renderTimeline(data, out);
  } catch (e) {
    if (isAbort(e)) return;
    timelineState.key = null;
    out.replaceChildren();
    showError($('timeline-error'), e.message);
  } finally {
    if (!signal.aborted) out.removeAttribute('aria-busy');
  }
}

/** suggestPairs lists the busiest pairs of the network, if it is loaded. */
async function suggestPairs(out) {
  const net = await networkData();
  if (!net || !net.edges || !net.edges.length || timelineState.key !== '/') return;
  const top = [...net.edges].sort((x, y) => y.events - x.events).slice(0, 8);
  out.append(h('p', { class: 'hint' }, 'Busiest pairs: ',
    top.map((e, i) => [i ? ', ' : '', h('a', { href: `#timeline/${encodeURIComponent(e.a)}/${encodeURIComponent(e.b)}` }, `${e.a}\u2013${e.b}`), ` (${fmtInt(e.events)})`])));
}

/** monthIndex turns "YYYY-MM" into a month count, or NaN. */
function monthIndex(p) {
  const m = /^(\d{4})-(\d{2})$/.exec(p || '');
  return m ? Number(m[1]) * 12 + Number(m[2]) - 1 : NaN;
}

function monthName(i) {
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** fillMonths adds the months without events between the first and the last. */
function fillMonths(periods) {
  const idx = periods.map((p) => monthIndex(p.period));
  if (!periods.length || idx.some(Number.isNaN)) return periods;
  const by = new Map(periods.map((p, i) => [idx[i], p]));
  const lo = Math.min(...idx);
  const hi = Math.max(...idx);
  if (hi - lo > 1200) return periods;
  const out = [];
  for (let i = lo; i <= hi; i++) out.push(by.get(i) || { period: monthName(i), events: 0, quads: [0, 0, 0, 0], mean_score: null });
  return out;
}

/** niceMax rounds a maximum up to 1, 2 or 5 times a power of ten. */
function niceMax(v) {
  if (v <= 1) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

function renderTimeline(data, out) {
  const periods = fillMonths(data.periods || []);
  const total = periods.reduce((n, p) => n + (p.events || 0), 0);
  const a = data.a;
  const b = data.b;
  const links = h('p', { class: 'links' }, 'Events: ',
    h('a', { href: hashOf('events', new URLSearchParams({ actor: a, recipient: b })) }, `${a} \u2192 ${b}`), ' \u00b7 ',
    h('a', { href: hashOf('events', new URLSearchParams({ actor: b, recipient: a })) }, `${b} \u2192 ${a}`));
  if (!total) {
    out.replaceChildren(h('h2', {}, `${a} and ${b}`), h('p', { class: 'hint', 'data-testid': 'timeline-empty' }, `No events between ${a} and ${b}.`));
    return;
  }
  const first = periods[0].period;
  const last = periods[periods.length - 1].period;
  const label = `Events between ${a} and ${b} per month from ${first} to ${last}, ${plural(total, 'event')}, stacked by quad class, and the mean PLOVER score per month.`;
  out.replaceChildren(
    h('h2', {}, `${a} and ${b}: ${plural(total, 'event')}, ${first} to ${last}`),
    timelineChart(periods, label),
    legend(),
    links,
    h('details', { class: 'fallback' },
      h('summary', {}, 'Table of the months'),
      timelineTable(periods, a, b)));
}

function legend() {
  return h('ul', { class: 'legend', 'aria-label': 'Quad classes' },
    [1, 2, 3, 4].map((q) => h('li', {}, h('span', { class: `swatch q${q}`, 'aria-hidden': 'true' }), QUADS[q].name)),
    h('li', {}, h('span', { class: 'swatch line', 'aria-hidden': 'true' }), 'mean score (\u221210 to +10)'));
}

function timelineChart(periods, label) {
  const W = 1000;
  const L = 46;
  const R = 12;
  const barTop = 14;
  const barH = 200;
  const scoreTop = barTop + barH + 34;
  const scoreH = 110;
  const H = scoreTop + scoreH + 30;
  const n = periods.length;
  const band = (W - L - R) / n;
  const barW = Math.max(1, Math.min(band * 0.78, 40));
  const maxY = niceMax(Math.max(...periods.map((p) => p.events || 0)));
  const yBar = (v) => barTop + barH - (v / maxY) * barH;
  const yScore = (v) => scoreTop + ((10 - v) / 20) * scoreH;
  const x = (i) => L + i * band + (band - barW) / 2;

  const svgEl = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart timeline', role: 'img', 'aria-label': label, 'data-testid': 'timeline-chart', preserveAspectRatio: 'xMidYMid meet' });
  const grid = s('g', { class: 'grid', 'aria-hidden': 'true' });
  for (const t of [0, maxY / 2, maxY]) {
    grid.append(s('line', { x1: L, x2: W - R, y1: yBar(t), y2: yBar(t) }),
      s('text', { x: L - 6, y: yBar(t) + 4, 'text-anchor': 'end' }, Number.isInteger(t) ? t : t.toFixed(1)));
  }
  for (const t of [10, 5, 0, -5, -10]) {
    grid.append(s('line', { x1: L, x2: W - R, y1: yScore(t), y2: yScore(t), class: t === 0 ? 'zero' : '' }),
      s('text', { x: L - 6, y: yScore(t) + 4, 'text-anchor': 'end' }, t > 0 ? '+' + t : t < 0 ? '\u2212' + -t : '0'));
  }
  grid.append(s('text', { x: L, y: barTop - 3, class: 'rowlabel' }, 'events per month'),
    s('text', { x: L, y: scoreTop - 6, class: 'rowlabel' }, 'mean score'));
  svgEl.append(grid);

  const bars = s('g', { class: 'bars' });
  periods.forEach((p, i) => {
    let acc = 0;
    const q = p.quads || [0, 0, 0, 0];
    for (let k = 0; k < 4; k++) {
      const v = q[k] || 0;
      if (!v) continue;
      bars.append(s('rect', { x: x(i), width: barW, y: yBar(acc + v), height: Math.max(0.5, yBar(acc) - yBar(acc + v)), class: `q${k + 1}` },
        s('title', {}, `${p.period}: ${plural(v, 'event')}, ${QUADS[k + 1].name.toLowerCase()}`)));
      acc += v;
    }
  });
  svgEl.append(bars);

  const pts = [];
  periods.forEach((p, i) => {
    if (p.events && p.mean_score != null) pts.push([L + i * band + band / 2, yScore(p.mean_score), p]);
  });
  if (pts.length > 1) svgEl.append(s('polyline', { class: 'score-line', points: pts.map(([px, py]) => `${px.toFixed(1)},${py.toFixed(1)}`).join(' ') }));
  const dots = s('g', { class: 'dots' });
  for (const [px, py, p] of pts) {
    dots.append(s('circle', { cx: px.toFixed(1), cy: py.toFixed(1), r: Math.min(4, Math.max(2, band / 3)), class: p.mean_score > 0 ? 'pos' : p.mean_score < 0 ? 'neg' : 'zero' },
      s('title', {}, `${p.period}: mean score ${fmtScore(p.mean_score)}`)));
  }
  svgEl.append(dots);

  const step = Math.max(1, Math.ceil(n / 12));
  const ticks = s('g', { class: 'ticks', 'aria-hidden': 'true' });
  periods.forEach((p, i) => {
    if (i % step) return;
    ticks.append(s('text', { x: L + i * band + band / 2, y: H - 10, 'text-anchor': 'middle' }, p.period));
  });
  svgEl.append(ticks);
  return svgEl;
}

function timelineTable(periods, a, b) {
  const rows = periods.filter((p) => p.events).map((p) => h('tr', {},
    h('th', { scope: 'row' }, p.period),
    h('td', { class: 'num' }, fmtInt(p.events)),
    (p.quads || [0, 0, 0, 0]).map((v) => h('td', { class: 'num' }, fmtInt(v))),
    h('td', { class: 'num' }, fmtScore(p.mean_score))));
  return h('table', { class: 'data', 'data-testid': 'timeline-table' },
    h('caption', {}, `Events between ${a} and ${b} per month`),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Month'), h('th', { scope: 'col' }, 'Events'),
      [1, 2, 3, 4].map((q) => h('th', { scope: 'col' }, QUADS[q].short)), h('th', { scope: 'col' }, 'Mean score'))),
    h('tbody', {}, rows));
}

function setupTimeline() {
  $('timeline-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const f = e.target.elements;
    const a = f.a.value.trim().toUpperCase();
    const b = f.b.value.trim().toUpperCase();
    go(`#timeline/${encodeURIComponent(a)}/${encodeURIComponent(b)}`, { force: true });
  });
}

// ---------------------------------------------------------------- network

const networkState = { key: null, loader: new Loader(), data: null, pending: null };

/** networkData returns the default network, fetched once, for suggestions. */
function networkData() {
  if (networkState.data) return Promise.resolve(networkState.data);
  if (!networkState.pending) {
    networkState.pending = api('network', { limit: 50 }).then((d) => {
      fillCountries(d);
      return d;
    }, () => null);
  }
  return networkState.pending;
}

/** fillCountries offers the network's countries in the code inputs. */
function fillCountries(d) {
  const list = $('countries');
  if (list.options.length || !d || !d.nodes) return;
  list.replaceChildren(...[...d.nodes].sort((x, y) => (x.id < y.id ? -1 : 1)).map((n) => h('option', { value: n.id }, `${fmtInt(n.events)} events`)));
}

async function loadNetwork(params, force) {
  const form = $('network-form');
  form.elements.from.value = params.get('from') || '';
  form.elements.to.value = params.get('to') || '';
  form.elements.limit.value = params.get('limit') || '50';
  const key = params.toString();
  if (!force && key === networkState.key) return;
  networkState.key = key;
  const q = new URLSearchParams(params);
  if (!q.get('limit')) q.set('limit', '50');
  const out = $('network-out');
  const signal = networkState.loader.start();
  out.setAttribute('aria-busy', 'true');
  try {
    const data = await api('network', q, signal);
    showError($('network-error'), '');
    if (!params.get('from') && !params.get('to')) fillCountries(data);
    renderNetwork(data, out);
  } catch (e) {
    if (isAbort(e)) return;
    networkState.key = null;
    out.replaceChildren();
    showError($('network-error'), e.message);
  } finally {
    if (!signal.aborted) out.removeAttribute('aria-busy');
  }
}

/** mulberry32 is a small seeded random generator, for a layout that is the same every time. */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * forceLayout places the nodes with a few hundred rounds of
 * Fruchterman-Reingold from a circle and a fixed seed, pulled to the
 * centre and kept in the frame, then fits the result into w by h less
 * pad.
 */
function forceLayout(nodes, edges, w, h0, pad) {
  const n = nodes.length;
  const index = new Map(nodes.map((d, i) => [d.id, i]));
  const rand = mulberry32(20240214);
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t = (2 * Math.PI * i) / Math.max(n, 1);
    xs[i] = w / 2 + (w / 3) * Math.cos(t) + (rand() - 0.5) * 4;
    ys[i] = h0 / 2 + (h0 / 3) * Math.sin(t) + (rand() - 0.5) * 4;
  }
  if (n < 2) return nodes.map(() => ({ x: w / 2, y: h0 / 2 }));
  const maxW = Math.max(1, ...edges.map((e) => e.events || 1));
  const links = edges.map((e) => ({ s: index.get(e.a), t: index.get(e.b), w: 0.4 + (0.6 * Math.log1p(e.events || 1)) / Math.log1p(maxW) }))
    .filter((e) => e.s != null && e.t != null && e.s !== e.t);
  const k = 0.75 * Math.sqrt((w * h0) / n);
  const gravity = 0.4;
  let temp = w / 10;
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  for (let it = 0; it < 300; it++) {
    dx.fill(0);
    dy.fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let ex = xs[i] - xs[j];
        let ey = ys[i] - ys[j];
        let d = Math.hypot(ex, ey);
        if (d < 0.01) {
          ex = rand() - 0.5;
          ey = rand() - 0.5;
          d = Math.hypot(ex, ey);
        }
        const f = (k * k) / d;
        dx[i] += (ex / d) * f;
        dy[i] += (ey / d) * f;
        dx[j] -= (ex / d) * f;
        dy[j] -= (ey / d) * f;
      }
    }
    for (const l of links) {
      const ex = xs[l.s] - xs[l.t];
      const ey = ys[l.s] - ys[l.t];
      const d = Math.max(0.01, Math.hypot(ex, ey));
      const f = ((d * d) / k) * l.w;
      dx[l.s] -= (ex / d) * f;
      dy[l.s] -= (ey / d) * f;
      dx[l.t] += (ex / d) * f;
      dy[l.t] += (ey / d) * f;
    }
    for (let i = 0; i < n; i++) {
      dx[i] += (w / 2 - xs[i]) * gravity;
      dy[i] += (h0 / 2 - ys[i]) * gravity;
      const len = Math.hypot(dx[i], dy[i]);
      if (len > 0) {
        const step = Math.min(len, temp);
        xs[i] += (dx[i] / len) * step;
        ys[i] += (dy[i] / len) * step;
      }
      // Kept inside the frame, so that a pair apart from the rest does
      // not drift off and squeeze the others when the result is fitted.
      xs[i] = Math.min(w, Math.max(0, xs[i]));
      ys[i] = Math.min(h0, Math.max(0, ys[i]));
    }
    temp = Math.max(0.5, temp * 0.985);
  }
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (let i = 0; i < n; i++) {
    x0 = Math.min(x0, xs[i]);
    x1 = Math.max(x1, xs[i]);
    y0 = Math.min(y0, ys[i]);
    y1 = Math.max(y1, ys[i]);
  }
  const sx = (w - 2 * pad) / Math.max(1, x1 - x0);
  const sy = (h0 - 2 * pad) / Math.max(1, y1 - y0);
  return nodes.map((_, i) => ({ x: pad + (xs[i] - x0) * sx, y: pad + (ys[i] - y0) * sy }));
}

function edgeClass(mean) {
  if (mean > 0) return 'coop';
  if (mean < 0) return 'confl';
  return 'neutral';
}

function renderNetwork(data, out) {
  const nodes = data.nodes || [];
  const edges = [...(data.edges || [])].sort((x, y) => y.events - x.events);
  if (!nodes.length) {
    out.replaceChildren(h('p', { class: 'hint', 'data-testid': 'network-empty' }, 'No country pairs in this range.'));
    return;
  }
  const W = 1200;
  const H = 560;
  const pos = forceLayout(nodes, edges, W, H, 40);
  const at = new Map(nodes.map((nd, i) => [nd.id, pos[i]]));
  const maxN = Math.max(1, ...nodes.map((nd) => nd.events || 0));
  const maxE = Math.max(1, ...edges.map((e) => e.events || 0));
  const label = `Network of ${plural(nodes.length, 'country', 'countries')} and ${plural(edges.length, 'pair')}; blue lines cooperate on average, red lines conflict.`;
  const svgEl = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart network', role: 'group', 'aria-label': label, 'data-testid': 'network-svg' });
  const edgeG = s('g', { class: 'edges' });
  for (const e of edges) {
    const p = at.get(e.a);
    const q = at.get(e.b);
    if (!p || !q) continue;
    const width = 1 + 7 * Math.sqrt((e.events || 0) / maxE);
    const text = `${e.a}\u2013${e.b}: ${plural(e.events, 'event')}, mean score ${fmtScore(e.mean_score)}. Enter shows the timeline.`;
    const target = `#timeline/${encodeURIComponent(e.a)}/${encodeURIComponent(e.b)}`;
    const g = s('g', { class: `edge ${edgeClass(e.mean_score)}`, tabindex: '0', role: 'link', 'aria-label': text, 'data-testid': 'network-edge', 'data-a': e.a, 'data-b': e.b },
      s('title', {}, text),
      s('line', { class: 'hit', x1: p.x, y1: p.y, x2: q.x, y2: q.y }),
      s('line', { class: 'vis', x1: p.x, y1: p.y, x2: q.x, y2: q.y, 'stroke-width': width.toFixed(1) }));
    activate(g, () => go(target));
    edgeG.append(g);
  }
  const nodeG = s('g', { class: 'nodes' });
  nodes.forEach((nd, i) => {
    const p = pos[i];
    const r = 5 + 17 * Math.sqrt((nd.events || 0) / maxN);
    const text = `${nd.id}: ${plural(nd.events, 'event')}. Enter lists its events.`;
    const g = s('g', { class: 'node', tabindex: '0', role: 'link', 'aria-label': text, 'data-testid': 'network-node', 'data-id': nd.id, transform: `translate(${p.x.toFixed(1)} ${p.y.toFixed(1)})` },
      s('title', {}, text),
      s('circle', { r: r.toFixed(1) }),
      s('text', { x: 0, y: -r - 4, 'text-anchor': 'middle' }, nd.id));
    activate(g, () => go(hashOf('events', new URLSearchParams({ country: nd.id }))));
    nodeG.append(g);
  });
  svgEl.append(edgeG, nodeG);

  const table = h('table', { class: 'data' },
    h('caption', {}, 'Country pairs, most events first'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Pair'), h('th', { scope: 'col' }, 'Events'),
      [1, 2, 3, 4].map((q) => h('th', { scope: 'col' }, QUADS[q].short)), h('th', { scope: 'col' }, 'Mean score'))),
    h('tbody', {}, edges.map((e) => h('tr', {},
      h('th', { scope: 'row' }, h('a', { href: `#timeline/${encodeURIComponent(e.a)}/${encodeURIComponent(e.b)}` }, `${e.a}\u2013${e.b}`)),
      h('td', { class: 'num' }, fmtInt(e.events)),
      (e.quads || [0, 0, 0, 0]).map((v) => h('td', { class: 'num' }, fmtInt(v))),
      h('td', { class: 'num' }, fmtScore(e.mean_score))))));
  out.replaceChildren(
    h('p', { class: 'summary' }, `${plural(nodes.length, 'country', 'countries')}, ${plural(edges.length, 'pair')}. Circle size: events; line width: events between the pair.`),
    svgEl,
    h('ul', { class: 'legend' },
      h('li', {}, h('span', { class: 'swatch coop', 'aria-hidden': 'true' }), 'cooperation (mean score above 0)'),
      h('li', {}, h('span', { class: 'swatch confl', 'aria-hidden': 'true' }), 'conflict (below 0)'),
      h('li', {}, h('span', { class: 'swatch neutral', 'aria-hidden': 'true' }), 'even')),
    h('details', { class: 'fallback' }, h('summary', {}, 'Table of the pairs'), table));
}

/** activate runs fn on a click, Enter or Space. */
function activate(node, fn) {
  node.addEventListener('click', fn);
  node.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      fn();
    }
  });
}

function setupNetwork() {
  $('network-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const f = e.target.elements;
    const p = new URLSearchParams();
    for (const name of ['from', 'to']) if (f[name].value.trim()) p.set(name, f[name].value.trim());
    if (f.limit.value !== '50') p.set('limit', f.limit.value);
    go(hashOf('network', p), { force: true });
  });
  $('network-form').elements.limit.addEventListener('change', () => $('network-form').requestSubmit());
}

// ---------------------------------------------------------------- quotes

const quotesState = { key: null, loader: new Loader(), params: new URLSearchParams(), speakers: null, speakersLoading: null };
const QUOTE_LIMIT = 50;

async function loadSpeakers() {
  if (quotesState.speakersLoading) return quotesState.speakersLoading;
  quotesState.speakersLoading = (async () => {
    const list = $('speaker-list');
    list.replaceChildren(h('li', { class: 'muted' }, 'Loading\u2026'));
    try {
      const data = await api('speakers', { limit: 300 });
      quotesState.speakers = (data.speakers || []).filter((sp) => sp.name);
      renderSpeakers();
    } catch (e) {
      quotesState.speakersLoading = null;
      list.replaceChildren(h('li', { class: 'error', role: 'alert' }, e.message));
    }
  })();
  return quotesState.speakersLoading;
}

function renderSpeakers() {
  const list = $('speaker-list');
  if (!quotesState.speakers) return;
  const filter = $('speaker-filter').value.trim().toLowerCase();
  const chosen = quotesState.params.get('speaker') || '';
  const items = quotesState.speakers
    .filter((sp) => !filter || sp.name.toLowerCase().includes(filter) || (sp.country || '').toLowerCase() === filter)
    .map((sp) => {
      const p = new URLSearchParams({ speaker: sp.name });
      return h('li', {}, h('a', {
        href: hashOf('quotes', p),
        class: 'speaker',
        'aria-current': sp.name === chosen ? 'true' : null,
        'data-testid': 'speaker',
        'data-name': sp.name,
      }, h('span', { class: 'name' }, sp.name), sp.country ? h('span', { class: 'code' }, sp.country) : null, h('span', { class: 'count', title: 'quotes' }, fmtInt(sp.quotes))));
    });
  const focused = list.contains(document.activeElement) ? document.activeElement.dataset.name : null;
  list.replaceChildren(...(items.length ? items : [h('li', { class: 'muted' }, 'No speaker matches.')]));
  if (focused != null) {
    const again = [...list.querySelectorAll('a.speaker')].find((a) => a.dataset.name === focused);
    (again || $('speaker-filter')).focus();
  }
}

async function loadQuotes(params, force) {
  loadSpeakers();
  const text = params.get('text') || '';
  const field = $('q-text');
  if (field.value.trim() !== text) field.value = text;
  const speaker = params.get('speaker') || '';
  const chip = $('q-speaker');
  chip.hidden = !speaker;
  chip.replaceChildren();
  if (speaker) {
    const rest = new URLSearchParams(params);
    rest.delete('speaker');
    rest.delete('offset');
    chip.append('Speaker: ', h('strong', {}, speaker), ' ', h('a', { href: hashOf('quotes', rest), 'aria-label': `Show all speakers, not only ${speaker}` }, '\u00d7 all'));
  }
  const key = params.toString();
  quotesState.params = params;
  renderSpeakers();
  if (!force && key === quotesState.key) return;
  quotesState.key = key;
  const q = new URLSearchParams(params);
  if (!q.get('limit')) q.set('limit', String(QUOTE_LIMIT));
  const signal = quotesState.loader.start();
  const list = $('quote-list');
  list.setAttribute('aria-busy', 'true');
  $('quotes-summary').textContent = 'Loading\u2026';
  try {
    const data = await api('quotes', q, signal);
    showError($('quotes-error'), '');
    renderQuotes(data, params);
    list.dataset.query = key;
  } catch (e) {
    if (isAbort(e)) return;
    quotesState.key = null;
    list.dataset.query = key;
    list.replaceChildren();
    $('quotes-summary').textContent = '';
    showError($('quotes-error'), e.message);
    $('quotes-prev').disabled = true;
    $('quotes-next').disabled = true;
  } finally {
    if (!signal.aborted) list.removeAttribute('aria-busy');
  }
}

function renderQuotes(data, params) {
  const quotes = data.quotes || [];
  const offset = Number(data.offset ?? params.get('offset') ?? 0);
  const who = params.get('speaker');
  $('quotes-summary').textContent = quotes.length
    ? `Quotes ${fmtInt(offset + 1)}\u2013${fmtInt(offset + quotes.length)}${who ? ' of ' + who : ''}${data.more ? '' : ' (the last)'}.`
    : offset ? 'No more quotes.' : 'No quotes match.';
  $('quote-list').replaceChildren(...quotes.map((qt) => {
    const url = safeURL(qt.url);
    const speaker = [qt.speaker && qt.speaker !== qt.speaker_text ? qt.speaker : null, qt.country, qt.sector].filter(Boolean).join(', ');
    return h('li', { class: 'quote', 'data-testid': 'quote', 'data-speaker': qt.speaker || '' },
      h('blockquote', { class: qt.direct ? 'direct' : 'reported' }, qt.direct ? `\u201c${qt.text}\u201d` : qt.text),
      h('p', { class: 'meta' },
        '\u2014 ', h('strong', {}, qt.speaker_text || qt.speaker || 'unknown speaker'),
        speaker ? ` (${speaker})` : '',
        qt.direct ? '' : h('span', { class: 'badge' }, 'reported speech'),
        h('br'),
        h('span', { class: 'muted' }, [qt.outlet, qt.published].filter(Boolean).join(', ')),
        qt.title ? [' \u00b7 ', url ? h('a', { href: url, target: '_blank', rel: 'noopener' }, qt.title) : qt.title] : null));
  }));
  const limit = Number(params.get('limit') || QUOTE_LIMIT);
  $('quotes-prev').disabled = offset <= 0;
  $('quotes-next').disabled = !data.more;
  $('quotes-page').textContent = quotes.length || offset ? `page ${fmtInt(Math.floor(offset / limit) + 1)}` : '';
}

function setupQuotes() {
  const submit = (replace) => {
    const p = new URLSearchParams(quotesState.params);
    p.delete('offset');
    const text = $('q-text').value.trim();
    if (text) p.set('text', text);
    else p.delete('text');
    go(hashOf('quotes', p), { replace, force: !replace });
  };
  $('quotes-form').addEventListener('submit', (e) => {
    e.preventDefault();
    submit(false);
  });
  $('q-text').addEventListener('input', debounce(() => {
    if (currentView === 'quotes' && balanced($('q-text').value)) submit(true);
  }, 400));
  $('speaker-filter').addEventListener('input', renderSpeakers);
  const page = (dir) => {
    const p = new URLSearchParams(quotesState.params);
    const offset = Math.max(0, Number(p.get('offset') || 0) + dir * Number(p.get('limit') || QUOTE_LIMIT));
    if (offset) p.set('offset', String(offset));
    else p.delete('offset');
    go(hashOf('quotes', p));
  };
  $('quotes-prev').addEventListener('click', () => page(-1));
  $('quotes-next').addEventListener('click', () => page(1));
}

// ---------------------------------------------------------------- keyboard

function setupKeys() {
  // Tabs: arrows, Home and End move between the views.
  $('tabs').addEventListener('keydown', (e) => {
    const tabs = [...document.querySelectorAll('[role=tab]')];
    const i = tabs.indexOf(document.activeElement);
    if (i < 0) return;
    let j = -1;
    if (e.key === 'ArrowRight') j = (i + 1) % tabs.length;
    else if (e.key === 'ArrowLeft') j = (i - 1 + tabs.length) % tabs.length;
    else if (e.key === 'Home') j = 0;
    else if (e.key === 'End') j = tabs.length - 1;
    else if (e.key === ' ') j = i;
    if (j < 0) return;
    e.preventDefault();
    tabs[j].focus();
    go(tabs[j].getAttribute('href'));
  });
  $('skip').addEventListener('click', (e) => {
    e.preventDefault();
    $('main').focus();
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !panel.el.hidden) {
      e.preventDefault();
      requestClose();
      return;
    }
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
    if (e.key === '/') {
      e.preventDefault();
      focusSearch();
    }
  });
}

/** focusSearch puts the focus in the search box of the view (events, or quotes). */
function focusSearch() {
  if (currentView === 'quotes' && panel.el.hidden) {
    $('q-text').focus();
    $('q-text').select();
    return;
  }
  if (!panel.el.hidden) {
    panel.returnTo = null;
    panel.fromList = false;
  }
  if (currentView !== 'events' || !panel.el.hidden) go(lastHash.events.startsWith('#events') ? lastHash.events : '#events');
  $('f-text').focus();
  $('f-text').select();
}

// ---------------------------------------------------------------- start

setupEvents();
setupPanel();
setupTimeline();
setupNetwork();
setupQuotes();
setupKeys();
window.addEventListener('hashchange', () => route());
route();
loadStats();
