// Say-as values as FreeSWITCH's mod_say reads them (issue 14 point 3d): dates and times heard as written, in each language.

import { describe, expect, test } from 'vitest';
import { flow, node } from '../../flow-engine/support/build-flow';
import { testBackends } from '../../app/helpers/test-database';
import { addLine, publish, useTestRuntime } from '../helpers/runtime-harness';

describe.each(testBackends)('runtime on $name: say-as', (backend) => {
  const runtime = useTestRuntime(backend);

  test.each([
    ['en-US', '4008006001'],
    ['zh-CN', '4008006002'],
  ])(
    '%s: a date, a time, a number and digits are heard as written',
    async (language, number) => {
      const document = flow(
        [
          node('read', 'play', {
            prompt: {
              parts: [
                { sayAs: 'date', value: '2026-12-10' },
                { sayAs: 'time', value: '14:30' },
                { sayAs: 'time', value: '2026-12-10T09:05:00+08:00' },
                { sayAs: 'number', value: '42' },
                { sayAs: 'digits', value: '1234' },
              ],
            },
          }),
          node('bye', 'hangup'),
        ],
        ['start:next->read', 'read:next->bye'],
        { id: `say-as-${language}`, languages: [language] },
      );
      await addLine(runtime.database.handle, number, (await publish(runtime.database.handle, document)).flowId);
      const trace = await runtime.harness.dial({ destination: number });
      const said = trace.heard.flatMap((event) => (event.kind === 'play' ? [[event.voice, event.text]] : []));
      const module = language.slice(0, 2);
      expect(said).toEqual([
        [module, '2026-12-10'],
        [module, '14:30'],
        [module, '09:05'],
        [module, '42'],
        [module, '1234'],
      ]);
    },
    60_000,
  );

  test('zh-CN money is spoken in yuan by the zh voice, not read by `say zh currency` (US dollars); en-US money goes to mod_say_en', async () => {
    const money = (language: string) =>
      flow(
        [
          node('read', 'play', {
            prompt: {
              parts: [
                { sayAs: 'currency', value: '12.50' },
                { sayAs: 'currency', value: '3.5', currency: 'USD' },
              ],
            },
          }),
          node('bye', 'hangup'),
        ],
        ['start:next->read', 'read:next->bye'],
        { id: `say-as-money-${language}`, languages: [language] },
      );
    await addLine(
      runtime.database.handle,
      '4008006005',
      (await publish(runtime.database.handle, money('zh-CN'))).flowId,
    );
    await addLine(
      runtime.database.handle,
      '4008006006',
      (await publish(runtime.database.handle, money('en-US'))).flowId,
    );
    const zh = await runtime.harness.dial({ destination: '4008006005' });
    expect(zh.apps.filter((app) => app.app === 'say')).toEqual([]);
    expect(zh.heard.filter((event) => event.kind === 'play')).toEqual([
      { kind: 'play', voice: 'tts_commandline|cmn-latn-pinyin', text: '十二元五角' },
      { kind: 'play', voice: 'tts_commandline|cmn-latn-pinyin', text: '三美元五十美分' },
    ]);
    const en = await runtime.harness.dial({ destination: '4008006006' });
    // One decimal goes out as cents: mod_say_en would read `3.5` as three dollars and five cents.
    expect(en.apps.filter((app) => app.app === 'say').map((app) => app.arg)).toEqual([
      'en currency pronounced 12.50',
      'en currency pronounced 3.50',
    ]);
  }, 60_000);

  // FreeSWITCH has no <language> for fr in the sample configuration: `say fr …` logs and plays nothing (issue 14 suite).
  const frenchFlow = (number: string) =>
    flow(
      [node('read', 'play', { prompt: { parts: [{ sayAs: 'number', value: '42' }] } }), node('bye', 'hangup')],
      ['start:next->read', 'read:next->bye'],
      { id: `say-as-fr-${number}`, languages: ['fr-FR'] },
    );

  test('fr-FR on the sample configuration (en and zh only): the number is not heard, FreeSWITCH logs the missing language', async () => {
    await addLine(
      runtime.database.handle,
      '4008006003',
      (await publish(runtime.database.handle, frenchFlow('4008006003'))).flowId,
    );
    const trace = await runtime.harness.dial({ destination: '4008006003' });
    expect(trace.apps.map((a) => a.arg)).toContain('fr number pronounced 42');
    expect(trace.lines).toContain("Can't find language fr.");
    expect(trace.heard.filter((event) => event.kind === 'play')).toEqual([]);
  }, 60_000);

  test('fr-FR on a FreeSWITCH configured for fr: the number is heard', async () => {
    await addLine(
      runtime.database.handle,
      '4008006004',
      (await publish(runtime.database.handle, frenchFlow('4008006004'))).flowId,
    );
    const trace = await runtime.harness.dial({ destination: '4008006004', sayLanguages: ['en', 'zh', 'fr'] });
    expect(trace.lines).not.toContain("Can't find language fr.");
    expect(trace.heard.filter((event) => event.kind === 'play')).toEqual([{ kind: 'play', voice: 'fr', text: '42' }]);
  }, 60_000);
});
