// `questions`: questions to a panel; everyone sees and upvotes the approved ones.
import { el } from '../../shared/dom.js';
import { count } from '../../shared/text.js';
import { addOwn, applyLimit, buildAnswerForm } from '../answer-form.js';
import { T } from '../page.js';
import { pendingItem, showSectionError } from '../sections.js';
import { activityById, changeActivity, changed, mergeQuestions } from '../store.js';

const needsApproval = (activity) => !!(activity.approval || (activity.options && activity.options.approval));

export function fresh() {
  return { remaining: null };
}

export function build(section, activity, actions) {
  const nodes = buildAnswerForm(section, activity, actions, {
    oneLine: false, label: T.ask_label, placeholder: T.ask_placeholder, listTitle: T.questions_title, listClass: 'qa',
  });
  section.input.rows = 3;
  section.form.querySelector('button').textContent = T.ask;
  // One listener for all vote buttons, so redraws never swallow a click.
  section.list.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-entry]');
    if (button) upvote(section, Number(button.dataset.entry), button.dataset.up === 'true', actions);
  });
  // The state holds only some of a long list; the rest come a page at a time on request.
  section.more = el('button', { type: 'button', class: 'btn qa__more', hidden: true }, T.more_questions);
  section.more.addEventListener('click', () => showMore(section, actions));
  return [...nodes, section.more];
}

function sortQuestions(a, b) {
  if (!!a.pinned !== !!b.pinned) return a.pinned ? -1 : 1;
  if (!!a.answered !== !!b.answered) return a.answered ? 1 : -1;
  if ((b.votes || 0) !== (a.votes || 0)) return (b.votes || 0) - (a.votes || 0);
  return a.id - b.id;
}

export function update(section, activity, pending) {
  applyLimit(section, activity);
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
    ...waiting.map((e) => el('li', { class: 'qa__item is-waiting' },
      el('span', { class: 'item__text' }, e.text), el('span', { class: 'tag tag--pending' }, T.awaiting))),
    ...visible.map((e) => el('li', { class: `qa__item${e.answered ? ' is-answered' : ''}${e.pinned ? ' is-pinned' : ''}` },
      el('div', { class: 'qa__body' },
        el('span', { class: 'item__text' }, e.text),
        el('div', { class: 'qa__tags' },
          e.pinned ? el('span', { class: 'tag tag--pin' }, T.pinned) : null,
          e.answered ? el('span', { class: 'tag tag--ok' }, T.answered) : null,
          own.has(e.id) ? el('span', { class: 'tag' }, T.mine) : null)),
      el('button', {
        type: 'button', class: `vote${e.voted ? ' is-voted' : ''}`, 'aria-pressed': e.voted ? 'true' : 'false',
        'aria-label': count(T, e.voted ? 'unvote_label' : 'vote_label', { n: e.votes || 0 }),
        dataset: { entry: e.id, up: !e.voted }, disabled: section.voting === e.id,
      }, el('span', { class: 'vote__arrow', 'aria-hidden': 'true' }, '▲'), el('span', { class: 'vote__n' }, String(e.votes || 0))))),
  ];
  if (!nodes.length) nodes.push(el('li', { class: 'statements__empty' }, T.no_questions));
  section.list.replaceChildren(...nodes);
  const known = (activity.entries || []).length;
  section.more.hidden = section.noMore || !((activity.questions_total || 0) > known);
}

async function showMore(section, actions) {
  const activity = activityById(section.id);
  if (!activity || section.more.disabled) return;
  section.more.disabled = true;
  // Pages come newest first, and the newest are mostly known already: read on until one adds some.
  let ack = null;
  // The activity as it is now: a sync answer may replace it while a page is on its way.
  const known = () => (activityById(section.id) || activity).entries || [];
  for (;;) {
    const before = known().length;
    ack = await actions.ask('questions', { activity_id: activity.id, offset: section.moreOffset || 0 });
    if (!ack || !ack.ok) break;
    const page = ack.entries || [];
    changeActivity(activity.id, (a) => mergeQuestions(a, page));
    section.moreOffset = (ack.offset || 0) + page.length;
    section.noMore = !ack.more;
    if (section.noMore || known().length > before) break;
  }
  section.more.disabled = false;
  showSectionError(section, ack && ack.ok ? '' : (ack ? ack.message || T.error_generic : T.not_reached));
  changed();
}

async function upvote(section, entryId, up, actions) {
  const activity = activityById(section.id);
  if (!activity || section.voting) return;
  section.voting = entryId;
  changed();
  const ack = await actions.ask('upvote', { entry_id: entryId, up });
  section.voting = null;
  if (ack && ack.ok) {
    changeActivity(activity.id, (a) => {
      const entry = (a.entries || []).find((e) => e.id === entryId);
      if (entry) Object.assign(entry, { votes: ack.votes, voted: ack.voted });
    });
    showSectionError(section, '');
  } else {
    showSectionError(section, ack ? ack.message || T.error_generic : T.not_reached);
  }
  changed();
}

export function accepted(activity, item, ack) {
  const held = ack.held !== undefined ? !!ack.held : needsApproval(activity);
  addOwn(activity, item, ack, { held });
  activity.entries = activity.entries || [];
  if (!held && !activity.entries.some((e) => e.id === ack.id)) {
    activity.entries.push({ id: ack.id, text: item.text, votes: 0, voted: false, pinned: false, answered: false });
  }
}
