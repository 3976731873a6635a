// Content checks: expressions, templates, variables, languages and prompts, inline schedules, sensitive input.

import { describe, expect, it } from 'vitest';
import { validate } from '../../../flow-engine/validate/index';
import { issuesOf, loadFlow, onlyIssue } from './fixtures';
import { flow, node } from '../support/build-flow';

const everyNodeType = validate(loadFlow('good', 'every-node-type'));

const contentRules = [
  'expression-syntax',
  'template-syntax',
  'unknown-variable',
  'undeclared-write',
  'duplicate-variable',
  'variable-default-type',
  'reserved-variable',
  'default-language',
  'unknown-language',
  'missing-prompt-language',
  'undeclared-prompt-language',
  'invalid-time-zone',
  'invalid-schedule',
  'sensitive-variable',
  'node-config',
];

describe('content rules on a good flow', () => {
  it.each(contentRules)('good/every-node-type has no %s issue', (rule) => {
    expect(issuesOf(everyNodeType, rule)).toEqual([]);
  });

  it('good/every-node-type has no warnings at all', () => {
    expect(everyNodeType.warnings).toEqual([]);
  });
});

describe('expressions and templates', () => {
  it('a cut-off expression is reported with its column', () => {
    const issue = onlyIssue(validate(loadFlow('bad', 'expression-syntax-error')), 'expression-syntax');
    expect(issue).toMatchObject({ nodeId: 'isVip', path: '/nodes/1/config/rules/0/when' });
    expect(issue.message).toMatch(/^Node "isVip": the expression in rule 1 when has an error: .*column 9/);
  });

  it('an unclosed {{ in a prompt is reported with its column', () => {
    const issue = onlyIssue(validate(loadFlow('bad', 'template-syntax-error')), 'template-syntax');
    expect(issue).toMatchObject({ nodeId: 'welcome', path: '/nodes/1/config/prompt/tts/en-US' });
    expect(issue.message).toMatch(/the template in prompt text "en-US" has an error: .*column 12/);
  });

  it('a misspelt variable in a rule is unknown', () => {
    const issue = onlyIssue(validate(loadFlow('bad', 'unknown-variable-in-expression')), 'unknown-variable');
    expect(issue).toMatchObject({ nodeId: 'isVip', path: '/nodes/1/config/rules/0/when' });
    expect(issue.message).toContain('uses "tire", which is not a declared variable');
  });

  it('an undeclared variable in a prompt template is unknown', () => {
    const issue = onlyIssue(validate(loadFlow('bad', 'unknown-variable-in-template')), 'unknown-variable');
    expect(issue).toMatchObject({ nodeId: 'welcome', path: '/nodes/1/config/prompt/tts/en-US' });
    expect(issue.message).toContain('uses "orderNumber"');
  });

  it('node locals (value in a collect check, response in HTTP outputs) and call are known', () => {
    // every-node-type uses value.startsWith(…), response.body.tier and {{call.caller}}.
    expect(issuesOf(everyNodeType, 'unknown-variable')).toEqual([]);
  });
});

describe('variables', () => {
  it('storing into an undeclared variable is refused at the assignment', () => {
    const issue = onlyIssue(validate(loadFlow('bad', 'write-to-undeclared-variable')), 'undeclared-write');
    expect(issue).toMatchObject({ nodeId: 'remember', path: '/nodes/1/config/assignments/0/variable' });
    expect(issue.message).toContain('stores into "visited", which is not a declared variable');
  });

  it('a variable declared twice is reported at the second declaration', () => {
    const issue = onlyIssue(validate(loadFlow('bad', 'duplicate-variable')), 'duplicate-variable');
    expect(issue.path).toBe('/variables/1/name');
    expect(issue.message).toContain('"tier" is declared twice (variables 1 and 2)');
  });

  it('a number variable with a text default is refused', () => {
    const issue = onlyIssue(validate(loadFlow('bad', 'variable-default-wrong-type')), 'variable-default-type');
    expect(issue.path).toBe('/variables/0/default');
    expect(issue.message).toBe('Variable "attempts" is of type number, so its default must be a number.');
  });

  it('a variable named call is refused', () => {
    const issue = onlyIssue(validate(loadFlow('bad', 'variable-named-call')), 'reserved-variable');
    expect(issue).toMatchObject({ severity: 'error', path: '/variables/0/name' });
    expect(issue.message).toContain('reserved name');
  });

  it.each(['__proto__', 'constructor', 'prototype'])(
    'a variable named %s is refused instead of vanishing from the call',
    (name) => {
      const doc = flow(
        [node('set', 'set', { assignments: [{ variable: 'tier', value: '"vip"' }] })],
        ['start:next->set'],
        {
          variables: [
            { name, type: 'string' },
            { name: 'tier', type: 'string' },
          ],
        },
      );
      const issue = onlyIssue(validate(doc), 'reserved-variable');
      expect(issue).toMatchObject({ severity: 'error', path: '/variables/0/name' });
      expect(issue.message).toBe(
        `Variable "${name}" has a name the engine cannot store (__proto__, constructor and prototype are refused); choose another name.`,
      );
    },
  );

  it('a variable named after a CEL type (string) is refused', () => {
    const doc = flow([], ['start:next->start'], { variables: [{ name: 'string', type: 'string' }] });
    const issue = issuesOf(validate(doc), 'reserved-variable')[0]!;
    expect(issue).toMatchObject({ severity: 'error', path: '/variables/0/name' });
    expect(issue.message).toContain('expressions keep for themselves');
  });
});

