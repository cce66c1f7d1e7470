// Fetching a vote's items: a refusal is said at once, a failed network is tried again a few times.

export const BACKOFF = [1000, 2000, 4000]; // ms before each new try after a network failure

const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

/** Worth another try: no answer at all (status 0), a busy server (429) or a server fault (5xx). */
export const transient = (status) => status === 0 || status === 429 || status >= 500;

/**
 * GET a vote's items with `get(path)` -> {status, data} (status 0: no answer).
 * Gives {items}, {refused: true, status, message} for a refusal (the server's message, if any),
 * or {unreached: true} once every try in `backoff` failed. `wait(ms)` waits between tries.
 */
export async function fetchItems(get, path, { backoff = BACKOFF, wait = sleep } = {}) {
  for (let attempt = 0; ; attempt += 1) {
    const { status, data } = await get(path);
    if (status >= 200 && status < 300 && data && Array.isArray(data.items)) return { items: data.items };
    if (status >= 400 && !transient(status)) {
      return { refused: true, status, message: (data && typeof data.message === 'string' && data.message) || null };
    }
    if (attempt >= backoff.length) return { unreached: true };
    await wait(backoff[attempt]);
  }
}
