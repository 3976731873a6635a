// Rule invalid-transfer-target: a transfer dials a phone number or a SIP URI, and the parser the runtime shares.

import { describe, expect, it } from 'vitest';
import { parseTransferTarget } from '../../../flow-engine/nodes/transfer-target';
import { validate } from '../../../flow-engine/validate/index';
import { flow, node } from '../support/build-flow';
import { issuesOf } from './fixtures';

const transferTo = (to: string) =>
  validate(
    flow(
      [{ ...node('sales', 'transfer', { to }), label: 'Sales desk' }, node('x', 'hangup')],
      ['start:next->sales', 'sales:answered->x', 'sales:busy->x', 'sales:noAnswer->x', 'sales:failed->x'],
    ),
  );

describe('transfer targets', () => {
  it.each([
    '+86 10 8888-6666',
    '1000',
    'sip:sales@pbx.example.com',
    'sips:sales@pbx.example.com:5061;transport=tls',
    '{{onDutyNumber}}',
  ])('%s is a valid target', (to) => {
    expect(issuesOf(transferTo(to), 'invalid-transfer-target')).toEqual([]);
  });

  it.each(['sales', 'sip:pbx.example.com', 'tel:+8610', '+86 10 8888 6666 ext 12'])(
    '%s is refused at save, naming the node by its label',
    (to) => {
      const issues = issuesOf(transferTo(to), 'invalid-transfer-target');
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ nodeId: 'sales', path: '/nodes/1/config/to' });
      expect(issues[0]?.message).toContain('Transfer "Sales desk"');
    },
  );

  it('keeps a SIP URI as written and a number as its digits', () => {
    expect(parseTransferTarget(' sip:sales@pbx.example.com ')).toEqual({
      kind: 'sip',
      uri: 'sip:sales@pbx.example.com',
    });
    expect(parseTransferTarget('(010) 8888-6666')).toEqual({ kind: 'number', number: '01088886666' });
  });
});