describe('languages and prompts', () => {
  it('a default language outside the languages list is refused', () => {
    const issue = onlyIssue(validate(loadFlow('bad', 'default-language-not-declared')), 'default-language');
    expect(issue.path).toBe('/defaultLanguage');
    expect(issue.message).toContain('"zh-CN" is not one of the flow\'s languages (en-US)');
  });

  it('prompts missing a declared language are reported per text map and per audio part', () => {
    const result = validate(loadFlow('bad', 'prompt-missing-language'));
    const issues = issuesOf(result, 'missing-prompt-language');
    expect(issues.map((i) => [i.nodeId, i.path])).toEqual([
      ['welcome', '/nodes/1/config/prompt/tts'],
      ['goodbye', '/nodes/2/config/prompt/parts/2/audio'],
    ]);
    expect(issues[0]!.message).toContain('prompt has no text for en-US');
    expect(issues[1]!.message).toContain('prompt part 3 has no audio file for en-US');
  });

  it('switching to an undeclared language is refused', () => {
    const issue = onlyIssue(validate(loadFlow('bad', 'set-unknown-language')), 'unknown-language');
    expect(issue).toMatchObject({ nodeId: 'toEnglish', path: '/nodes/1/config/language' });
    expect(issue.message).toContain('"fr-FR"');
  });

  it('a prompt in a language the flow does not declare is a warning', () => {
    const doc = loadFlow('good', 'minimal');
    const welcome = (doc.nodes as { config: { prompt: { tts: Record<string, string> } } }[])[1]!;
    welcome.config.prompt.tts['de-DE'] = 'Willkommen';
    const result = validate(doc);
    const issue = onlyIssue(result, 'undeclared-prompt-language');
    expect(issue).toMatchObject({ severity: 'warning', nodeId: 'welcome', path: '/nodes/1/config/prompt/tts/de-DE' });
    expect(result.valid).toBe(true);
  });
});

describe('inline schedules', () => {
  it('an unknown time zone is refused at the timezone field', () => {
    const issue = onlyIssue(validate(loadFlow('bad', 'schedule-invalid-time-zone')), 'invalid-time-zone');
    expect(issue).toMatchObject({ nodeId: 'hours', path: '/nodes/1/config/schedule/timezone' });
    expect(issue.message).toContain('"Asia/Peking" is not a known time zone');
  });

  it('overlapping and empty intervals, reversed holidays and impossible dates are each reported', () => {
    const issues = issuesOf(validate(loadFlow('bad', 'schedule-malformed-hours')), 'invalid-schedule');
    expect(issues.map((i) => i.path)).toEqual([
      '/nodes/1/config/schedule/weekly/mon/1',
      '/nodes/1/config/schedule/weekly/tue/0',
      '/nodes/1/config/schedule/holidays/0/until',
      '/nodes/1/config/schedule/holidays/1/date',
    ]);
    expect(issues[0]!.message).toContain('Monday hours 11:00–18:00 overlaps 09:00–12:00');
    expect(issues[1]!.message).toContain('09:00–09:00 is empty');
    expect(issues[2]!.message).toContain('ends (2026-10-01) before it starts (2026-10-07)');
    expect(issues[3]!.message).toContain('2026-02-30 is not a real date');
  });

  it('an interval running past midnight (22:00–02:00) is fine', () => {
    // every-node-type has Saturday 22:00–02:00.
    expect(issuesOf(everyNodeType, 'invalid-schedule')).toEqual([]);
  });
});

describe('sensitive input', () => {
  it('sensitive digits stored in a plain variable give a warning, not an error', () => {
    const result = validate(loadFlow('bad', 'sensitive-collect-into-plain-variable'));
    const issue = onlyIssue(result, 'sensitive-variable');
    expect(issue).toMatchObject({ severity: 'warning', nodeId: 'card', path: '/nodes/1/config/variable' });
    expect(issue.message).toContain('mark the variable sensitive');
    expect(result.valid).toBe(true);
  });
});

describe('node-config', () => {
  it('minDigits above maxDigits (beyond the JSON Schema) points at minDigits', () => {
    const issue = onlyIssue(validate(loadFlow('bad', 'collect-min-above-max')), 'node-config');
    expect(issue).toMatchObject({ nodeId: 'askOrder', path: '/nodes/1/config/minDigits' });
    expect(issue.message).toBe('Node "askOrder": minDigits must not exceed maxDigits.');
  });
});
