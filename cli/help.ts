// Help texts for `callflow --help` and `callflow COMMAND --help` (kept apart so help loads no engine code).

import { adminHelp } from './commands/admin-help';

export type CommandName = 'validate' | 'simulate' | 'test' | 'compile' | 'diff' | 'dial' | 'runtime' | 'admin';

const exitCodes = `Exit codes:
  0  success: every flow valid, every test passed
  1  a flow is invalid or a test case failed (simulate/test/compile refuse an invalid flow)
  2  the command line or an input file is wrong: unknown command or option, missing file,
     not a regular file or over 16 MiB, not UTF-8, invalid JSON or nested over 100 deep,
     malformed --at, a mocks or resources file that does not fit or contradicts itself
  3  an unexpected internal error (a bug): one line with an error id; add --debug
     (to any command) to print the stack`;

const resourcesNote = `Resources: --resources FILE names a JSON file with "schedules", "skillGroups", "integrations"
and "subflows" (key -> flow file path, relative to the resources file). Without --resources,
<flow file dir>/resources/resources.json is used when it exists.`;

const dialHelp = `Usage: callflow dial NUMBER --runtime HOST:PORT [--caller N] [--input DIGITS]... [--say TEXT]...
                     [--hangup] [--json]

Smoke test of a deployed runtime: plays FreeSWITCH's part (the ESL simulator) and places one call
to NUMBER into the runtime's outbound socket, then prints what the caller heard and keyed, the
path through the flow and how the call ended. Inputs answer input attempts in order, as in simulate.

Options:
  --runtime HOST:PORT  the runtime's outbound socket (CALLFLOW_RUNTIME_LISTEN, default 127.0.0.1:8084)
  --caller N           the caller's number (default 1001)
  --input DIGITS       keys pressed at the next input attempt; "" for silence (repeatable)
  --say TEXT           words spoken at the next input attempt (repeatable; the simulator has ASR)
  --hangup             the caller hangs up at the next input attempt
  --json               print the simulator's trace object
  -h, --help           show this help

Exit codes: 0 the call ran; 1 no runtime answered; 2 the command line is wrong.
`;

export const commandHelp: Record<CommandName, string> = {
  dial: dialHelp,
  runtime: `Usage: callflow runtime

Runs the FreeSWITCH runtime in this process (the same as npm run runtime) until SIGTERM or SIGINT, which
drain the calls in progress. Settings come from environment variables (CALLFLOW_RUNTIME_LISTEN,
DATABASE_URL, CALLFLOW_TTS_VOICES, …; see README, "The FreeSWITCH runtime"); a bad value stops it with
one line per problem (exit 1).
`,
  validate: `Usage: callflow validate FILE... [--resources FILE] [--json] [--lang en|zh-CN]

Checks flow files against the schema and the semantic rules and lists every issue
with its node id, JSON path and message.

Options:
  --resources FILE  resolve shared resources (schedules, skill groups, subflows) from FILE
  --json            print [{ "file", "valid", "errors", "warnings" }] instead of text
  --lang L          output language: en (default; nodes by id) or zh-CN (nodes by label)
  -h, --help        show this help

${resourcesNote}

${exitCodes}
`,
  simulate: `Usage: callflow simulate FILE [--caller N] [--dialed N] [--at ISO8601] [--lang L]
                        [--input DIGITS]... [--say TEXT]... [--hangup]
                        [--mock MOCKS.json] [--resources FILE] [--json] [--output-lang L]

Runs one simulated call through the flow and prints what the caller heard, the path and how
the call ended. Caller inputs are used in the order given: each --input (keys 0-9 * #;
--input "" is silence), --say (speech) and --hangup answers the next input attempt. When
the inputs run out at an input attempt, the caller hangs up.

Options:
  --caller N        the caller's number, e.g. +8613800138000
  --dialed N        the number dialled, e.g. 4008001234
  --at ISO8601      when the call happens, with an offset, e.g. 2026-11-23T10:00:00+08:00
  --lang L          the call's language; one of the flow's languages
  --input DIGITS    keys pressed at the next input attempt; "" for silence (repeatable)
  --say TEXT        words spoken at the next input attempt (repeatable)
  --hangup          the caller hangs up at the next input attempt
  --mock FILE       a JSON file holding the "mocks" object of a test case (http, queue,
                    transfer, callback, record answers keyed by node id)
  --resources FILE  see below
  --json            print the trace object: { path, steps, end, vars, transcript }
  --output-lang L   output language: en (default; nodes by id) or zh-CN (nodes by label);
                    --lang is the call's language
  -h, --help        show this help

${resourcesNote}

${exitCodes}
`,
  test: `Usage: callflow test FILE... [--resources FILE] [--json]

Runs the test cases stored in each flow's "tests" and prints pass/fail per case with the
reasons, then node, edge and exit (node.port) coverage with the ids no test reached.

Options:
  --resources FILE  see below
  --json            print [{ "file", "flow", "cases", "passed", "failed", "coverage" }]
  -h, --help        show this help

${resourcesNote}

${exitCodes}
`,
  admin: adminHelp,
  compile: `Usage: callflow compile FILE [--resources FILE]

Prints the XState machine config that the flow compiles to, as JSON.

Options:
  --resources FILE  see below
  -h, --help        show this help

${resourcesNote}

${exitCodes}
`,
  diff: `Usage: callflow diff BEFORE.json AFTER.json [--json] [--lang en|zh-CN]

Reviews what a caller would notice between two versions of a flow (e.g. a flow file kept in
git and its edited copy): nodes added or removed, menu keys and other ports that lead
elsewhere, destinations reached by other keys or no longer reachable, prompts per language
(text or audio), routing targets (queues and skill groups, transfer targets, callback
numbers), schedules (reference or inline hours and holidays) and HTTP steps (integration,
method, URL). Nodes are matched by id; each change names the nodes involved by label (with the
id where two labels collide). Moving nodes,
labels and test cases are not caller changes. Drafts that do not validate can be compared.

Options:
  --json            print the review object: { identical, nodes, languages, ports, keyPaths,
                    prompts, routing, schedules, integrations, highlight }
  --lang L          output language: en (default) or zh-CN
  -h, --help        show this help

Exit codes:
  0  the review was printed (whether or not anything changed)
  2  the command line or an input file is wrong: not two files, missing file, invalid JSON,
     not a flow document
  3  an unexpected internal error (a bug); --debug prints the stack
`,
};

export const mainHelp = `callflow: validate, simulate, test, compile and diff call flows from the command line.

Usage: callflow COMMAND [options]

Commands:
  validate FILE...   check flows; list every issue with node id, JSON path and message
  simulate FILE      run one call with the given caller, time, inputs and mocks
  test FILE...       run each flow's test cases and report node/edge/exit coverage
  compile FILE       print the XState machine config as JSON
  diff A.json B.json review what a caller would notice between two versions of a flow
  dial NUMBER        place a test call into a running runtime (--runtime HOST:PORT)
  runtime            run the FreeSWITCH runtime (settings from the environment)
  admin reset-password EMAIL   set a new password for a user (e.g. a lost admin password)
  help [COMMAND]     show help for a command

Options:
  -h, --help         show this help
  --version          print the version
  --debug            with any command: print the stack of an unexpected error

Examples:
  callflow validate flows/*.json
  callflow simulate flows/hotline.json --caller +8613800138000 --at 2026-11-23T10:00:00+08:00 --input 1 --say billing
  callflow test flows/hotline.json --json
  git show HEAD~1:flows/hotline.json > old.json && callflow diff old.json flows/hotline.json

${exitCodes}
`;

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(commandHelp, name);
}
