// Simulator transcript lines in the UI language: "排队 after-sales（优先级 0）→ 0 秒后已接听", not the engine's English;
// the studio's English is the engine's (CLI) text, and both catalogues know every line code.

import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { translatedPortLabel } from '../../../../app/_components/nodes/node-texts';
import { transcriptLineText } from '../../../../flow-engine/simulator/localized-transcript-text';
import type { FlowDocument } from '../../../../flow-engine/document';
import { simulate } from '../../../../flow-engine/simulator/index';
import { transcriptMessagesEn } from '../../../../flow-engine/simulator/transcript-messages-en';
import en from '../../../../messages/en-US.json';
import zh from '../../../../messages/zh-CN.json';

type Locale = 'en-US' | 'zh-CN';
type LineT = Parameters<typeof transcriptLineText>[1];
type PortT = Parameters<typeof translatedPortLabel>[1];

function render(locale: Locale) {
  const messages = locale === 'zh-CN' ? zh : en;
  const t = createTranslator({ locale, messages, namespace: 'transcriptLines' }) as unknown as LineT;
  const ports = createTranslator({ locale, messages, namespace: 'editor.ports' }) as unknown as PortT;
  const inspector = createTranslator({ locale, messages, namespace: 'inspector' }) as unknown as PortT;
  const portName = (port: string) => {
    const shown = translatedPortLabel({ name: port, label: port }, ports, inspector);
    return shown === port ? undefined : shown;
  };
  return (line: Parameters<typeof transcriptLineText>[0]) => transcriptLineText(line, t, portName);
}

const flow: FlowDocument = {
  schemaVersion: 1,
  id: 'after-sales',
  name: 'After-sales',
  languages: ['zh-CN'],
  defaultLanguage: 'zh-CN',
  variables: [],
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, config: {} },
    {
      id: 'menu_vtbcvy',
      type: 'menu',
      label: '主菜单',
      position: { x: 0, y: 100 },
      config: { prompt: { tts: { 'zh-CN': '售后请按 1' } }, options: [{ key: '1' }] },
    },
    {
      id: 'q',
      type: 'queue',
      label: '售后队列',
      position: { x: 0, y: 200 },
      config: { skillGroup: { ref: 'after-sales' } },
    },
    { id: 'bye', type: 'hangup', position: { x: 0, y: 300 }, config: {} },
  ],
  edges: [
    { id: 'e1', source: 'start', port: 'next', target: 'menu_vtbcvy' },
    { id: 'e2', source: 'menu_vtbcvy', port: '1', target: 'q' },
    { id: 'e3', source: 'menu_vtbcvy', port: 'noInput', target: 'bye' },
    { id: 'e4', source: 'menu_vtbcvy', port: 'invalid', target: 'bye' },
    { id: 'e5', source: 'q', port: 'noAgents', target: 'bye' },
    { id: 'e6', source: 'q', port: 'overflow', target: 'bye' },
    { id: 'e7', source: 'q', port: 'callback', target: 'bye' },
  ],
} as unknown as FlowDocument;

describe('transcript lines', () => {
  it('read in Chinese for a zh-CN admin, outcomes by their port names', async () => {
    const trace = await simulate(flow, { inputs: ['1'] });
    const zhLines = trace.transcript.filter((l) => l.kind !== 'played').map(render('zh-CN'));
    expect(zhLines).toEqual(['1', '排队 after-sales（优先级 0）→ 0 秒后已接听']);
    const silent = await simulate(flow, { inputs: [''] });
    expect(silent.transcript.filter((l) => l.kind === 'heard').map(render('zh-CN'))[0]).toBe('（静默）');
  });

  it('read in English as the engine writes them for the CLI, the outcome by its port name', async () => {
    const trace = await simulate(flow, { inputs: ['1'] });
    const events = trace.transcript.filter((l) => l.kind !== 'played');
    expect(events.map((l) => l.text)).toEqual(['1', 'queue after-sales (priority 0) → answered after 0 s']);
    expect(events.map(render('en-US'))).toEqual(['1', 'queue after-sales (priority 0) → Answered after 0 s']);
  });

  it('have a message for every line code in both catalogues, the English one the engine text', () => {
    for (const code of Object.keys(transcriptMessagesEn) as (keyof typeof transcriptMessagesEn)[]) {
      expect(en.transcriptLines[code], code).toBe(transcriptMessagesEn[code]);
      expect(zh.transcriptLines[code], code).toBeDefined();
    }
    expect(Object.keys(zh.transcriptLines).sort()).toEqual(Object.keys(transcriptMessagesEn).sort());
  });
});
