// Default labels of new nodes in the UI language: the start node's summary, and the rule / intent / region names
// the studio generates (`rule1`) until the admin labels them; fixed ports translated, the admin's labels kept.

import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { translatedPortLabel, translatedSummary } from '../../../../app/_components/editor/canvas/node-texts';
import { nodeView } from '../../../../app/_components/nodes/node-view';
import { nodeUi } from '../../../../app/_components/nodes/index';
import en from '../../../../messages/en-US.json';
import zh from '../../../../messages/zh-CN.json';

type Translate = Parameters<typeof translatedPortLabel>[1];

function labels(locale: 'en-US' | 'zh-CN') {
  const messages = locale === 'zh-CN' ? zh : en;
  const ports = createTranslator({ locale, messages, namespace: 'editor.ports' }) as unknown as Translate;
  const inspector = createTranslator({ locale, messages, namespace: 'inspector' }) as unknown as Translate;
  return (type: 'condition' | 'speech' | 'region', config?: Record<string, unknown>) =>
    nodeView({ id: 'n', type, position: { x: 0, y: 0 }, config: config ?? nodeUi[type].newConfig(['zh-CN']) }).ports.map((p) => translatedPortLabel(p, ports, inspector));
}

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
    expect(zhLabels('condition', { rules: [{ name: 'rule1', label: 'VIP 客户', when: 'true' }, { name: 'vip', when: 'true' }] })).toEqual(['VIP 客户', 'vip', '其他情况']);
  });

  it('give the start node its summary in the UI language, other summaries as written', () => {
    const nodeTypes = (locale: 'en-US' | 'zh-CN') =>
      createTranslator({ locale, messages: locale === 'zh-CN' ? zh : en, namespace: 'editor.nodeTypes' }) as unknown as Translate;
    const start = nodeView({ id: 'start', type: 'start', position: { x: 0, y: 0 }, config: {} }).summary;
    expect(start).toBe('Incoming call');
    expect(translatedSummary('start', start, nodeTypes('zh-CN'))).toBe('来电');
    expect(translatedSummary('start', start, nodeTypes('en-US'))).toBe('Incoming call');
    expect(translatedSummary('transfer', '10086', nodeTypes('zh-CN'))).toBe('10086');
  });
});
