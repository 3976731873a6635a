// The English sentence of every validation problem code: the one English text, used by validate() for the
// CLI and logs, and mirrored by the studio's `problems` catalogue section (a test keeps the two in step).
// Parameters named `node`, `start` and `nodes` hold node ids; a renderer may show them as labels instead.

import { RETURN_HINT } from '../compile/build-states';

const item = '{item, select, options {option} rules {rule} intents {intent} other {region}}';
const kind = '{kind, select, text {text} other {audio file}}';
const hours =
  '{day, select, mon {Monday} tue {Tuesday} wed {Wednesday} thu {Thursday} fri {Friday} sat {Saturday} sun {Sunday} other {special day {date}}} hours';
const languages = "is not one of the flow's languages ({languages})";
const credential =
  "without an integration; keep the credential in an integration's secret, which only administrators set";
const loopWayOut = 'route the loop through a menu or other input step';

export const problemMessagesEn = {
  schema: '{detail}',
  'unknown-node-type': '{detail}',
  'node-config': 'Node "{node}": {field}: {detail}.',
  'node-config-named': 'Node "{node}": {detail}.',
  'start-node-missing': 'The flow has no start node; add one where calls enter.',
  'start-node-second': 'Node "{node}" is a second start node; a flow has exactly one ("{start}").',
  'duplicate-node-id': 'Node id "{id}" is used by nodes {first} and {second}; give each node its own id.',
  'duplicate-edge-id': 'Edge id "{edge}" is used by edges {first} and {second}; give each edge its own id.',
  'dangling-edge-source': 'Edge "{edge}" starts at node "{missing}", which does not exist.',
  'dangling-edge-target': 'Edge "{edge}" leads to node "{missing}", which does not exist.',
  'unknown-port': 'Edge "{edge}" leaves node "{node}" by port "{port}", which it does not have; its ports are {ports}.',
  'unknown-port-no-exits': 'Edge "{edge}" leaves node "{node}", which has no exits (a {type} node ends the call).',
  'duplicate-port-edge':
    'Node "{node}": port "{port}" has two edges ("{first}" and "{second}"); a port leads to one next step only.',
  'duplicate-port': `Node "{node}": {what, select, key {key} other {name}} "{value}" is used by ${item} {first} and ${item} {second}; each must be different.`,
  'duplicate-port-builtin': `Node "{node}": ${item} {index} is named "{value}", which is already a built-in port of this node; choose another name.`,
  'unconnected-port': 'Node "{node}": port "{port}" ({portLabel}) is not connected; connect it to the next step.',
  'unconnected-port-subflow': `Node "{node}": port "{port}" ({portLabel}) is not connected; connect it to the next step.${RETURN_HINT}`,
  'unreachable-node': 'Node "{node}" cannot be reached from the start node; connect it or delete it.',
  'logic-loop-self': `Node "{node}" leads back to itself without waiting for the caller, so a call could loop forever; ${loopWayOut}.`,
  'logic-loop': `Nodes {nodes} form a loop without any caller input, so a call could spin forever; ${loopWayOut}.`,
  'idle-loop': `{count, plural, one {Node {nodes} leads back to itself} other {Nodes {nodes} form a loop}} without asking the caller for keys or speech (it only plays, queues, records or calls back), so a call could go round until the guard of {maxSteps} node visits ends it with an error; route the loop through a menu or another input step, or give it a way out.`,
  'duplicate-variable': 'Variable "{variable}" is declared twice (variables {first} and {second}); keep one.',
  'reserved-variable-forbidden':
    'Variable "{variable}" has a name the engine cannot store (__proto__, constructor and prototype are refused); choose another name.',
  'reserved-variable-expression':
    'Variable "{variable}" has a name that expressions keep for themselves (CEL\'s types and words such as int, string, in); choose another name.',
  'reserved-variable-call':
    'Variable "{variable}" has a reserved name: "call" holds the caller, dialed number, language and time; choose another name.',
  'reserved-variable-local':
    'Variable "{variable}" is hidden inside nodes that provide their own "{variable}" (collect checks, HTTP outputs); consider another name.',
  'variable-default-type':
    'Variable "{variable}" is of type {type}, so its default must be {type, select, string {text} number {a number} boolean {true or false} other {an object or list}}.',
  'undeclared-write':
    'Node "{node}" stores into "{variable}", which is not a declared variable; declare it under variables.',
  'expression-syntax': 'Node "{node}": the expression in {field} has an error: {detail}',
  'template-syntax': 'Node "{node}": the template in {field} has an error: {detail}',
  'unknown-variable':
    'Node "{node}": {field} uses "{variable}", which is not a declared variable; declare it under variables or fix the name.',
  'evaluation-too-large': 'Node "{node}": {field} would exceed the limits of every call: {detail}',
  'default-language': `The default language "{language}" ${languages}.`,
  'missing-prompt-language': `Node "{node}": {field} has no ${kind} for {missing}; add one for every language of the flow.`,
  'undeclared-prompt-language': `Node "{node}": {field} has a ${kind} for {language}, which ${languages}.`,
  'missing-recording':
    'Node "{node}": {field} plays recording "{key}", which the prompt audio library has no {language} recording of, so {language} callers hear nothing there; upload it, or type what the recording says so that it is spoken instead.',
  'unknown-language': `Node "{node}" switches to language "{language}", which ${languages}.`,
  'unknown-language-test': `Test "{test}" calls in language "{language}", which ${languages}.`,
  'invalid-time-zone':
    'Node "{node}": "{timezone}" is not a known time zone; use a name such as Asia/Shanghai or Europe/London.',
  'invalid-schedule-empty': `Node "{node}": ${hours} {from}–{to} is empty; the opening and closing times are the same.`,
  'invalid-schedule-overlap': `Node "{node}": ${hours} {from}–{to} overlaps {otherFrom}–{otherTo}; merge them into one interval.`,
  'invalid-schedule-date':
    'Node "{node}": {part, select, holiday {holiday {n} date} holidayEnd {holiday {n} end date} other {special day {n} date}} {date} is not a real date.',
  'invalid-schedule-holiday-order': 'Node "{node}": holiday {n} ends ({until}) before it starts ({date}).',
  'invalid-schedule-special-twice': 'Node "{node}": special days {first} and {second} are both on {date}; keep one.',
  'invalid-schedule-shared':
    'Node "{node}" uses the schedule "{schedule}", which calls cannot read: {detail} (at {at})',
  'invalid-schedule-shared-shape':
    'Node "{node}" uses the schedule "{schedule}", which calls cannot read: it does not have the shape of a schedule.',
  'unknown-resource':
    'Node "{node}" uses the {kind, select, schedule {schedule} skillGroup {skill group} integration {HTTP integration} other {subflow}} "{key}", which is not defined in this environment.',
  // `name` is the transfer node's label, else its id.
  'invalid-transfer-target':
    'Transfer "{name}" dials "{to}", which is neither a phone number (digits, an optional leading +) nor a SIP address such as sip:sales@pbx.example.com.',
  'integration-absolute-url':
    'Node "{node}" uses the integration "{integration}" but its URL is absolute; write a path under the integration\'s base URL, such as {example}.',
  'http-credential-in-url': `Node "{node}" writes a user name or password into its URL ${credential}.`,
  'http-credential-in-header': `Node "{node}" sends the header "{header}" ${credential}.`,
  'http-credential-in-query': `Node "{node}" sends the query parameter "{parameter}" ${credential}.`,
  'subflow-cycle':
    'Node "{node}": subflows call each other in a circle ({chain}), so a call would never come back; break the cycle.',
  'subflow-depth':
    'Node "{node}": subflows call subflows {depth} levels deep ({chain}); a call can run at most {max} levels, so flatten the chain.',
  'invalid-subflow':
    'Node "{node}": subflow "{subflow}" has {count, plural, one {# problem} other {# problems}}, first: {first}',
  'invalid-subflow-nested':
    'Node "{node}": subflow "{subflow}" (called from {calledFrom}) has {count, plural, one {# problem} other {# problems}}, first: {first}',
  'subflow-kind':
    'Node "{node}": "{subflow}" is not marked as a subflow (kind "subflow"), so its ends hang up instead of returning here.',
  'sensitive-variable':
    'Node "{node}" collects sensitive digits into "{variable}", which is not declared sensitive, so the value could show in traces and logs; mark the variable sensitive.',
  'sensitive-sent-out':
    'Node "{node}" puts sensitive data ({variables}) into {target, select, url {the URL of its request; URLs are written to server and proxy logs; send it in the JSON body instead} transfer {the number it transfers to; dialled numbers show in call records and on the far end; dial a fixed number or one from the CRM instead} other {the number it calls back; dialled numbers show in call records and on the far end; dial a fixed number or one from the CRM instead}}.',
  'duplicate-test-name': 'Tests {first} and {second} are both named "{test}"; give each test its own name.',
  'test-unknown-node':
    'Test "{test}": {what, select, visit {expected visit} other {expected end node}} "{id}" is not a node of this flow.',
  'test-unknown-variable': 'Test "{test}" expects variable "{variable}", which is not declared in this flow.',
  'test-unknown-mock-type':
    'Test "{test}": the {table} mock "{key}" names a {type} node; {table} mocks answer {table, select, http {an HTTP request} queue {a queue} transfer {a transfer} callback {a callback} other {a record}} node.',
  'test-unknown-mock':
    'Test "{test}": the {table} mock "{key}" is not {table, select, http {an HTTP request node} queue {a queue node or skill group} transfer {a transfer node} callback {a callback node} other {a record node}} of this flow.',
  'test-contradictory-mock': 'Test "{test}": {detail}.',
  compile: '{detail}',
  'asr-engine': '{detail}',
} as const;

export type ProblemCode = keyof typeof problemMessagesEn;
