// Text helpers shared by every page: placeholders, table names, task questions, clocks.
// No DOM here, so node --test can check them.

/** Fill "%(name)s" placeholders of a translated template with plain values. */
export function fmt(template, params) {
  return String(template || '').replace(/%\((\w+)\)s/g, (whole, name) =>
    params && name in params ? String(params[name]) : whole);
}

/** A counted text: the page's `<key>_one` when n is 1 (where the language has it), else `<key>`. */
export function count(strings, key, params) {
  const one = params && params.n === 1 ? strings[`${key}_one`] : undefined;
  return fmt(one === undefined ? strings[key] : one, params);
}

/** A table's own label from the gathering's tables, else the page's "Bord %(n)s". */
export function tableLabel(tables, number, fallback) {
  const table = (tables || []).find((t) => t.number === number);
  return table ? table.label : fmt(fallback, { n: number });
}

/** The questions of a group task (in its options, or beside them in older payloads). */
export function taskQuestions(activity) {
  return (activity.options && activity.options.questions) || activity.questions || [];
}

/** Drop leading blank lines and trailing space, keep the lines a table wrote. */
export function cleanText(value) {
  return value.replace(/^\s*\n|\s+$/g, '');
}

/** Sort entries newest first (created_at, then id). */
export function newestFirst(a, b) {
  const ta = a.created_at || '';
  const tb = b.created_at || '';
  if (ta !== tb) return ta < tb ? 1 : -1;
  return (b.id || 0) - (a.id || 0);
}

/** Seconds as m:ss (or h:mm:ss), for countdowns. */
export function clock(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  const two = (n) => String(n).padStart(2, '0');
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h ? `${h}:${two(m)}:${two(s % 60)}` : `${two(m)}:${two(s % 60)}`;
}

/** Whole seconds left until an ISO time; null without one. */
export function secondsUntil(iso, now = Date.now()) {
  if (!iso) return null;
  const end = Date.parse(iso);
  if (Number.isNaN(end)) return null;
  return Math.max(0, Math.ceil((end - now) / 1000));
}

/** A join QR code's image address. It names the join address it encodes, so a browser
 * never shows a cached image of an address the organiser has since changed. */
export function qrSource(root, code, joinUrl, table) {
  const path = table === undefined ? `${encodeURIComponent(code)}` : `${encodeURIComponent(code)}/${table}`;
  return `${root || ''}/qr/${path}.svg?for=${encodeURIComponent(joinUrl || '')}`;
}
