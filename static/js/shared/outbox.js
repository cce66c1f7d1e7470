// The phone's outbox: every submission is stored before it is sent, and leaves only when
// the server has taken it or refused it for good, so none is lost (offline, a server
// fault) or doubled (resent). A final refusal moves the item to the shelf, where the
// person finds the text again. The rules are pure functions over the list of items;
// createOutbox keeps a list in storage.

export const BACKOFF_FIRST = 1000;
export const BACKOFF_CAP = 30000;

/** A new item: the client id lets the server recognise a resent submission. */
export function makeItem(clientId, activityId, text, extra, now) {
  return { client_id: clientId, activity_id: activityId, text, queued_at: now, ...(extra || {}) };
}

/** The list with the item at the end, unless an item with its client id is there already. */
export function added(items, item) {
  return items.some((other) => other.client_id === item.client_id) ? items : items.concat([item]);
}

/** The list without the item of this client id (order kept). */
export function removed(items, clientId) {
  return items.filter((item) => item.client_id !== clientId);
}

/** The list with one item replaced by `change(item)` (order kept). */
export function updated(items, clientId, change) {
  return items.map((item) => (item.client_id === clientId ? change(item) : item));
}

/** The items waiting for one activity, oldest first. */
export function pendingFor(items, activityId) {
  return items.filter((item) => item.activity_id === activityId);
}

/** The items to send now, oldest first: not already on their way, and their backoff over. */
export function dueItems(items, inflight, now = Infinity) {
  return items.filter((item) => !inflight.has(item.client_id) && !(item.next_at > now));
}

/** The event and payload an item is sent as. */
export function message(item) {
  const event = item.event || 'submit';
  if (event === 'cast') return { event, payload: { activity_id: item.activity_id, ...item.ballot } };
  if (event === 'edit_point') {
    return { event, payload: { point_id: item.point_id, text: item.text, version: item.version } };
  }
  const payload = { activity_id: item.activity_id, text: item.text, client_id: item.client_id };
  if (event === 'add_point') payload.question_id = item.question_id;
  return { event, payload };
}

/** Does this error code mean "try again later" in the delivery table (static/data/delivery.json)? */
export function retryable(code, table) {
  if (!table) return true; // the table is not loaded yet: decide nothing for good
  if (table.retry.includes(code)) return true;
  if (table.final.includes(code)) return false;
  return table.default === 'retry';
}

/**
 * What an answer means for an item: 'accepted' (new or a duplicate) takes it out;
 * 'refused' (a final refusal in the table: closed, quota used, too long ...) moves it to
 * the shelf; 'retry' keeps it: no answer (time-out, offline), an HTTP 5xx without a code,
 * or a code the table retries (a server fault, rate limited).
 */
export function verdict(err, ack, table) {
  if (err || !ack) return 'retry';
  if (ack.ok) return 'accepted';
  if (!ack.error && ack.status >= 500) return 'retry';
  return retryable(ack.error, table) ? 'retry' : 'refused';
}

/** How long to wait before the n-th retry (n from 0): doubling, capped, jittered by ±25 %. */
export function backoff(attempt, random = Math.random) {
  const capped = Math.min(BACKOFF_CAP, BACKOFF_FIRST * 2 ** Math.min(attempt, 20));
  return Math.round(capped * (0.75 + 0.5 * random()));
}

/** The item after a failed try at `now`: one attempt more, not sent again before its backoff. */
export function postponed(item, now, random = Math.random) {
  const attempts = (item.attempts || 0) + 1;
  return { ...item, attempts, next_at: now + backoff(attempts - 1, random) };
}

/** The item due at once (after a reconnect, or sent again from the shelf). */
export function dueNow(item) {
  const { attempts, next_at: nextAt, error, reason, refused_at: refusedAt, ...rest } = item;
  return rest;
}

/** A refused item for the shelf: the text with the server's reason, until dismissed. */
export function shelved(item, ack, reason, now) {
  return { ...dueNow(item), error: (ack && ack.error) || null, reason, refused_at: now };
}

/** A list of items of one gathering code, kept in `storage` under `key`. */
export function createOutbox(storage, key) {
  const load = () => storage.get(key) || [];
  return {
    items: load,
    add: (item) => storage.set(key, added(load(), item)),
    remove: (clientId) => storage.set(key, removed(load(), clientId)),
    update: (clientId, change) => storage.set(key, updated(load(), clientId, change)),
  };
}

/** The delivery table, fetched once (static/data/delivery.json); null while unknown. */
export async function loadTable(url, fetcher = globalThis.fetch) {
  for (let attempt = 0; ; attempt += 1) {
    try {
      const response = await fetcher(url, { credentials: 'same-origin' });
      if (response.ok) return await response.json();
    } catch (err) { /* offline: try again below */ }
    await new Promise((resolve) => { setTimeout(resolve, backoff(attempt)); });
  }
}
