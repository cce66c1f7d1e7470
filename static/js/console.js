'use strict';
// The facilitator's console: the list of gatherings (create from a template) and the
// live console of one gathering (agenda, screen control, moderation of entries).
(function () {
  const S = window.Samla;
  const T = S.readJSON('samla-text') || {};
  const config = S.readJSON('samla-config') || {};
  const root = config.root || '';
  const $ = (id) => document.getElementById(id);

  /** Show an API error (or clear it) in the page's message area. */
  function showMessage(text) {
    const node = $('message');
    node.textContent = text || '';
    node.hidden = !text;
    if (text) node.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }

  /** Call the API; returns the data, or null after showing the error. */
  async function call(method, path, body) {
    try {
      const res = await S.api(method, root + path, body);
      if (res.ok) {
        showMessage('');
        return res.data || {};
      }
      showMessage((res.data && res.data.message) || `${T.error_generic} (${res.status})`);
    } catch (err) {
      showMessage(T.network);
    }
    return null;
  }

  // ---- list of gatherings ----------------------------------------------------------

  function initList() {
    const form = $('new-gathering');
    if (!form) return;
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const button = form.querySelector('button');
      button.disabled = true;
      const created = await call('POST', '/api/gatherings', { template: form.elements.template.value });
      button.disabled = false;
      if (created && created.console_url) window.location.assign(created.console_url);
    });
  }

  // ---- one gathering -------------------------------------------------------------------

  let gathering = null;
  let screenId = null;
  let selectedId = null;
  let connected = false;
  const activities = new Map(); // id -> activity with entries (Map by id) and frequencies
  let redraw = null;

  function absorb(activity, before) {
    const entries = new Map(((activity.entries) || []).map((e) => [e.id, e]));
    return { ...(before || {}), ...activity, entries: activity.entries ? entries : (before ? before.entries : entries), frequencies: activity.frequencies || (before && before.frequencies) || [] };
  }

  function setGathering(data, withEntries) {
    gathering = data;
    screenId = data.screen_activity_id === undefined ? null : data.screen_activity_id;
    for (const activity of data.activities || []) activities.set(activity.id, absorb(activity, activities.get(activity.id)));
    if (withEntries) connected = true;
  }

  function onState(state) {
    activities.clear();
    setGathering(state.gathering, true);
    for (const activity of state.activities) activities.set(activity.id, absorb(activity));
    if (selectedId === null || !activities.has(selectedId)) selectedId = defaultSelection();
    render();
  }

  function onActivityUpdate(update) {
    const activity = activities.get(update.activity_id);
    if (!activity) return;
    for (const entry of update.entries || []) activity.entries.set(entry.id, { ...(activity.entries.get(entry.id) || {}), ...entry });
    for (const key of ['count', 'hidden_count', 'frequencies']) if (update[key] !== undefined) activity[key] = update[key];
    scheduleRender();
  }

  function onActivityState(payload) {
    if (!payload || !payload.activity) return;
    activities.set(payload.activity.id, absorb(payload.activity, activities.get(payload.activity.id)));
    render();
  }

  function onScreen(payload) {
    screenId = payload ? payload.activity_id : null;
    render();
  }

  function defaultSelection() {
    const hashId = Number((window.location.hash.match(/^#a(\d+)$/) || [])[1]);
    if (activities.has(hashId)) return hashId;
    if (screenId !== null && activities.has(screenId)) return screenId;
    const open = [...activities.values()].find((a) => a.state === 'open');
    const first = [...activities.values()].sort((a, b) => a.position - b.position)[0];
    return open ? open.id : (first ? first.id : null);
  }

  function select(id) {
    selectedId = id;
    window.history.replaceState(null, '', `#a${id}`);
    render();
  }

  /** Redraw soon, at most a few times a second while entries stream in. */
  function scheduleRender() {
    if (redraw) return;
    redraw = window.setTimeout(() => { redraw = null; render(); }, 300);
  }

  // ---- actions ---------------------------------------------------------------------------

  const base = () => `/api/gatherings/${gathering.id}`;

  async function setState(activity, state) {
    const result = await call('POST', `${base()}/activities/${activity.id}/state`, { state });
    if (!result) return;
    if (result.id) activities.set(result.id, absorb(result, activities.get(result.id)));
    // Opening an activity also puts it on the projector, so the room sees it at once.
    if (state === 'open') await showOnScreen(activity.id);
    render();
  }

  async function showOnScreen(activityId) {
    const result = await call('POST', `${base()}/screen`, { activity_id: activityId });
    if (result) {
      screenId = result.activity_id === undefined ? activityId : result.activity_id;
      render();
    }
  }

  async function moderate(entryId, change) {
    const entry = await call('PATCH', `/api/entries/${entryId}`, change);
    if (!entry) return;
    const activity = activities.get(entry.activity_id) || activities.get(selectedId);
    if (activity && activity.entries.has(entry.id)) activity.entries.set(entry.id, { ...activity.entries.get(entry.id), ...entry });
    render();
  }

  // ---- rendering ---------------------------------------------------------------------------

  function kindLabel(kind) {
    return T[`kind_${kind}`] || kind;
  }

  function activityName(activity) {
    return activity.title || activity.prompt;
  }

  function tableLabel(number) {
    const table = gathering.tables.find((t) => t.number === number);
    return table ? table.label : S.fmt(T.table_n, { n: number });
  }

  function render() {
    if (!gathering) return;
    renderAgenda();
    renderDetail();
    const onScreen = screenId === null ? null : activities.get(screenId);
    $('screen-status').textContent = onScreen ? S.fmt(T.screen_activity, { name: kindLabel(onScreen.kind) }) : T.screen_code;
    $('show-code').disabled = screenId === null;
  }

  function renderAgenda() {
    const items = [...activities.values()].sort((a, b) => a.position - b.position).map((activity) => {
      const isOpen = activity.state === 'open';
      const stop = (fn) => (event) => { event.stopPropagation(); fn(); };
      return S.el('li', {
        class: `agenda__item${isOpen ? ' is-open' : ''}${activity.id === selectedId ? ' is-selected' : ''}`,
        onclick: () => select(activity.id),
      },
      S.el('div', { class: 'agenda__top' },
        S.el('span', { class: 'agenda__kind' }, kindLabel(activity.kind)),
        S.el('span', { class: `badge${isOpen ? ' badge--open' : ''}` }, isOpen ? T.state_open : T.state_closed),
        S.el('span', { class: 'badge badge--count' }, S.fmt(T.count, { n: activity.count || 0 })),
        activity.hidden_count ? S.el('span', { class: 'badge' }, S.fmt(T.hidden_count, { n: activity.hidden_count })) : null,
        activity.id === screenId ? S.el('span', { class: 'badge badge--screen' }, T.on_screen) : null),
      S.el('p', { class: 'agenda__prompt' }, activityName(activity)),
      S.el('div', { class: 'agenda__actions' },
        isOpen
          ? S.el('button', { type: 'button', class: 'btn btn--small btn--danger', onclick: stop(() => setState(activity, 'closed')) }, T.close)
          : S.el('button', { type: 'button', class: 'btn btn--small btn--primary', onclick: stop(() => setState(activity, 'open')) }, T.open),
        S.el('button', { type: 'button', class: 'btn btn--small', disabled: activity.id === screenId, onclick: stop(() => showOnScreen(activity.id)) }, T.show)));
    });
    $('agenda').replaceChildren(...items);
  }

  function renderDetail() {
    const activity = selectedId === null ? null : activities.get(selectedId);
    if (!activity) {
      $('detail-title').textContent = T.pick;
      $('detail-prompt').textContent = '';
      $('freq').hidden = true;
      $('cloud-link').hidden = true;
      $('entries').replaceChildren();
      return;
    }
    $('detail-title').textContent = S.fmt(T.entries_of, { name: kindLabel(activity.kind) });
    $('detail-prompt').textContent = activity.prompt;
    const isWords = activity.kind === 'words';
    $('cloud-link').hidden = !isWords;
    if (isWords) $('cloud-link').setAttribute('href', `${root}${base()}/activities/${activity.id}/cloud.png`);
    $('freq').hidden = !isWords || !activity.frequencies.length;
    $('freq').replaceChildren(...(isWords ? activity.frequencies : []).map((f) => S.el('li', {}, f.word, S.el('b', {}, f.count))));
    renderEntries(activity);
  }

  function renderEntries(activity) {
    if (!connected) {
      $('entries').replaceChildren(S.el('li', { class: 'muted' }, T.loading));
      return;
    }
    const entries = [...activity.entries.values()].sort(S.newestFirst);
    if (!entries.length) {
      $('entries').replaceChildren(S.el('li', { class: 'muted' }, T.no_entries));
      return;
    }
    $('entries').replaceChildren(...entries.map((entry) => S.el('li', {
      class: `entry${entry.hidden ? ' is-hidden' : ''}${entry.highlighted ? ' is-highlighted' : ''}`,
    },
    S.el('div', { class: 'entry__body' },
      S.el('div', { class: 'entry__meta' }, tableLabel(entry.table),
        entry.hidden ? ` · ${T.hidden}` : '', entry.highlighted ? ` · ${T.highlighted}` : ''),
      S.el('div', { class: 'entry__text' }, entry.text)),
    S.el('div', { class: 'entry__actions' },
      S.el('button', { type: 'button', class: 'btn btn--small', dataset: { entry: entry.id, change: 'hidden', value: !entry.hidden } }, entry.hidden ? T.unhide : T.hide),
      S.el('button', { type: 'button', class: 'btn btn--small', dataset: { entry: entry.id, change: 'highlighted', value: !entry.highlighted } }, entry.highlighted ? T.unhighlight : T.highlight)))));
  }

  function initGathering() {
    if (!config.gathering) return;
    setGathering(config.gathering, false);
    selectedId = defaultSelection();
    render();
    // One listener for all entry buttons, so redraws never swallow a click.
    $('entries').addEventListener('click', (event) => {
      const button = event.target.closest('button[data-entry]');
      if (!button) return;
      moderate(Number(button.dataset.entry), { [button.dataset.change]: button.dataset.value === 'true' });
    });
    $('show-code').addEventListener('click', () => showOnScreen(null));

    const socket = io({ auth: { gathering_id: gathering.id } });
    socket.on('connect', () => S.showConnection($('connection'), true));
    socket.on('disconnect', (reason) => {
      S.showConnection($('connection'), false);
      if (reason === 'io server disconnect') window.setTimeout(() => socket.connect(), 3000);
    });
    socket.on('connect_error', (err) => {
      S.showConnection($('connection'), false);
      if (err && err.data && err.data.message) showMessage(err.data.message);
      if (!socket.active) window.setTimeout(() => socket.connect(), 5000);
    });
    socket.on('state', onState);
    socket.on('activity_update', onActivityUpdate);
    socket.on('activity_state', onActivityState);
    socket.on('screen', onScreen);
  }

  initList();
  initGathering();
})();
