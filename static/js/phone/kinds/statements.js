// `statements`: a table writes a few statements together; everyone at it sees them.
import { el } from '../../shared/dom.js';
import { count, newestFirst } from '../../shared/text.js';
import { addOwn, applyLimit, buildAnswerForm, withdrawButton } from '../answer-form.js';
import { T } from '../page.js';
import { pendingItem } from '../sections.js';

/** The statements a table may write, as far as the server told us. */
const perTable = (activity) =>
  (activity.limits && activity.limits.per_table) ?? (activity.options && activity.options.per_table) ?? null;

export function fresh(activity) {
  return { remaining: perTable(activity) };
}

export function build(section, activity, actions) {
  return buildAnswerForm(section, activity, actions, {
    oneLine: false, label: T.statement_label, placeholder: T.statement_placeholder,
    listTitle: T.table_statements, listClass: 'statements',
  });
}

export function update(section, activity, pending) {
  applyLimit(section, activity);
  const quota = perTable(activity);
  const hasQuota = quota !== null;
  const remaining = activity.remaining;
  const left = hasQuota && remaining !== null && remaining !== undefined ? Math.max(0, remaining - pending.length) : null;
  section.form.hidden = left === 0;
  section.done.hidden = remaining !== 0;
  section.done.textContent = T.statements_done;
  section.note.hidden = !hasQuota || left === null || remaining === 0;
  section.note.textContent = count(T, 'statements_left', { n: left, total: quota });
  const ownIds = new Set((activity.own_entries || []).map((e) => e.id));
  const entries = (activity.table_entries || []).filter((e) => !e.hidden).sort(newestFirst);
  section.list.replaceChildren(
    ...pending.slice().reverse().map((item) => pendingItem(item, 'statement')),
    ...entries.map((entry) => el('li', { class: `statement${ownIds.has(entry.id) ? ' is-mine' : ''}` },
      el('span', { class: 'item__text' }, entry.text),
      ownIds.has(entry.id) ? el('span', { class: 'tag tag--ok' }, `${T.mine} · ${T.sent}`) : null,
      ownIds.has(entry.id) ? withdrawButton(section, entry) : null)),
  );
  if (!pending.length && !entries.length) {
    section.list.append(el('li', { class: 'statements__empty' }, T.no_statements));
  }
}

export function accepted(activity, item, ack) {
  if (ack.remaining !== undefined) activity.remaining = ack.remaining;
  addOwn(activity, item, ack);
  activity.table_entries = activity.table_entries || [];
  if (!activity.table_entries.some((e) => e.id === ack.id)) {
    activity.table_entries.push({ id: ack.id, text: item.text, created_at: new Date().toISOString() });
  }
}

/** A table_update's `remaining` is the table's quota, which is this kind's. */
export const tableRemaining = true;
