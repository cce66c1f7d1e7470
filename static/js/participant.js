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
    socket.on('points_update', onPointsUpdate);
    socket.on('questions_update', onQuestionsUpdate);
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
    const opened = incoming.state === 'open' && (!known || known.state !== 'open');
    if (known) Object.assign(known, incoming);
    else model.activities.set(incoming.id, { ...incoming, own_entries: [], table_entries: [], remaining: defaultRemaining(incoming) });
    renderAll();
    if (opened) announce(S.fmt(T.opened, { prompt: incoming.title ? `${incoming.title}. ${incoming.prompt}` : incoming.prompt }));
    // Points, items, ballots and votes are not in activity_state: ask for the whole view.
    if (opened && RICH_KINDS.has(incoming.kind)) requestSync();
  }

  /** Tell a screen reader (the polite live region) what just changed. */
  function announce(text) {
    $('announce').textContent = text;
  }

  const RICH_KINDS = new Set(['task', 'priorities', 'questions']);
  let syncing = false;

  /** Ask for the whole `state` again (acked with it). */
  function requestSync() {
    if (!socket || !socket.connected || syncing) return;
    syncing = true;
    socket.timeout(ACK_TIMEOUT).emit('sync', (err, ack) => {
      syncing = false;
      if (!err && ack && ack.ok && ack.state) onState(ack.state);
    });
  }

  /** Our table's task points changed: merge by id; deleted ones leave. */
  function onPointsUpdate(update) {
    if (!model || !update) return;
    if (model.table && update.table !== undefined && update.table !== model.table.number) return;
    const activity = model.activities.get(update.activity_id);
    if (!activity) return;
    mergePoints(activity, update.points || []);
    renderAll();
  }

  function mergePoints(activity, points) {
    const byId = new Map((activity.table_points || []).map((p) => [p.id, p]));
    for (const point of points) {
      const before = byId.get(point.id);
      if (before && (before.version || 0) > (point.version || 0)) continue; // an older echo
      if (point.deleted) byId.delete(point.id);
      else byId.set(point.id, { ...(before || {}), ...point });
    }
    activity.table_points = [...byId.values()];
  }

  /** Questions to the panel changed (new, votes, pinned, answered, hidden): merge by id. */
  function onQuestionsUpdate(update) {
    if (!model || !update) return;
    const activity = model.activities.get(update.activity_id);
    if (!activity) return;
    const byId = new Map((activity.entries || []).map((e) => [e.id, e]));
    activity.gone = activity.gone || new Set();
    for (const entry of update.entries || []) {
      const own = (activity.own_entries || []).find((e) => e.id === entry.id);
      // `hidden` also means "waiting for approval": our own held question stays "waiting".
      const stillHeld = own && own.held && entry.hidden && !entry.answered;
      if (entry.hidden || entry.held) {
        byId.delete(entry.id);
        if (!stillHeld) activity.gone.add(entry.id);
      } else {
        byId.set(entry.id, { ...(byId.get(entry.id) || { voted: false }), ...entry });
        activity.gone.delete(entry.id);
      }
      if (own && !stillHeld) Object.assign(own, { held: !!entry.held, hidden: !!entry.hidden });
    }
    activity.entries = [...byId.values()];
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
  function submit(activityId, text, extra) {
    const item = { client_id: S.uuid(), activity_id: activityId, text, queued_at: Date.now(), ...(extra || {}) };
    saveOutbox(loadOutbox().concat([item]));
    showError('notice', '');
    renderAll();
    send(item);
  }

  function send(item) {
    if (!socket || !socket.connected || inflight.has(item.client_id)) return;
    inflight.add(item.client_id);
    const event = item.event || 'submit';
    const payload = { activity_id: item.activity_id, text: item.text, client_id: item.client_id };
    if (event === 'add_point') payload.question_id = item.question_id;
    socket.timeout(ACK_TIMEOUT).emit(event, payload, (err, ack) => {
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
    if (activity && item.event === 'add_point') {
      if (ack.point) mergePoints(activity, [ack.point]);
    } else if (activity && activity.kind === 'questions') {
      activity.own_entries = activity.own_entries || [];
      const held = ack.held !== undefined ? !!ack.held : needsApproval(activity);
      if (!activity.own_entries.some((e) => e.id === ack.id)) {
        activity.own_entries.push({ id: ack.id, text: item.text, client_id: item.client_id, held });
      }
      activity.entries = activity.entries || [];
      if (!held && !activity.entries.some((e) => e.id === ack.id)) {
        activity.entries.push({ id: ack.id, text: item.text, votes: 0, voted: false, pinned: false, answered: false });
      }
    } else if (activity) {
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
    const block = section && item.event === 'add_point' && section.questions ? section.questions.get(item.question_id) : null;
    if (block && section.root.isConnected) {
      showSectionError(block, message);
      if (!block.input.value.trim()) block.input.value = item.text;
    } else if (section && section.root.isConnected) {
      showSectionError(section, message);
      if (section.input && !section.input.value.trim()) section.input.value = item.text;
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
    const section = {
      id: activity.id,
      kind: activity.kind,
      title: S.el('p', { class: 'task__title' }),
      prompt: S.el('h2', { class: 'task__prompt' }),
      help: S.el('p', { class: 'task__help' }),
      clock: S.el('p', { class: 'clock', role: 'timer', hidden: true }),
      elsewhere: S.el('p', { class: 'task__elsewhere', hidden: true }, T.not_for_table),
      error: S.el('p', { class: 'alert alert--error', role: 'alert', hidden: true }),
      status: S.el('p', { class: 'task__status', role: 'status' }),
    };
    let body;
    if (activity.kind === 'task') body = buildTask(section);
    else if (activity.kind === 'priorities') body = buildPriorities(section, activity);
    else if (activity.kind === 'questions') body = buildQuestions(section, activity);
    else body = buildAnswerForm(section, activity);
    section.body = S.el('div', { class: 'task__body' }, body);
    section.root = S.el('section', { class: `task task--${activity.kind}` },
      section.clock, section.title, section.prompt, section.help, section.elsewhere, section.error,
      section.body);
    return section;
  }

  /** The words / statements form and list (one text field, one list). */
  function buildAnswerForm(section, activity) {
    const isWords = activity.kind === 'words';
    const id = `answer-${activity.id}`;
    const input = isWords
      ? S.el('input', { class: 'input', id, type: 'text', maxlength: 40, autocomplete: 'off', enterkeyhint: 'send', placeholder: T.word_placeholder })
      : S.el('textarea', { class: 'input input--area', id, rows: 4, maxlength: 1000, placeholder: T.statement_placeholder });
    const button = S.el('button', { type: 'submit', class: 'btn btn--primary btn--big' }, T.send);
    const form = S.el('form', { class: 'task__form stack', novalidate: true },
      S.el('label', { class: 'sr-only', for: id }, isWords ? T.word_label : T.statement_label), input, button);
    Object.assign(section, {
      input,
      form,
      note: S.el('p', { class: 'task__note' }),
      done: S.el('p', { class: 'task__done', hidden: true }),
      listTitle: S.el('h3', { class: 'task__list-title' }, isWords ? T.your_words : T.table_statements),
      list: S.el('ul', { class: isWords ? 'chips' : 'statements' }),
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const text = isWords ? input.value.trim() : cleanText(input.value);
      if (!text.trim()) { input.focus(); return; }
      input.value = '';
      showSectionError(section, '');
      submit(activity.id, text);
    });
    return [section.done, form, section.note, section.status, section.listTitle, section.list];
  }

  /** Drop leading blank lines and trailing space, keep the lines a table wrote. */
  function cleanText(value) {
    return value.replace(/^\s*\n|\s+$/g, '');
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
    section.closesAt = activity.closes_at || null;
    tickClock(section);
    const elsewhere = activity.for_my_table === false;
    section.elsewhere.hidden = !elsewhere;
    section.body.hidden = elsewhere;
    if (elsewhere) return;
    if (activity.kind === 'words') updateWords(section, activity, pending);
    else if (activity.kind === 'task') updateTask(section, activity, pending);
    else if (activity.kind === 'priorities') updatePriorities(section, activity);
    else if (activity.kind === 'questions') updateQuestions(section, activity, pending);
    else updateStatements(section, activity, pending);
  }

  // ---- countdown -------------------------------------------------------------------

  function tickClock(section) {
    const left = S.secondsUntil(section.closesAt);
    section.clock.hidden = left === null;
    if (left === null) return;
    section.clock.classList.toggle('is-up', left === 0);
    section.clock.classList.toggle('is-short', left > 0 && left <= 60);
    section.clock.textContent = left === 0 ? T.time_up : `${T.time_left} ${S.clock(left)}`;
  }

  window.setInterval(() => {
    for (const section of sections.values()) if (section.closesAt && section.root.isConnected) tickClock(section);
  }, 1000);

  // ---- task: the table's points under each question ----------------------------------

  function buildTask(section) {
    section.questions = new Map(); // question id -> block
    section.list = S.el('div', { class: 'qblocks' });
    return [section.list, section.status];
  }

  function buildQuestionBlock(section, activityId, question) {
    const id = `point-${activityId}-${question.id}`;
    const input = S.el('textarea', { class: 'input input--point', id, rows: 2, maxlength: 2000, placeholder: T.point_placeholder });
    const block = {
      id: question.id,
      input,
      points: new Map(), // point id -> view
      title: S.el('h3', { class: 'qblock__title' }),
      help: S.el('p', { class: 'qblock__help' }),
      count: S.el('span', { class: 'qblock__count' }),
      list: S.el('ul', { class: 'points' }),
      error: S.el('p', { class: 'alert alert--error', role: 'alert', hidden: true }),
    };
    const form = S.el('form', { class: 'qblock__form', novalidate: true },
      S.el('label', { class: 'sr-only', for: id }, T.point_label), input,
      S.el('button', { type: 'submit', class: 'btn btn--primary' }, T.add));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const text = cleanText(input.value);
      if (!text.trim()) { input.focus(); return; }
      input.value = '';
      showSectionError(block, '');
      submit(activityId, text, { event: 'add_point', question_id: question.id });
    });
    block.root = S.el('section', { class: 'qblock' },
      S.el('div', { class: 'qblock__head' }, block.title, block.count), block.help, block.list, block.error, form);
    return block;
  }

  function taskQuestions(activity) {
    const options = activity.options || {};
    return options.questions || activity.questions || [];
  }

  function updateTask(section, activity, pending) {
    const points = (activity.table_points || []).filter((p) => !p.deleted);
    const wanted = taskQuestions(activity).map((question) => {
      let block = section.questions.get(question.id);
      if (!block) {
        block = buildQuestionBlock(section, activity.id, question);
        section.questions.set(question.id, block);
      }
      block.title.textContent = question.title;
      block.help.textContent = question.help || '';
      block.help.hidden = !question.help;
      const mine = points.filter((p) => p.question_id === question.id).sort((a, b) => a.id - b.id);
      const waiting = pending.filter((p) => p.event === 'add_point' && p.question_id === question.id);
      block.count.textContent = mine.length ? S.fmt(mine.length === 1 ? T.points_one : T.points_n, { n: mine.length }) : '';
      updatePointList(block, activity, mine, waiting);
      return block.root;
    });
    const current = [...section.list.children];
    if (current.length !== wanted.length || current.some((node, i) => node !== wanted[i])) {
      section.list.replaceChildren(...wanted);
    }
  }

  /** Reconcile a question's points with their views; an open editor is never disturbed. */
  function updatePointList(block, activity, points, waiting) {
    const seen = new Set();
    const nodes = [];
    for (const point of points) {
      seen.add(point.id);
      let view = block.points.get(point.id);
      if (!view) {
        view = { id: point.id, mode: 'view', li: S.el('li', { class: 'point' }), drawn: null };
        block.points.set(point.id, view);
      }
      view.point = point;
      view.gone = false;
      drawPoint(view, activity);
      nodes.push(view.li);
    }
    for (const [id, view] of block.points) {
      if (seen.has(id)) continue;
      if (view.mode === 'edit' || view.mode === 'conflict') {
        // Someone deleted it while we were editing: keep our text, saving adds it anew.
        view.gone = true;
        drawPoint(view, activity);
        nodes.push(view.li);
      } else {
        block.points.delete(id);
      }
    }
    for (const item of waiting) nodes.push(pendingItem(item, 'point'));
    if (!nodes.length) nodes.push(S.el('li', { class: 'points__empty' }, T.no_points));
    const current = [...block.list.children];
    if (current.length !== nodes.length || current.some((node, i) => node !== nodes[i])) {
      // Keep a focused editor where it is: only move what has to move.
      block.list.replaceChildren(...nodes);
    }
  }

  function drawPoint(view, activity) {
    const point = view.point;
    const key = `${view.mode}|${point.version}|${point.text}|${view.gone}|${view.busy}|${view.message || ''}`;
    if (view.mode === 'edit' && view.editor && view.drawn && view.drawn.startsWith('edit|')) {
      // Leave the textarea alone; only the note about a deleted point may change.
      view.goneNote.hidden = !view.gone;
      view.saveButton.disabled = !!view.busy;
      view.editError.textContent = view.message || '';
      view.editError.hidden = !view.message;
      view.drawn = key;
      return;
    }
    if (view.drawn === key) return;
    view.drawn = key;
    view.li.className = `point point--${view.mode}`;
    const button = (label, onclick, cls) => S.el('button', { type: 'button', class: `btn btn--small ${cls || ''}`, disabled: !!view.busy, onclick }, label);
    const error = view.message ? S.el('p', { class: 'point__error', role: 'alert' }, view.message) : null;
    if (view.mode === 'edit') {
      view.editor = S.el('textarea', { class: 'input input--point', rows: 3, maxlength: 2000, 'aria-label': T.edit_label });
      view.editor.value = view.draft !== undefined ? view.draft : point.text;
      view.editor.addEventListener('input', () => { view.draft = view.editor.value; });
      view.goneNote = S.el('p', { class: 'point__note', hidden: !view.gone }, T.point_gone);
      view.editError = S.el('p', { class: 'point__error', role: 'alert', hidden: !view.message }, view.message || '');
      view.saveButton = button(T.save, () => saveEdit(view, activity), 'btn--primary');
      S.fill(view.li, view.editor, view.goneNote, view.editError,
        S.el('div', { class: 'point__actions' }, view.saveButton, button(T.cancel, () => setMode(view, activity, 'view'))));
      window.requestAnimationFrame(() => view.editor && view.editor.focus());
      return;
    }
    view.editor = null;
    if (view.mode === 'conflict') {
      S.fill(view.li, 
        S.el('p', { class: 'point__conflict-title' }, T.conflict),
        S.el('div', { class: 'conflict' },
          S.el('div', { class: 'conflict__side' }, S.el('p', { class: 'conflict__label' }, view.gone ? T.point_gone : T.theirs),
            S.el('p', { class: 'item__text' }, view.gone ? '' : view.current.text)),
          S.el('div', { class: 'conflict__side conflict__side--mine' }, S.el('p', { class: 'conflict__label' }, T.yours),
            S.el('p', { class: 'item__text' }, view.yours))),
        error,
        S.el('div', { class: 'point__actions' },
          button(T.keep_mine, () => keepMine(view, activity), 'btn--primary'),
          view.gone ? null : button(T.use_theirs, () => useTheirs(view, activity))));
      return;
    }
    if (view.mode === 'confirm') {
      S.fill(view.li, S.el('span', { class: 'item__text' }, point.text),
        S.el('p', { class: 'point__note' }, T.delete_confirm), error,
        S.el('div', { class: 'point__actions' },
          button(T.delete_yes, () => deletePoint(view, activity), 'btn--danger'),
          button(T.cancel, () => setMode(view, activity, 'view'))));
      return;
    }
    S.fill(view.li, S.el('span', { class: 'item__text' }, point.text), error,
      S.el('div', { class: 'point__actions' },
        button(T.edit, () => { view.draft = undefined; view.base = point.version; setMode(view, activity, 'edit'); }),
        button(T.delete, () => setMode(view, activity, 'confirm'), 'btn--quiet')));
  }

  function setMode(view, activity, mode, message) {
    view.mode = mode;
    view.message = message || '';
    view.busy = false;
    if (mode !== 'edit') view.draft = undefined;
    view.drawn = null;
    drawPoint(view, activity);
  }

  /** Ask the server; resolves the ack, or null when it did not answer (offline). */
  function ask(event, payload) {
    return new Promise((resolve) => {
      if (!socket || !socket.connected) { resolve(null); return; }
      socket.timeout(ACK_TIMEOUT).emit(event, payload, (err, ack) => resolve(err ? null : ack || null));
    });
  }

  function busy(view, activity, on) {
    view.busy = on;
    drawPoint(view, activity);
  }

  async function saveEdit(view, activity) {
    const text = cleanText(view.editor ? view.editor.value : view.draft || '');
    if (!text.trim()) { view.editor.focus(); return; }
    if (view.gone) { readd(view, activity, text); return; }
    if (text === view.point.text) { setMode(view, activity, 'view'); return; }
    busy(view, activity, true);
    const version = view.base !== undefined ? view.base : view.point.version;
    const ack = await ask('edit_point', { point_id: view.id, text, version });
    editAnswered(view, activity, ack, text);
  }

  function editAnswered(view, activity, ack, text) {
    view.busy = false;
    if (!ack) { view.draft = text; view.message = T.network; view.drawn = null; drawPoint(view, activity); return; }
    if (ack.ok) {
      if (ack.point) mergePoints(activity, [ack.point]);
      setMode(view, activity, 'view');
      renderAll();
      return;
    }
    if (ack.error === 'conflict' && ack.current) {
      view.current = ack.current;
      view.yours = ack.yours !== undefined ? ack.yours : text;
      view.gone = !!ack.current.deleted;
      if (!ack.current.deleted) mergePoints(activity, [ack.current]);
      setMode(view, activity, 'conflict');
      renderAll();
      return;
    }
    if (ack.error === 'unknown_point') { view.gone = true; }
    view.draft = text;
    view.message = ack.message || T.error_generic;
    view.drawn = null;
    drawPoint(view, activity);
  }

  async function keepMine(view, activity) {
    if (view.gone) { readd(view, activity, view.yours); return; }
    busy(view, activity, true);
    const ack = await ask('edit_point', { point_id: view.id, text: view.yours, version: view.current.version });
    if (ack && !ack.ok && ack.error !== 'conflict') {
      view.busy = false; view.message = ack.message || T.error_generic; view.drawn = null; drawPoint(view, activity);
      return;
    }
    if (!ack) { view.busy = false; view.message = T.network; view.drawn = null; drawPoint(view, activity); return; }
    editAnswered(view, activity, ack, view.yours);
  }

  function useTheirs(view, activity) {
    mergePoints(activity, [view.current]);
    setMode(view, activity, 'view');
    renderAll();
  }

  /** The point was deleted while we edited it: add our text as a new point. */
  function readd(view, activity, text) {
    const block = [...(sections.get(activity.id).questions.values())].find((b) => b.points.get(view.id) === view);
    if (block) block.points.delete(view.id);
    submit(activity.id, text, { event: 'add_point', question_id: view.point.question_id });
  }

  async function deletePoint(view, activity) {
    busy(view, activity, true);
    const ack = await ask('delete_point', { point_id: view.id, version: view.point.version });
    if (ack && ack.ok) {
      mergePoints(activity, [{ ...(ack.point || view.point), deleted: true, version: ((ack.point || view.point).version || 0) + (ack.point ? 0 : 1) }]);
      renderAll();
      return;
    }
    if (ack && ack.error === 'conflict' && ack.current) {
      if (ack.current.deleted) { mergePoints(activity, [ack.current]); renderAll(); return; }
      mergePoints(activity, [ack.current]);
      view.point = { ...view.point, ...ack.current };
      setMode(view, activity, 'view', T.conflict);
      renderAll();
      return;
    }
    setMode(view, activity, 'confirm', ack ? ack.message || T.error_generic : T.network);
  }

  // ---- priorities: dots or a ranking --------------------------------------------------

  function buildPriorities(section, activity) {
    section.list = S.el('ul', { class: 'prio' });
    section.hint = S.el('p', { class: 'task__note' });
    section.saved = S.el('p', { class: 'prio__saved' });
    section.send = S.el('button', { type: 'button', class: 'btn btn--primary btn--big', onclick: () => castBallot(section) }, T.send);
    section.draft = null;
    section.dirty = false;
    return [section.hint, section.list, section.send, section.saved, section.status];
  }

  function prioOptions(activity) {
    const o = activity.options || {};
    return { mode: o.mode || 'dots', dots: o.dots || 5, max: o.max_per_item || Math.min(3, o.dots || 5), top: o.top || 3 };
  }

  function ballotDraft(activity) {
    const mode = prioOptions(activity).mode;
    const ballot = activity.ballot || {};
    if (mode === 'dots') return { ...(ballot.dots || {}) };
    return (ballot.ranking || []).slice();
  }

  function sameBallot(activity, draft) {
    return JSON.stringify(normalBallot(activity, ballotDraft(activity))) === JSON.stringify(normalBallot(activity, draft));
  }

  function normalBallot(activity, draft) {
    if (Array.isArray(draft)) return draft;
    return Object.keys(draft).filter((k) => draft[k] > 0).sort().map((k) => [k, draft[k]]);
  }

  function updatePriorities(section, activity) {
    const o = prioOptions(activity);
    const items = activity.items || [];
    const known = new Set(items.map((i) => i.id));
    section.activity = activity;
    if (!section.dirty || section.draft === null) section.draft = ballotDraft(activity);
    // Items that disappeared (hidden at the source) leave the draft too.
    if (Array.isArray(section.draft)) section.draft = section.draft.filter((id) => known.has(id));
    else for (const id of Object.keys(section.draft)) if (!known.has(id)) delete section.draft[id];
    const hasBallot = !!activity.ballot && normalBallot(activity, ballotDraft(activity)).length > 0;
    if (!items.length) {
      section.hint.textContent = '';
      section.list.replaceChildren(S.el('li', { class: 'statements__empty' }, T.no_items));
      section.send.hidden = true;
      section.saved.textContent = '';
      return;
    }
    section.send.hidden = false;
    if (o.mode === 'dots') {
      const used = Object.values(section.draft).reduce((a, b) => a + b, 0);
      const left = o.dots - used;
      section.hint.textContent = S.fmt(T.dots_left, { n: left });
      section.hint.classList.toggle('is-zero', left === 0);
      section.list.className = 'prio prio--dots';
      section.list.replaceChildren(...items.map((item) => {
        const n = section.draft[item.id] || 0;
        const change = (delta) => () => { section.draft[item.id] = Math.max(0, n + delta); section.dirty = true; updatePriorities(section, activity); };
        return S.el('li', { class: `prio__item${n ? ' is-chosen' : ''}` },
          S.el('span', { class: 'item__text' }, item.text),
          S.el('div', { class: 'dots' },
            S.el('button', { type: 'button', class: 'dots__btn', 'aria-label': S.fmt(T.dot_less, { item: item.text }), disabled: n === 0, onclick: change(-1) }, '−'),
            S.el('span', { class: 'dots__n', 'aria-live': 'polite' }, S.el('span', { class: 'dots__pips', 'aria-hidden': 'true' }, '●'.repeat(n)), S.el('span', {}, String(n))),
            S.el('button', { type: 'button', class: 'dots__btn', 'aria-label': S.fmt(T.dot_more, { item: item.text }), disabled: left <= 0 || n >= o.max, onclick: change(1) }, '+')));
      }));
      section.send.disabled = used === 0 || (!section.dirty && hasBallot);
    } else {
      const want = Math.min(o.top, items.length);
      section.hint.textContent = S.fmt(T.rank_hint, { n: want });
      section.list.className = 'prio prio--ranking';
      section.list.replaceChildren(...items.map((item) => {
        const place = section.draft.indexOf(item.id);
        const toggle = () => {
          if (place >= 0) section.draft.splice(place, 1);
          else if (section.draft.length < want) section.draft.push(item.id);
          else return;
          section.dirty = true;
          updatePriorities(section, activity);
        };
        return S.el('li', { class: 'prio__item' },
          S.el('button', { type: 'button', class: `rank${place >= 0 ? ' is-chosen' : ''}`, 'aria-pressed': place >= 0 ? 'true' : 'false',
            disabled: place < 0 && section.draft.length >= want, onclick: toggle },
          S.el('span', { class: 'rank__n', 'aria-hidden': place < 0 ? 'true' : null }, place >= 0 ? String(place + 1) : ''),
          S.el('span', { class: 'item__text' }, item.text)));
      }));
      section.send.disabled = section.draft.length === 0 || (!section.dirty && hasBallot);
    }
    section.dirty = section.dirty && !sameBallot(activity, section.draft);
    section.saved.textContent = hasBallot ? (section.dirty ? T.ballot_changed : T.ballot_saved) : (section.dirty ? T.ballot_unsent : '');
    section.saved.classList.toggle('is-saved', hasBallot && !section.dirty);
  }

  async function castBallot(section) {
    const activity = section.activity;
    const o = prioOptions(activity);
    const payload = { activity_id: activity.id };
    if (o.mode === 'dots') {
      payload.dots = {};
      for (const [id, n] of Object.entries(section.draft)) if (n > 0) payload.dots[id] = n;
    } else {
      payload.ranking = section.draft.slice();
    }
    section.send.disabled = true;
    showSectionError(section, '');
    const ack = await ask('cast', payload);
    if (ack && ack.ok) {
      activity.ballot = ack.ballot || (o.mode === 'dots' ? { dots: payload.dots } : { ranking: payload.ranking });
      section.dirty = false;
      section.draft = null;
      flash(activity.id);
    } else {
      showSectionError(section, ack ? ack.message || T.error_generic : T.network);
    }
    renderAll();
  }

  // ---- questions to the panel ------------------------------------------------------------

  function needsApproval(activity) {
    return !!(activity.approval || (activity.options && activity.options.approval));
  }

  function buildQuestions(section, activity) {
    const form = buildAnswerForm(section, activity);
    section.input.setAttribute('placeholder', T.ask_placeholder);
    section.form.querySelector('label').textContent = T.ask_label;
    section.form.querySelector('button').textContent = T.ask;
    section.input.rows = 3;
    section.listTitle.textContent = T.questions_title;
    section.list.className = 'qa';
    section.list.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-entry]');
      if (button) upvote(section, Number(button.dataset.entry), button.dataset.up === 'true');
    });
    return form;
  }

  function sortQuestions(a, b) {
    if (!!a.pinned !== !!b.pinned) return a.pinned ? -1 : 1;
    if (!!a.answered !== !!b.answered) return a.answered ? 1 : -1;
    if ((b.votes || 0) !== (a.votes || 0)) return (b.votes || 0) - (a.votes || 0);
    return a.id - b.id;
  }

  function updateQuestions(section, activity, pending) {
    section.done.hidden = true;
    section.note.hidden = true;
    const visible = (activity.entries || []).filter((e) => !e.hidden && !e.held).sort(sortQuestions);
    const shown = new Set(visible.map((e) => e.id));
    const gone = activity.gone || new Set();
    const waiting = (activity.own_entries || []).filter((e) => !shown.has(e.id) && !e.hidden && !gone.has(e.id)
      && (e.held || (e.held === undefined && needsApproval(activity))));
    const own = new Set((activity.own_entries || []).map((e) => e.id));
    section.listTitle.hidden = !(visible.length || waiting.length || pending.length);
    const nodes = [
      ...pending.map((item) => pendingItem(item, 'qa__item')),
      ...waiting.map((e) => S.el('li', { class: 'qa__item is-waiting' },
        S.el('span', { class: 'item__text' }, e.text), S.el('span', { class: 'tag tag--pending' }, T.awaiting))),
      ...visible.map((e) => S.el('li', { class: `qa__item${e.answered ? ' is-answered' : ''}${e.pinned ? ' is-pinned' : ''}` },
        S.el('div', { class: 'qa__body' },
          S.el('span', { class: 'item__text' }, e.text),
          S.el('div', { class: 'qa__tags' },
            e.pinned ? S.el('span', { class: 'tag tag--pin' }, T.pinned) : null,
            e.answered ? S.el('span', { class: 'tag tag--ok' }, T.answered) : null,
            own.has(e.id) ? S.el('span', { class: 'tag' }, T.mine) : null)),
        S.el('button', {
          type: 'button', class: `vote${e.voted ? ' is-voted' : ''}`, 'aria-pressed': e.voted ? 'true' : 'false',
          'aria-label': S.fmt(e.voted ? T.unvote_label : T.vote_label, { n: e.votes || 0 }),
          dataset: { entry: e.id, up: !e.voted }, disabled: section.voting === e.id,
        }, S.el('span', { class: 'vote__arrow', 'aria-hidden': 'true' }, '▲'), S.el('span', { class: 'vote__n' }, String(e.votes || 0))))),
    ];
    if (!nodes.length) nodes.push(S.el('li', { class: 'statements__empty' }, T.no_questions));
    section.list.replaceChildren(...nodes);
  }

  async function upvote(section, entryId, up) {
    const activity = model && model.activities.get(section.id);
    if (!activity || section.voting) return;
    section.voting = entryId;
    renderAll();
    const ack = await ask('upvote', { entry_id: entryId, up });
    section.voting = null;
    if (ack && ack.ok) {
      const entry = (activity.entries || []).find((e) => e.id === entryId);
      if (entry) Object.assign(entry, { votes: ack.votes, voted: ack.voted });
      showSectionError(section, '');
    } else {
      showSectionError(section, ack ? ack.message || T.error_generic : T.network);
    }
    renderAll();
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
