'use strict';
// Shared helpers for Samla's pages: DOM building, page texts, storage, ids.
// Participants' text only ever enters the DOM as text nodes (never as markup).
(function (global) {
  /** Build an element; children that are not nodes become text nodes. */
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'class') node.className = value;
      else if (key === 'text') node.textContent = String(value);
      else if (key === 'dataset') Object.assign(node.dataset, value);
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? '' : String(value));
    }
    append(node, children);
    return node;
  }

  /** Append children (nodes or plain values as text) to a node. */
  function append(node, children) {
    for (const child of [].concat(children).flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  /** Replace a node's children (nodes or plain values as text; null and false are skipped). */
  function fill(node, ...children) {
    node.replaceChildren();
    return append(node, children);
  }

  /** Parse the JSON a template put in <script type="application/json" id=...>. */
  function readJSON(id) {
    const node = document.getElementById(id);
    if (!node) return null;
    try {
      return JSON.parse(node.textContent);
    } catch (err) {
      return null;
    }
  }

  /** Fill "%(name)s" placeholders of a translated template with plain values. */
  function fmt(template, params) {
    return String(template || '').replace(/%\((\w+)\)s/g, (whole, name) =>
      params && name in params ? String(params[name]) : whole);
  }

  /** Like fmt, but returns nodes so a placeholder can be an element (e.g. <strong>). */
  function fmtNodes(template, params) {
    const parts = String(template || '').split(/(%\(\w+\)s)/);
    return parts.filter((part) => part !== '').map((part) => {
      const match = /^%\((\w+)\)s$/.exec(part);
      if (!match || !(match[1] in params)) return document.createTextNode(part);
      const value = params[match[1]];
      return value instanceof Node ? value : document.createTextNode(String(value));
    });
  }

  /** A random id for a submission; randomUUID needs a secure context, so fall back. */
  function uuid() {
    const c = global.crypto;
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

  // localStorage can be missing or full (private mode): keep a memory copy as fallback.
  const memory = new Map();
  const store = {
    get(key) {
      try {
        const raw = global.localStorage.getItem(key);
        if (raw !== null) return JSON.parse(raw);
      } catch (err) { /* fall back to memory */ }
      return memory.has(key) ? memory.get(key) : null;
    },
    set(key, value) {
      memory.set(key, value);
      try { global.localStorage.setItem(key, JSON.stringify(value)); } catch (err) { /* memory only */ }
    },
    remove(key) {
      memory.delete(key);
      try { global.localStorage.removeItem(key); } catch (err) { /* memory only */ }
    },
  };

  /** JSON over HTTP (same-origin cookies); resolves {ok, status, data}, rejects on network failure. */
  async function api(method, url, body) {
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

  /** Sort entries newest first (created_at, then id). */
  function newestFirst(a, b) {
    const ta = a.created_at || '';
    const tb = b.created_at || '';
    if (ta !== tb) return ta < tb ? 1 : -1;
    return (b.id || 0) - (a.id || 0);
  }

  /** Seconds as m:ss (or h:mm:ss), for countdowns. */
  function clock(seconds) {
    const s = Math.max(0, Math.floor(seconds));
    const two = (n) => String(n).padStart(2, '0');
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    return h ? `${h}:${two(m)}:${two(s % 60)}` : `${two(m)}:${two(s % 60)}`;
  }

  /** Whole seconds left until an ISO time; null without one. */
  function secondsUntil(iso) {
    if (!iso) return null;
    const end = Date.parse(iso);
    if (Number.isNaN(end)) return null;
    return Math.max(0, Math.ceil((end - Date.now()) / 1000));
  }

  /** Show or hide the connection indicator of a page. */
  function showConnection(node, connected) {
    if (!node) return;
    node.hidden = connected;
    document.body.classList.toggle('is-offline', !connected);
  }

  // Buttons marked data-action="print" print the page (table cards) without inline script.
  document.addEventListener('click', (event) => {
    const button = event.target.closest && event.target.closest('[data-action="print"]');
    if (button) global.print();
  });

  global.Samla = { el, append, fill, readJSON, fmt, fmtNodes, uuid, store, api, newestFirst, showConnection, clock, secondsUntil };
})(window);
