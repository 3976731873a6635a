// Validate warns, with node and path, where sensitive data (or data computed from it) goes into a URL or a dial target.

import { describe, expect, it } from 'vitest';
import { resolverFromBundle } from '../../../flow-engine/resources';
import { validate } from '../../../flow-engine/validate/index';
import { flow, node, tts } from '../support/build-flow';
import { issuesOf } from './fixtures';

const askCard = node('askCard', 'collect', {
  prompt: tts('Card'),
  variable: 'card',
  minDigits: 16,
  maxDigits: 16,
  sensitive: true,
});
const ends = ['askCard:invalid->bye', 'askCard:noInput->bye'];

describe('sensitive-sent-out', () => {
  it('a card number cut with substring into an HTTP URL and query is flagged at each template', () => {
    const doc = flow(
      [
        askCard,
        node('cut', 'set', { assignments: [{ variable: 'bin', value: 'card.substring(0, 6)' }] }),
        node('lookup', 'http', {
          url: 'https://bins.example.com/{{bin}}',
          query: { full: '{{card}}', lang: '{{call.language}}' },
          json: { pan: 'card' },
        }),
        node('bye', 'hangup'),
      ],
      [
        'start:next->askCard',
        'askCard:ok->cut',
        ...ends,
        'cut:next->lookup',
        'lookup:ok->bye',
        'lookup:error->bye',
        'lookup:timeout->bye',
      ],
      {
        variables: [
          { name: 'card', type: 'string', sensitive: true },
          { name: 'bin', type: 'string' },
        ],
      },
    );
    const issues = issuesOf(validate(doc), 'sensitive-sent-out');
    expect(issues.map((i) => [i.severity, i.nodeId, i.path])).toEqual([
      ['warning', 'lookup', '/nodes/3/config/url'],
      ['warning', 'lookup', '/nodes/3/config/query/full'],
    ]);
    expect(issues[0]!.message).toBe(
      'Node "lookup" puts sensitive data ("bin") into the URL of its request; URLs are written to server and proxy logs; send it in the JSON body instead.',
    );
  });

  it('a transfer to a number taken from a sensitive value inside a subflow is flagged', () => {
    const identify = flow(
      [askCard, node('done', 'play', { prompt: tts('OK') })],
      ['start:next->askCard', 'askCard:ok->done', 'askCard:invalid->done', 'askCard:noInput->done'],
      { id: 'identify', kind: 'subflow', variables: [{ name: 'card', type: 'string', sensitive: true }] },
    );
    const doc = flow(
      [
        node('who', 'subflow', { flow: { ref: 'identify' } }),
        node('desk', 'transfer', { to: 'sip:{{card}}@pbx.example.com' }),
      ],
      ['start:next->who', 'who:next->desk'],
      { variables: [{ name: 'card', type: 'string' }] },
    );
    const issues = issuesOf(
      validate(doc, { resources: resolverFromBundle({ subflows: { identify } }) }),
      'sensitive-sent-out',
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: 'warning', nodeId: 'desk', path: '/nodes/2/config/to' });
    expect(issues[0]!.message).toContain('puts sensitive data ("card") into the number it transfers to');
  });

  it('sending the card in a JSON body is not flagged', () => {
    const doc = flow(
      [
        askCard,
        node('pay', 'http', { method: 'POST', url: 'https://pay.example.com/charge', json: { pan: 'card' } }),
        node('bye', 'hangup'),
      ],
      ['start:next->askCard', 'askCard:ok->pay', ...ends, 'pay:ok->bye', 'pay:error->bye', 'pay:timeout->bye'],
      { variables: [{ name: 'card', type: 'string', sensitive: true }] },
    );
    expect(issuesOf(validate(doc), 'sensitive-sent-out')).toEqual([]);
  });
});
