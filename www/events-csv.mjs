// An events spreadsheet (CSV) read into the data file's events, in the browser: the builder's
// "Check your data". It follows src/core/csv_import.rs rule for rule, with the same messages, and
// tests/e2e/csv.test.mjs gives both the same files and compares what they say (the problems, with
// their lines and columns, and the events). The data file's own rules then run in the widget.

export const EVENT_COLUMNS = ['date', 'end date', 'category', 'English title', 'French title', 'English text',
  'French text', 'sources'];
const OPTIONAL = ['id', 'confidence', 'priority'];
const CATEGORIES = ['diplomacy', 'trade', 'detention', 'security', 'public_opinion'];
const GOVERNMENT = ['gc.ca', 'canada.ca', 'gov', 'gov.cn', 'gouv.qc.ca', 'europa.eu', 'wto.org'];

/** Compares strings by code point, as Rust compares them (not by UTF-16 unit). */
function cmp(a, b) {
  const x = Array.from(a);
  const y = Array.from(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0) - y[i].codePointAt(0);
    if (d) return d < 0 ? -1 : 1;
  }
  return x.length - y.length === 0 ? 0 : (x.length < y.length ? -1 : 1);
}

function cmpList(a, b) {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = cmp(a[i], b[i]);
    if (c) return c;
  }
  return a.length - b.length;
}

/** RFC 4180 records with each cell's line and column; syntax problems into `problems`. */
function records(text, problems) {
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  const out = [];
  let record = [];
  let line = 1;
  let column = 1;
  let cell = { text: '', line, column };
  let at = 'start';
  let open = [0, 0];
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const next = chars[i + 1];
    const here = [line, column];
    if (c === '\n') { line++; column = 1; } else column++;
    const newCell = () => { record.push(cell); cell = { text: '', line, column }; };
    if (at === 'quoted') {
      if (c === '"' && next === '"') { i++; column++; cell.text += '"'; } else if (c === '"') at = 'closed';
      else cell.text += c;
    } else if (at === 'start' && c === '"') {
      at = 'quoted';
      open = here;
    } else if (c === ',') {
      newCell();
      at = 'start';
    } else if (c === '\r' && next === '\n') {
      // the \n ends the record
    } else if (c === '\n' || c === '\r') {
      if (c === '\r') { line++; column = 1; }
      newCell();
      out.push(record);
      record = [];
      at = 'start';
    } else if (at === 'closed') {
      problems.push({ line: here[0], column: here[1],
        message: `"${c}" after a closing quote: a quoted cell ends with the quote (write a quote inside it as "")` });
      cell.text += c;
    } else if (c === '"') {
      problems.push({ line: here[0], column: here[1],
        message: 'a quote inside a cell that does not start with one: put the cell in quotes and double the quote ("")' });
      cell.text += '"';
      at = 'plain';
    } else {
      cell.text += c;
      at = 'plain';
    }
  }
  if (at === 'quoted') {
    problems.push({ line: open[0], column: open[1], message: 'this quoted cell is never closed: everything after it was read into it' });
  }
  if (!(record.length === 0 && cell.text === '' && at === 'start')) {
    record.push(cell);
    out.push(record);
  }
  return out;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** core::date's parse_partial: [YYYY-MM-DD of its first day, 'day'|'month'|'year'], or null. */
export function parsePartial(s) {
  const parts = s.trim().split('-');
  const num = (p, len) => (p.length === len && /^[0-9]+$/.test(p) ? Number(p) : NaN);
  let y; let m = 1; let d = 1; let precision;
  if (parts.length === 1) { y = num(parts[0], 4); precision = 'year'; } else if (parts.length === 2) {
    y = num(parts[0], 4); m = num(parts[1], 2); precision = 'month';
  } else if (parts.length === 3) {
    y = num(parts[0], 4); m = num(parts[1], 2); d = num(parts[2], 2); precision = 'day';
  } else return null;
  if ([y, m, d].some(Number.isNaN) || y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d > (m === 2 && leap ? 29 : DAYS[m - 1])) return null;
  return [`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`, precision];
}

