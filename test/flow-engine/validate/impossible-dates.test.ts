// Dates and times that do not exist are refused by validate wherever a call would read them: inline and shared
// schedules, and a test case's call time; what validate accepts, a call (simulated here) can evaluate.

import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../../flow-engine/document';
import { resolverFromBundle } from '../../../flow-engine/resources';
import { checkSchedule, type ScheduleDefinition } from '../../../flow-engine/schedule';
import { simulate } from '../../../flow-engine/simulator';
import { validate } from '../../../flow-engine/validate/index';
import { flow, node } from '../support/build-flow';
import { issuesOf, onlyIssue } from './fixtures';

const office = (
  holidays: { date: string; until?: string }[],
  specialDays: { date: string; hours: [] }[] = [],
): ScheduleDefinition => ({
  timezone: 'Asia/Shanghai',
  weekly: { mon: [{ from: '09:00', to: '18:00' }] },
  holidays,
  specialDays,
});

const hoursFlow = (schedule: { ref: string } | ScheduleDefinition): FlowDocument =>
  flow(
    [node('hours', 'schedule', { schedule }), node('bye', 'hangup')],
    ['start:next->hours', 'hours:open->bye', 'hours:closed->bye', 'hours:holiday->bye'],
  );

describe('a shared schedule a node refers to', () => {
  const withShared = (definition: ScheduleDefinition) =>
    validate(hoursFlow({ ref: 'office' }), { resources: resolverFromBundle({ schedules: { office: definition } }) });

  it.each([
    ['2026-02-31', '/holidays/0/date'],
    ['0000-01-01', '/holidays/0/date'],
  ])('with the holiday %s is refused at the node, naming the schedule and the field', (date, at) => {
    const result = withShared(office([{ date }]));
    const issue = onlyIssue(result, 'invalid-schedule');
    expect(issue).toMatchObject({ severity: 'error', nodeId: 'hours', path: '/nodes/1/config/schedule' });
    expect(issue.message).toBe(
      `Node "hours" uses the schedule "office", which calls cannot read: "${date}" is not a calendar date; write YYYY-MM-DD. (at ${at})`,
    );
    expect(result.valid).toBe(false);
  });

  it('with a special day that does not exist, or a holiday ending before it starts, is refused', () => {
    expect(
      onlyIssue(withShared(office([], [{ date: '2027-02-29', hours: [] }])), 'invalid-schedule').message,
    ).toContain('(at /specialDays/0/date)');
    expect(
      onlyIssue(withShared(office([{ date: '2026-10-07', until: '2026-10-01' }])), 'invalid-schedule').message,
    ).toContain('(at /holidays/0/until)');
  });

  it('that is not a schedule at all is refused rather than crashing validation', () => {
    const issue = onlyIssue(
      withShared({ timezone: 'Asia/Shanghai' } as unknown as ScheduleDefinition),
      'invalid-schedule',
    );
    expect(issue.message).toContain('does not have the shape of a schedule');
  });

  it('with real dates (29 February of a leap year included) passes', () => {
    expect(
      withShared(office([{ date: '2028-02-29', until: '2028-03-01' }], [{ date: '2026-10-10', hours: [] }])),
    ).toEqual({ valid: true, errors: [], warnings: [] });
  });
});

describe('inline schedules and the evaluator agree on every date', () => {
  it.each([
    '2026-02-31',
    '0000-01-01',
    '0001-01-01',
    '0099-12-31',
    '1900-02-29',
    '2000-02-29',
    '2026-02-29',
    '2028-02-29',
    '9999-12-31',
  ])('%s', (date) => {
    const refusedByValidate = issuesOf(validate(hoursFlow(office([{ date }]))), 'invalid-schedule').length > 0;
    const refusedByEvaluator = checkSchedule(office([{ date }])) !== null;
    expect(refusedByValidate).toBe(refusedByEvaluator);
  });
});

describe("a test case's call time", () => {
  const withCallAt = (at: string): FlowDocument => ({
    ...hoursFlow(office([])),
    tests: [{ name: 'at', call: { at }, expect: { end: 'bye' } }],
  });

  it.each(['0000-01-01T10:00:00Z', '2026-11-23T23:59:60Z', '2026-02-31T10:00:00+08:00'])(
    '%s is refused at the field',
    (at) => {
      const issue = onlyIssue(validate(withCallAt(at)), 'schema');
      expect(issue.path).toBe('/tests/0/call/at');
      expect(issue.message).toContain('must be a date and time such as 2026-11-23T10:00:00+08:00');
    },
  );

  it.each(['2026-11-23T10:00:00+08:00', '2028-02-29T23:59:59Z', '0001-01-01T00:00:00Z', '9999-12-31T23:59:59-12:00'])(
    '%s validates, and a simulated call at that time runs to its end',
    async (at) => {
      const doc = withCallAt(at);
      expect(validate(doc).valid).toBe(true);
      const trace = await simulate(doc, doc.tests![0]!);
      expect(trace.end).toMatchObject({ node: 'bye', reason: 'hangup' });
    },
  );
});
