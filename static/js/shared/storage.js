// Small persistent values (the participant, the outbox) and JSON over HTTP.

// localStorage can be missing or full (private mode): keep a memory copy as fallback.
const memory = new Map();

export const storage = {
  get(key) {
    try {
      const raw = globalThis.localStorage.getItem(key);
      if (raw !== null) return JSON.parse(raw);
    } catch (err) { /* fall back to memory */ }
    return memory.has(key) ? memory.get(key) : null;
  },
  set(key, value) {
    memory.set(key, value);
    try { globalThis.localStorage.setItem(key, JSON.stringify(value)); } catch (err) { /* memory only */ }
  },
  remove(key) {
    memory.delete(key);
    try { globalThis.localStorage.removeItem(key); } catch (err) { /* memory only */ }
  },
};

/** A random id for a submission; randomUUID needs a secure context, so fall back. */
export function uuid() {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') {
    try { return c.randomUUID(); } catch (err) { /* insecure context: fall through */ }
  }
  const bytes = new Uint8Array(16);
  if (c && typeof c.getRandomValues === 'function') c.getRandomValues(bytes);
  else for (let i = 0; i < 16; i += 1) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** JSON over HTTP (same-origin cookies); resolves {ok, status, data}, rejects on network failure. */
export async function api(method, url, body) {
  const options = { method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    options.headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(body);
  }
  const response = await fetch(url, options);
  let data = null;
  try { data = await response.json(); } catch (err) { data = null; }
  return { ok: response.ok, status: response.status, data };
}