/** model::host_of: the host of an https:// address, without www., port or user part. */
export function hostOf(url) {
  let rest = url.length > 8 ? Array.from(url).slice(8).join('') : url;
  rest = rest.split(/[/?#]/)[0];
  rest = rest.split('@').pop();
  rest = rest.split(':')[0];
  return rest.startsWith('www.') ? rest.slice(4) : rest;
}

function sourceKind(host) {
  return GOVERNMENT.some((g) => host === g || (host.endsWith(g) && host.slice(0, -g.length).endsWith('.')))
    ? 'primary' : 'press';
}

const FOLD = [['àáâãäå', 'a'], ['æ', 'ae'], ['ç', 'c'], ['èéêë', 'e'], ['ìíîï', 'i'], ['ñ', 'n'], ['òóôõöø', 'o'],
  ['œ', 'oe'], ['ùúûü', 'u'], ['ýÿ', 'y'], ['ß', 'ss']];

/** The date and the English title in lowercase ASCII words: 2018-12-01-meng-wanzhou-arrested. */
export function eventId(date, title) {
  let slug = '';
  for (const ch of title) {
    for (const c of ch.toLowerCase()) {
      if (/[a-z0-9]/.test(c)) slug += c;
      else slug += (FOLD.find(([from]) => from.includes(c)) || [null, '-'])[1];
    }
  }
  const words = slug.split('-').filter(Boolean);
  while (words.reduce((n, w) => n + w.length + 1, 0) > 49 && words.length > 1) words.pop();
  slug = words.join('-').slice(0, 48).replace(/-+$/, '');
  const day = Array.from(date).filter((c) => /[0-9-]/.test(c)).join('').replace(/^-+|-+$/g, '');
  if (day && !slug) return `${day}-event`;
  if (!day && !slug) return 'event';
  if (!day) return slug;
  return `${day}-${slug}`;
}

/**
 * Reads an events CSV: {events, lines, problems}. With problems, `events` is empty; else the events
 * are in the data's order (date, priority, id) and `lines[i]` is the line event i came from.
 */
export function eventsFromCsv(text) {
  const problems = [];
  const recs = records(text, problems).filter((r) => r.some((c) => c.text.trim() !== ''));
  const header = recs.shift();
  if (!header) {
    problems.push({ line: 0, column: 0,
      message: `no header row: the first row names the columns (${EVENT_COLUMNS.join(', ')})` });
    return { events: [], lines: [], problems };
  }
  const cols = new Map();
  for (const [i, cell] of header.entries()) {
    const name = cell.text.trim().toLowerCase();
    const known = [...EVENT_COLUMNS, ...OPTIONAL].find((c) => c.toLowerCase() === name);
    if (known && cols.has(known)) {
      problems.push({ line: cell.line, column: cell.column, message: `the column "${known}" comes twice` });
    } else if (known) cols.set(known, i);
    else {
      problems.push({ line: cell.line, column: cell.column,
        message: `unknown column "${cell.text.trim()}": its cells would be lost (the columns are ${EVENT_COLUMNS.join(', ')}, and optionally ${OPTIONAL.join(', ')})` });
    }
  }
  const headerLine = header[0] ? header[0].line : 1;
  for (const k of EVENT_COLUMNS) {
    if (!cols.has(k)) problems.push({ line: headerLine, column: 1, message: `the header has no column "${k}"` });
  }
  const width = header.length;
  const rows = [];
  for (const rec of recs) {
    if (rec.length !== width) {
      const at = rec[width] || rec[0];
      problems.push({ line: at.line, column: at.column,
        message: `this row has ${rec.length} cells, the header ${width}` +
          (rec.length > width ? ': the cells after the last column would be lost (a comma in a text needs the text in quotes)' : '') });
    }
    const row = readRow(rec, cols, problems);
    if (row) rows.push(row);
  }
  if (problems.length) return { events: [], lines: [], problems };
  return { ...finish(rows), problems };
}

function readRow(rec, cols, problems) {
  const before = problems.length;
  const first = rec[0];
  const cell = (name) => (cols.has(name) ? rec[cols.get(name)] : undefined);
  const bad = (c, message) => problems.push({ line: (c || first).line, column: (c || first).column, message });
  const text = (name) => (cell(name) ? cell(name).text : '');
  const date = text('date').trim();
  const parsed = parsePartial(date);
  const dateKey = parsed ? parsed[0] : '';
  if (!parsed) bad(cell('date'), `date "${date}": write YYYY-MM-DD, YYYY-MM or YYYY (2019-03-01, 2019-03, 2019)`);
  const end = text('end date').trim();
  if (end) {
    const e = parsePartial(end);
    if (e && e[1] === 'day' && end < dateKey && dateKey) bad(cell('end date'), `end date ${end} is before the date ${date}`);
    else if (!(e && e[1] === 'day')) bad(cell('end date'), `end date "${end}": write YYYY-MM-DD, or leave it empty`);
  }
  const category = text('category').trim();
  if (!CATEGORIES.includes(category)) bad(cell('category'), `category "${category}": one of ${CATEGORIES.join(', ')}`);
  for (const [col, what] of [['English title', 'the English title'], ['French title', 'the French title'],
    ['English text', 'the English text'], ['French text', 'the French text']]) {
    if (!text(col).trim()) bad(cell(col), `${what} is empty`);
  }
  const urls = text('sources').split(/\s+/).filter(Boolean);
  if (!urls.length) bad(cell('sources'), 'no source: give at least one https:// address');
  const sources = [];
  for (const u of urls) {
    const ok = new TextEncoder().encode(u).length > 8 && u.slice(0, 8).toLowerCase() === 'https://';
    if (!ok || /["<>]/.test(u)) bad(cell('sources'), `source "${u}" is not an https:// address`);
    const host = hostOf(u);
    sources.push({ url: u, publisher: host, kind: sourceKind(host.toLowerCase()) });
  }
  let confidence = text('confidence').trim();
  if (!confidence) confidence = 'confirmed';
  else if (!['confirmed', 'press', 'estimate'].includes(confidence)) {
    bad(cell('confidence'), `confidence "${confidence}": confirmed, press or estimate`);
  }
  const p = text('priority').trim();
  let priority = 2;
  if (['1', '2', '3'].includes(p)) priority = Number(p);
  else if (p) bad(cell('priority'), `priority "${p}": 1, 2 or 3`);
  const given = text('id').trim();
  if (given && !(/^[a-z0-9-]+$/.test(given) && !given.startsWith('-') && !given.endsWith('-'))) {
    bad(cell('id'), `id "${given}": lowercase letters, digits and '-'`);
  }
  if (problems.length > before) return null;
  const pair = (en, fr) => ({ en: text(en), fr: text(fr) });
  const event = { date };
  if (end) event.end = end;
  Object.assign(event, {
    title: pair('English title', 'French title'),
    description: pair('English text', 'French text'),
    category,
    sources,
    confidence,
    priority,
  });
  const fields = ['English title', 'French title', 'English text', 'French text', 'end date', 'category', 'sources',
    'confidence'].map(text);
  return { line: first.line, baseId: given || eventId(date, text('English title')), explicitId: !!given, dateKey,
    priority, fields, event };
}

function finish(rows) {
  rows.sort((a, b) => cmp(a.dateKey, b.dateKey) || a.priority - b.priority || cmp(a.baseId, b.baseId) ||
    cmpList(a.fields, b.fields));
  const taken = new Set(rows.filter((r) => r.explicitId).map((r) => r.baseId));
  const used = new Set();
  const ided = rows.map((r) => {
    let id = r.baseId;
    if (!r.explicitId) {
      let n = 1;
      while (used.has(id) || taken.has(id)) id = `${r.baseId}-${++n}`;
    }
    used.add(id);
    return [id, r];
  });
  ided.sort(([ia, a], [ib, b]) => cmp(a.dateKey, b.dateKey) || a.priority - b.priority || cmp(ia, ib));
  return {
    events: ided.map(([id, r]) => ({ id, ...r.event })),
    lines: ided.map(([, r]) => r.line),
  };
}

/** `base` (a data file) with its events replaced by `events`, keys in their order. */
export function withEvents(base, events) {
  const out = {};
  for (const [k, v] of Object.entries(base)) out[k] = k === 'events' ? events : v;
  if (!('events' in out)) out.events = events;
  return out;
}

const COLUMN_OF = {
  title: 'English title', description: 'English text', end: 'end date', category: 'category', sources: 'sources',
  source: 'sources', priority: 'priority', confidence: 'confidence', id: 'id',
};

/**
 * A problem the data file's rules found ("events[3].title.fr: …", "events[3] (id "x"): sources: …"),
 * brought back to the CSV row and column `lines` and `header` say; null when it is not about an event.
 */
export function placeDataProblem(problem, lines, header) {
  const m = /^events\[(\d+)\]([^:]*):\s*(.*)$/.exec(problem);
  if (!m || lines[Number(m[1])] === undefined) return null;
  const rest = m[2].startsWith('.') ? m[2] : m[3];
  const field = rest.replace(/^\./, '');
  const name = field.split(/[.[ :]/)[0];
  let col = COLUMN_OF[name] || 'date';
  if (field.startsWith('title.fr')) col = 'French title';
  if (field.startsWith('description.fr')) col = 'French text';
  const i = header.findIndex((h) => h.toLowerCase() === col.toLowerCase());
  return { line: lines[Number(m[1])], column: i < 0 ? 1 : i + 1, message: m[3] };
}

/** The header row's names. */
export function headerNames(text) {
  const rec = records(text, []).find((r) => r.some((c) => c.text.trim() !== ''));
  return rec ? rec.map((c) => c.text.trim()) : [];
}
