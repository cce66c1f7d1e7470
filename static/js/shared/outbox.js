// The phone's outbox: every submission is stored before it is sent, and leaves only when
// the server has answered for good, so none is lost (offline) or doubled (resent).
// The rules are pure functions over the list of items; createOutbox keeps the list.

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

/** The items waiting for one activity, oldest first. */
export function pendingFor(items, activityId) {
  return items.filter((item) => item.activity_id === activityId);
}

/** The items to send now, oldest first: those not already on their way. */
export function dueItems(items, inflight) {
  return items.filter((item) => !inflight.has(item.client_id));
}

/** The event and payload an item is sent as. */
export function message(item) {
  const event = item.event || 'submit';
  const payload = { activity_id: item.activity_id, text: item.text, client_id: item.client_id };
  if (event === 'add_point') payload.question_id = item.question_id;
  return { event, payload };
}

/**
 * What an answer means for an item: 'retry' keeps it (no answer, or rate limited: the
 * timer resends it), 'accepted' (new or a duplicate) and 'refused' (closed, quota used,
 * too long ...) take it out.
 */
export function verdict(err, ack) {
  if (err || !ack) return 'retry';
  if (!ack.ok && ack.error === 'rate_limited') return 'retry';
  return ack.ok ? 'accepted' : 'refused';
}

/** The outbox of one gathering code, kept in `storage` under `key`. */
export function createOutbox(storage, key) {
  const load = () => storage.get(key) || [];
  return {
    items: load,
    add: (item) => storage.set(key, added(load(), item)),
    remove: (clientId) => storage.set(key, removed(load(), clientId)),
  };
}
