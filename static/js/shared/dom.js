// DOM helpers for Samla's pages. Participants' text only ever enters the DOM as text
// nodes (never as markup).

/** Build an element; children that are not nodes become text nodes. */
export function el(tag, props, ...children) {
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
export function append(node, children) {
  for (const child of [].concat(children).flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Replace a node's children (nodes or plain values as text; null and false are skipped). */
export function fill(node, ...children) {
  node.replaceChildren();
  return append(node, children);
}

/** Replace a container's children only when they differ, so a focused input keeps its focus. */
export function place(container, wanted) {
  const current = [...container.children];
  if (current.length !== wanted.length || current.some((node, i) => node !== wanted[i])) {
    container.replaceChildren(...wanted);
  }
}

/** Parse the JSON a template put in <script type="application/json" id=...>. */
export function readJSON(id) {
  const node = document.getElementById(id);
  if (!node) return null;
  try {
    return JSON.parse(node.textContent);
  } catch (err) {
    return null;
  }
}

/** Like fmt, but returns nodes so a placeholder can be an element (e.g. <strong>). */
export function fmtNodes(template, params) {
  const parts = String(template || '').split(/(%\(\w+\)s)/);
  return parts.filter((part) => part !== '').map((part) => {
    const match = /^%\((\w+)\)s$/.exec(part);
    if (!match || !(match[1] in params)) return document.createTextNode(part);
    const value = params[match[1]];
    return value instanceof Node ? value : document.createTextNode(String(value));
  });
}

/** Show or hide the connection indicator of a page. */
export function showConnection(node, connected) {
  if (!node) return;
  node.hidden = connected;
  document.body.classList.toggle('is-offline', !connected);
}

/** Buttons marked data-action="print" print the page (table cards) without inline script. */
export function enablePrintButtons() {
  document.addEventListener('click', (event) => {
    const button = event.target.closest && event.target.closest('[data-action="print"]');
    if (button) window.print();
  });
}
