'use strict';
// The phone page: join with a code and a table, then answer the open activities.
// Every submission goes through a localStorage outbox so none is lost or doubled.
(function () {
  const S = window.Samla;
  const T = S.readJSON('samla-text') || {};
  const config = S.readJSON('samla-config') || {};
  const root = config.root || '';
  const $ = (id) => document.getElementById(id);

  const ACK_TIMEOUT = 8000;
  const RESEND_EVERY = 3000;

  let code = config.code ? String(config.code) : null;
  let info = null; // GET /api/join/<code>: title, language, tables
  let me = null; // {token, table, gathering_id}
  let socket = null;
  let model = null; // the last `state`, activities in a Map by id
  let joining = false;
  const sections = new Map(); // activity id -> its DOM section (built once, keeps drafts)
  const inflight = new Set(); // client_ids sent and waiting for an ack
  const flashes = new Map(); // activity id -> timer of the "Sendt ✓" note

  // ---- storage ---------------------------------------------------------------

  const meKey = () => `samla:participant:${code}`;
  const outboxKey = () => `samla:outbox:${code}`;
  const loadOutbox = () => (code && S.store.get(outboxKey())) || [];
  const saveOutbox = (items) => S.store.set(outboxKey(), items);

  function removeFromOutbox(clientId) {
    saveOutbox(loadOutbox().filter((item) => item.client_id !== clientId));
  }

  // ---- panels ------------------------------------------------------------------

  /** Show one of the panels (code, table, live) and hide the others. */
  function showPanel(name) {
    $('loading').hidden = true;
    for (const panel of ['code', 'table', 'live']) $(`${panel}-panel`).hidden = panel !== name;
    $('head').hidden = name !== 'live';
  }

  function showError(id, message) {
    const node = $(id);
    node.textContent = message || '';
    node.hidden = !message;
  }

  function tableLabel(number) {
    const table = info && info.tables.find((t) => t.number === number);
    return table ? table.label : S.fmt(T.table_n, { n: number });
  }

  function setAddress() {
    const path = `${root}/j/${encodeURIComponent(code)}${me ? `/${me.table}` : ''}`;
    if (window.location.pathname !== path) window.history.replaceState(null, '', path);
  }

  function showCodePanel(message) {
    showPanel('code');
    showError('code-error', message);
    if (code) $('code-input').value = code;
  }

  /** The big buttons for picking a table. */
  function showTablePanel(message) {
    showPanel('table');
    $('table-gathering').textContent = info ? info.title : '';
    const buttons = (info ? info.tables : []).map((table) => S.el('button', {
      type: 'button',
      class: `btn btn--table${me && me.table === table.number ? ' is-current' : ''}`,
      onclick: () => joinTable(table.number),
    }, table.label));
    $('table-buttons').replaceChildren(...buttons);
    $('table-cancel').hidden = !me;
    showError('table-error', message);
  }

  // ---- joining -----------------------------------------------------------------

  /** GET /api/join/<code>; null (with a message shown) when it fails. */
  async function fetchInfo() {
    try {
      const res = await S.api('GET', `${root}/api/join/${encodeURIComponent(code)}`);
      if (res.ok) {
        info = res.data;
        if (info.language) document.documentElement.lang = info.language;
        return info;
      }
      showCodePanel((res.data && res.data.message) || T.unknown_code);
      return null;
    } catch (err) {
      return null; // network down: callers retry
    }
  }

  /** POST /api/join for a table, store the token, then (re)connect. */
  async function joinTable(number) {
    if (joining) return;
    joining = true;
    try {
      const res = await S.api('POST', `${root}/api/join`, { code, table: number });
      if (!res.ok) {
        const message = (res.data && res.data.message) || T.error_generic;
        if (res.data && res.data.error === 'unknown_code') showCodePanel(message);
        else if (info) showTablePanel(message);
        else showCodePanel(message);
        return;
      }
      me = { token: res.data.participant_token, table: res.data.table, gathering_id: res.data.gathering_id };
      S.store.set(meKey(), me);
      setAddress();
      model = null;
      connect();
    } catch (err) {
      showError(info ? 'table-error' : 'code-error', T.network);
      window.setTimeout(() => joinTable(number), RESEND_EVERY);
    } finally {
      joining = false;
    }
  }

  /** Start from what the address and the stored participant tell us. */
  async function start() {
    if (!code) return showCodePanel();
    const stored = S.store.get(meKey());
    const wanted = config.table;
    if (stored && stored.token && (wanted === null || wanted === undefined || wanted === stored.table)) {
      me = stored;
      setAddress();
      connect(); // no HTTP round trip needed; table labels come with `state`
      fetchInfo();
      return undefined;
    }
    if (!(await fetchInfo())) {
      if (!info && $('code-panel').hidden) {
        $('loading').textContent = T.network;
        window.setTimeout(start, RESEND_EVERY);
      }
      return undefined;
    }
    if (wanted !== null && wanted !== undefined) return joinTable(wanted);
    return showTablePanel();
  }

  // ---- socket ------------------------------------------------------------------

  function connect() {
    showPanel('live');
    renderAll();
    if (socket) {
      socket.auth = { token: me.token };
      socket.disconnect().connect();
      return;
    }
    socket = io({ auth: { token: me.token }, reconnectionDelayMax: 3000 });
    socket.on('connect', () => {
      S.showConnection($('connection'), true);
      flushOutbox();
    });
    socket.on('disconnect', (reason) => {
      S.showConnection($('connection'), false);
      // The server closed us on purpose (e.g. restart): socket.io will not retry by itself.
      if (reason === 'io server disconnect') window.setTimeout(() => socket.connect(), RESEND_EVERY);
    });
    socket.on('connect_error', onConnectError);
    socket.on('state', onState);
    socket.on('activity_state', onActivityState);
    socket.on('table_update', onTableUpdate);
  }

  /** A refused token (database reset) means: join the same table again. */
  function onConnectError(err) {
    S.showConnection($('connection'), false);
    // The contract puts the code in err.data.error; also accept it inside the message.
    const refusal = err && ((err.data && err.data.error) || (/unknown_participant/.test(err.message || '') && 'unknown_participant'));
    if (refusal === 'unknown_participant') {
      S.store.remove(meKey());
      const table = me && me.table;
      me = null;
      if (table !== null && table !== undefined) joinTable(table);
      else fetchInfo().then((found) => found && showTablePanel());
    } else if (!socket.active) {
      window.setTimeout(() => socket.connect(), RESEND_EVERY); // refused for another reason
    }
  }

  /** The whole truth on every (re)connect: replace the local view. */
  function onState(state) {
    model = {
      gathering: state.gathering,
      table: state.table,
      activities: new Map(state.activities.map((a) => [a.id, a])),
    };
    if (state.gathering && state.gathering.language) document.documentElement.lang = state.gathering.language;
    if (me && state.table && me.table !== state.table.number) {
      me.table = state.table.number;
      S.store.set(meKey(), me);
      setAddress();
    }
    renderAll();
  }

  function onActivityState(payload) {
    if (!model || !payload || !payload.activity) return;
    const incoming = payload.activity;
    const known = model.activities.get(incoming.id);
    if (known) Object.assign(known, incoming);
    else model.activities.set(incoming.id, { ...incoming, own_entries: [], table_entries: [], remaining: defaultRemaining(incoming) });
    renderAll();
  }

  function defaultRemaining(activity) {
    const options = activity.options || {};
    if (activity.kind === 'words') return options.words_per_participant || 1;
    return options.per_table === undefined ? null : options.per_table;
  }

  /** New or changed entries of our table: merge by id, hidden ones leave the view. */
  function onTableUpdate(update) {
    if (!model || !update) return;
    if (model.table && update.table !== undefined && update.table !== model.table.number) return;
    const activity = model.activities.get(update.activity_id);
    if (!activity) return;
    const entries = new Map((activity.table_entries || []).map((e) => [e.id, e]));
    for (const entry of update.entries || []) {
      if (entry.hidden) entries.delete(entry.id);
      else entries.set(entry.id, { ...(entries.get(entry.id) || {}), ...entry });
    }
    activity.table_entries = [...entries.values()];
    if (activity.kind !== 'words' && update.remaining !== undefined) activity.remaining = update.remaining;
    renderAll();
  }

  // ---- outbox ------------------------------------------------------------------

  /** Queue a submission (stored before sending), then try to send it. */
  function submit(activityId, text) {
    const item = { client_id: S.uuid(), activity_id: activityId, text, queued_at: Date.now() };
    saveOutbox(loadOutbox().concat([item]));
    showError('notice', '');
    renderAll();
    send(item);
  }

  function send(item) {
    if (!socket || !socket.connected || inflight.has(item.client_id)) return;
    inflight.add(item.client_id);
    const payload = { activity_id: item.activity_id, text: item.text, client_id: item.client_id };
    socket.timeout(ACK_TIMEOUT).emit('submit', payload, (err, ack) => {
      inflight.delete(item.client_id);
      if (err || !ack) return; // lost ack: stays in the outbox and is sent again
      if (!ack.ok && ack.error === 'rate_limited') return; // stays too; the timer resends it
      if (ack.ok) accepted(item, ack);
      else refused(item, ack);
    });
  }

  function flushOutbox() {
    for (const item of loadOutbox()) send(item);
  }

  /** The server has it (new or duplicate): move it from the outbox into the view. */
  function accepted(item, ack) {
    removeFromOutbox(item.client_id);
    const activity = model && model.activities.get(item.activity_id);
    if (activity) {
      if (ack.remaining !== undefined) activity.remaining = ack.remaining;
      activity.own_entries = activity.own_entries || [];
      if (!activity.own_entries.some((e) => e.id === ack.id)) {
        activity.own_entries.push({ id: ack.id, text: item.text, client_id: item.client_id });
      }
      if (activity.kind !== 'words') {
        activity.table_entries = activity.table_entries || [];
        if (!activity.table_entries.some((e) => e.id === ack.id)) {
          activity.table_entries.push({ id: ack.id, text: item.text, created_at: new Date().toISOString() });
        }
      }
    }
    flash(item.activity_id);
    renderAll();
  }

  /** A final refusal (closed, quota used, too long ...): tell the person, give the text back. */
  function refused(item, ack) {
    removeFromOutbox(item.client_id);
    const message = ack.message || T.error_generic;
    const section = sections.get(item.activity_id);
    if (section && section.root.isConnected) {
      showSectionError(section, message);
      if (!section.input.value.trim()) section.input.value = item.text;
    } else {
      showError('notice', message);
    }
    renderAll();
  }

  function flash(activityId) {
    window.clearTimeout(flashes.get(activityId));
    flashes.set(activityId, window.setTimeout(() => { flashes.delete(activityId); renderAll(); }, 4000));
  }

  // ---- rendering -----------------------------------------------------------------

  function openActivities() {
    if (!model) return [];
    return [...model.activities.values()]
      .filter((a) => a.state === 'open')
      .sort((a, b) => b.position - a.position);
  }

  function renderAll() {
    const head = model ? model.gathering.title : (info ? info.title : '');
    const table = model ? model.table.label : (me ? tableLabel(me.table) : '');
    $('head-title').textContent = head;
    $('head-table').textContent = table;
    if (!model) {
      $('waiting').hidden = true;
      $('activities').replaceChildren(S.el('p', { class: 'phone-loading' }, S.el('span', { class: 'spinner', 'aria-hidden': 'true' })));
      return;
    }
    const open = openActivities();
    $('waiting').hidden = open.length > 0;
    $('waiting-title').textContent = head;
    $('waiting-table').textContent = table;
    const pending = loadOutbox();
    const wanted = open.map((activity) => {
      const section = sections.get(activity.id) || buildSection(activity);
      sections.set(activity.id, section);
      updateSection(section, activity, pending.filter((p) => p.activity_id === activity.id));
      return section.root;
    });
    const container = $('activities');
    const current = [...container.children];
    // Only touch the DOM order when it changed, so a focused input keeps its focus.
    if (current.length !== wanted.length || current.some((node, i) => node !== wanted[i])) {
      container.replaceChildren(...wanted);
    }
  }

  /** Build an activity's section once; updateSection fills it in. */
  function buildSection(activity) {
    const isWords = activity.kind === 'words';
    const id = `answer-${activity.id}`;
    const input = isWords
      ? S.el('input', { class: 'input', id, type: 'text', maxlength: 40, autocomplete: 'off', enterkeyhint: 'send', placeholder: T.word_placeholder })
      : S.el('textarea', { class: 'input input--area', id, rows: 4, maxlength: 1000, placeholder: T.statement_placeholder });
    const button = S.el('button', { type: 'submit', class: 'btn btn--primary btn--big' }, T.send);
    const form = S.el('form', { class: 'task__form stack', novalidate: true },
      S.el('label', { class: 'sr-only', for: id }, isWords ? T.word_label : T.statement_label), input, button);
    const section = {
      id: activity.id,
      kind: activity.kind,
      input,
      form,
      title: S.el('p', { class: 'task__title' }),
      prompt: S.el('h2', { class: 'task__prompt' }),
      help: S.el('p', { class: 'task__help' }),
      note: S.el('p', { class: 'task__note' }),
      status: S.el('p', { class: 'task__status', role: 'status' }),
      error: S.el('p', { class: 'alert alert--error', role: 'alert', hidden: true }),
      done: S.el('p', { class: 'task__done', hidden: true }),
      listTitle: S.el('h3', { class: 'task__list-title' }, isWords ? T.your_words : T.table_statements),
      list: S.el('ul', { class: isWords ? 'chips' : 'statements' }),
    };
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const text = isWords ? input.value.trim() : input.value.replace(/^\s*\n|\s+$/g, '');
      if (!text.trim()) { input.focus(); return; }
      input.value = '';
      showSectionError(section, '');
      submit(activity.id, text);
    });
    section.root = S.el('section', { class: `task task--${activity.kind}` },
      section.title, section.prompt, section.help, section.error, section.done, form,
      section.note, section.status, section.listTitle, section.list);
    return section;
  }

  function showSectionError(section, message) {
    section.error.textContent = message || '';
    section.error.hidden = !message;
  }

  function updateSection(section, activity, pending) {
    section.title.textContent = activity.title || '';
    section.title.hidden = !activity.title;
    section.prompt.textContent = activity.prompt || '';
    section.help.textContent = activity.help || '';
    section.help.hidden = !activity.help;
    section.status.textContent = flashes.has(activity.id) ? T.sent : '';
    if (activity.kind === 'words') updateWords(section, activity, pending);
    else updateStatements(section, activity, pending);
  }

  function pendingItem(item, className) {
    return S.el('li', { class: `${className} is-pending` },
      S.el('span', { class: 'item__text' }, item.text), S.el('span', { class: 'tag tag--pending' }, T.pending));
  }

  function updateWords(section, activity, pending) {
    const own = activity.own_entries || [];
    const left = activity.remaining === null || activity.remaining === undefined
      ? null : Math.max(0, activity.remaining - pending.length);
    const perPerson = (activity.options && activity.options.words_per_participant) || 1;
    section.form.hidden = left === 0;
    section.done.hidden = !(activity.remaining === 0);
    section.done.textContent = T.thanks;
    const sentSome = own.length + pending.length > 0;
    section.note.hidden = !(perPerson > 1 && left);
    section.note.textContent = S.fmt(sentSome ? T.words_more : T.words_can, { n: left });
    section.listTitle.hidden = !sentSome;
    section.list.replaceChildren(
      ...pending.map((item) => pendingItem(item, 'chip')),
      ...own.map((entry) => S.el('li', { class: 'chip' },
        S.el('span', { class: 'item__text' }, entry.text), S.el('span', { class: 'tag tag--ok' }, T.sent))),
    );
  }

  function updateStatements(section, activity, pending) {
    const quota = activity.options ? activity.options.per_table : null;
    const hasQuota = quota !== null && quota !== undefined;
    const remaining = activity.remaining;
    const left = hasQuota && remaining !== null && remaining !== undefined ? Math.max(0, remaining - pending.length) : null;
    section.form.hidden = left === 0;
    section.done.hidden = remaining !== 0;
    section.done.textContent = T.statements_done;
    section.note.hidden = !hasQuota || left === null || remaining === 0;
    section.note.textContent = S.fmt(T.statements_left, { n: left, total: quota });
    const ownIds = new Set((activity.own_entries || []).map((e) => e.id));
    const entries = (activity.table_entries || []).filter((e) => !e.hidden).sort(S.newestFirst);
    section.list.replaceChildren(
      ...pending.slice().reverse().map((item) => pendingItem(item, 'statement')),
      ...entries.map((entry) => S.el('li', { class: `statement${ownIds.has(entry.id) ? ' is-mine' : ''}` },
        S.el('span', { class: 'item__text' }, entry.text),
        ownIds.has(entry.id) ? S.el('span', { class: 'tag tag--ok' }, `${T.mine} · ${T.sent}`) : null)),
    );
    if (!pending.length && !entries.length) {
      section.list.append(S.el('li', { class: 'statements__empty' }, T.no_statements));
    }
  }

  // ---- wiring --------------------------------------------------------------------

  $('code-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const typed = $('code-input').value.replace(/\s+/g, '');
    if (!typed) { $('code-input').focus(); return; }
    code = typed;
    config.table = null;
    window.history.replaceState(null, '', `${root}/j/${encodeURIComponent(code)}`);
    showError('code-error', '');
    start();
  });

  $('change-table').addEventListener('click', async () => {
    if (!info && !(await fetchInfo())) { showError('notice', T.network); return; }
    showTablePanel();
  });

  $('table-cancel').addEventListener('click', () => showPanel('live'));

  // Phones sleep: when the page is visible again, reconnect if socket.io has given up.
  // (connect() on a socket that is still trying would send a second CONNECT packet.)
  function wake() {
    if (document.visibilityState === 'visible' && socket && !socket.connected && !socket.active) socket.connect();
  }
  document.addEventListener('visibilitychange', wake);
  window.addEventListener('online', wake);
  window.addEventListener('pageshow', wake);

  window.setInterval(() => {
    if (loadOutbox().length && socket) {
      if (socket.connected) flushOutbox();
      else wake();
    }
  }, RESEND_EVERY);

  start();
})();
