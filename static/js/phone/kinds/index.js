// The phone's activity kinds, chosen by `activity.kind`. Each module exports:
// fresh(activity) -> first fields of an activity only known from activity_state,
// build(section, activity, actions) -> the nodes of its body, update(section, activity, pending),
// accepted(activity, item, ack) -> record an outbox item the server took,
// and optionally target(section, item), tableRemaining. An activity's content comes with
// `sync_activity` when it opens (main.js), whatever its kind.
import * as priorities from './priorities.js';
import * as questions from './questions.js';
import * as statements from './statements.js';
import * as task from './task.js';
import * as words from './words.js';

const KINDS = { words, statements, task, priorities, questions };

/** The module of an activity's kind (an unknown kind is answered like statements). */
export function kindOf(activity) {
  return KINDS[activity.kind] || statements;
}
