// The studio's words for nodes come from the catalogue alone: every engine node type has its title and hint, every
// fixed port its label, in both languages (the engine's English is the CLI's). Default labels of new nodes in the UI
// language: the canvas summaries the engine words (start, queue, survey), and the rule / intent / region names the
// studio generates (`rule1`) until the admin labels them; fixed ports translated, the admin's labels kept.

import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { translatedPortLabel, translatedSummary } from '../../../../app/_components/nodes/node-texts';
import { nodeView } from '../../../../app/_components/nodes/node-view';
import { nodeUi } from '../../../../app/_components/nodes/index';
import { nodeDefinitions, nodeTypes } from '../../../../flow-engine/nodes/index';
import { summaryMessagesEn, summaryText } from '../../../../flow-engine/nodes/summary-messages';
import en from '../../../../messages/en-US.json';
import zh from '../../../../messages/zh-CN.json';

type Translate = Parameters<typeof translatedPortLabel>[1];

function labels(locale: 'en-US' | 'zh-CN') {
  const messages = locale === 'zh-CN' ? zh : en;
  const ports = createTranslator({ locale, messages, namespace: 'editor.ports' }) as unknown as Translate;
  const inspector = createTranslator({ locale, messages, namespace: 'inspector' }) as unknown as Translate;
  return (type: 'condition' | 'speech' | 'region', config?: Record<string, unknown>) =>
    nodeView({
      id: 'n',
      type,
      position: { x: 0, y: 0 },
      config: config ?? nodeUi[type].newConfig(['zh-CN']),
    }).ports.map((p) => translatedPortLabel(p, ports, inspector));
}

/** Every string in a config: the names an admin gives (menu keys, rule, intent and region names) are among them. */
const stringsIn = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : value && typeof value === 'object'
      ? Object.values(value).flatMap(stringsIn)
      : [];

/** The ports a node type has whatever its config: those of a new node that its config does not name. */
function fixedPorts(type: (typeof nodeTypes)[number]): string[] {
  const config = nodeUi[type].newConfig(['en-US']);
  return nodeDefinitions[type]
    .ports(config as never)
    .flatMap((p) => (stringsIn(config).includes(p.name) ? [] : [p.name]));
}

const han = /\p{Script=Han}/u;

describe('the catalogue’s node words', () => {
  it('give every engine node type a title and a hint in both languages, the Chinese ones in Chinese', () => {
    for (const [name, catalogue] of [
      ['en-US', en.editor.nodeTypes],
      ['zh-CN', zh.editor.nodeTypes],
    ] as const) {
      expect(Object.keys(catalogue).sort(), name).toEqual([...nodeTypes].sort());
      for (const type of nodeTypes) {
        const words: Record<string, unknown> = catalogue[type];
        expect(Object.keys(words).sort(), `${name} ${type}`).toEqual(['hint', 'title']);
        for (const text of Object.values(words))
          expect(typeof text === 'string' && text.trim() !== '', `${name} ${type}`).toBe(true);
        if (name === 'zh-CN') expect(`${String(words.title)} ${String(words.hint)}`, type).toMatch(han);
      }
    }
  });

  it('label every fixed port of every node type in both languages, and no other', () => {
    const fixed = [...new Set(nodeTypes.flatMap(fixedPorts))].sort();
    expect(fixed).toContain('noInput');
    expect(Object.keys(en.editor.ports).sort()).toEqual(fixed);
    expect(Object.keys(zh.editor.ports).sort()).toEqual(fixed);
    for (const port of fixed) expect(zh.editor.ports[port as keyof typeof zh.editor.ports], port).toMatch(han);
  });

  it('hold one title per node type: the inspector has no names of its own', () => {
    expect(Object.hasOwn(en.inspector, 'types')).toBe(false);
    expect(Object.hasOwn(zh.inspector, 'types')).toBe(false);
  });
});

describe('labels of new nodes', () => {
  it('name a new condition, speech or region node’s items in Chinese', () => {
    const zhLabels = labels('zh-CN');
    expect(zhLabels('condition')).toEqual(['规则 1', '其他情况']);
    expect(zhLabels('speech')).toEqual(['意图 1', '未匹配', '无输入']);
    expect(zhLabels('region')).toEqual(['地区 1', '其他']);
    expect(labels('en-US')('condition')).toEqual(['Rule 1', 'Else']);
  });

  it('keep what the admin wrote: a label, or a name of their own', () => {
    const zhLabels = labels('zh-CN');
    expect(
      zhLabels('condition', {
        rules: [
          { name: 'rule1', label: 'VIP 客户', when: 'true' },
          { name: 'vip', when: 'true' },
        ],
      }),
    ).toEqual(['VIP 客户', 'vip', '其他情况']);
  });

  it('word the engine’s coded summaries in the UI language, the admin’s own text as written', () => {
    const summaries = (locale: 'en-US' | 'zh-CN') =>
      createTranslator({
        locale,
        messages: locale === 'zh-CN' ? zh : en,
        namespace: 'editor.summaries',
      }) as unknown as Parameters<typeof translatedSummary>[1];
    const view = (type: string, config: Record<string, unknown>) =>
      nodeView({ id: 'n', type, position: { x: 0, y: 0 }, config }).summary;
    const start = view('start', {});
    const queue = view('queue', { skillGroup: { ref: 'after-sales' }, priority: 5 });
    const survey = view('survey', { questions: [{ variable: 'q1', prompt: { tts: { 'zh-CN': '满意吗' } } }] });
    expect(summaryText(start)).toBe('Incoming call');
    expect(translatedSummary(start, summaries('zh-CN'))).toBe('来电');
    expect(translatedSummary(start, summaries('en-US'))).toBe('Incoming call');
    expect(translatedSummary(queue, summaries('zh-CN'))).toBe('after-sales（优先）');
    expect(summaryText(queue)).toBe('after-sales (priority)');
    expect(translatedSummary(queue, summaries('en-US'))).toBe(summaryText(queue));
    expect(translatedSummary(survey, summaries('zh-CN'))).toBe('1 个问题');
    expect(translatedSummary(survey, summaries('en-US'))).toBe('1 question');
    expect(translatedSummary(view('transfer', { to: '10086' }), summaries('zh-CN'))).toBe('10086');
  });

  it('have every summary code in both catalogues, the English word for word the engine’s', () => {
    expect(Object.keys(en.editor.summaries).sort()).toEqual(Object.keys(summaryMessagesEn).sort());
    expect(Object.keys(zh.editor.summaries).sort()).toEqual(Object.keys(summaryMessagesEn).sort());
    for (const [code, text] of Object.entries(summaryMessagesEn))
      expect(en.editor.summaries[code as keyof typeof en.editor.summaries], code).toBe(text);
  });
});
