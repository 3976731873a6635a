// The review as lines of words: nodes named by label (the id only where two labels collide), ports and fields in
// the reader's words, and the English text of `callflow diff`.

import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../../flow-engine/document';
import {
  diffCallerExperience,
  englishReviewWords,
  formatCallerExperience,
  reviewLines,
  reviewNodes,
} from '../../../flow-engine/diff';

const at = { x: 0, y: 0 };

function flow(key1: string): FlowDocument {
  return {
    schemaVersion: 1,
    id: 'f',
    name: 'F',
    languages: ['zh-CN'],
    defaultLanguage: 'zh-CN',
    variables: [],
    nodes: [
      { id: 'start', type: 'start', position: at, config: {} },
      {
        id: 'menu_vtbcvy',
        type: 'menu',
        label: '主菜单',
        position: at,
        config: { prompt: { tts: { 'zh-CN': '请按键' } }, options: [{ key: '1' }] },
      },
      { id: 'agent_a', type: 'transfer', label: '转人工', position: at, config: { to: '10086' } },
      { id: 'agent_b', type: 'transfer', label: '转人工', position: at, config: { to: '10010' } },
    ],
    edges: [
      { id: 'e1', source: 'start', port: 'next', target: 'menu_vtbcvy' },
      { id: 'e2', source: 'menu_vtbcvy', port: '1', target: key1 },
      { id: 'e3', source: 'menu_vtbcvy', port: 'noInput', target: 'agent_a' },
    ],
  };
}

describe('reviewLines', () => {
  it('names nodes by label, with the id only where two nodes share a label', () => {
    const before = flow('agent_a');
    const after = flow('agent_b');
    const review = diffCallerExperience(before, after);
    const words = englishReviewWords(reviewNodes(before, after));
    expect(reviewLines(review, words).map((l) => `${l.section} ${l.change} ${l.text}`)).toEqual([
      'ports changed 主菜单 key 1: leads to 转人工 (agent_b) instead of 转人工 (agent_a)',
      'keyPaths changed 转人工 (agent_a) (transfer): reached by 主菜单 noInput (was 主菜单 1)',
      'keyPaths added 转人工 (agent_b) (transfer): can now be reached by 主菜单 1',
    ]);
    expect(formatCallerExperience(review, words).split('\n')[0]).toBe(
      'Changes a caller would notice (3), in nodes: 主菜单, 转人工 (agent_a), 转人工 (agent_b)',
    );
  });

  it('tells fixed ports and fields in the words it is given', () => {
    const before = flow('agent_a');
    const after = structuredClone(before);
    after.edges[2] = { ...after.edges[2]!, target: 'agent_b' };
    (after.nodes[2]!.config as { to: string }).to = '10000';
    const words = {
      ...englishReviewWords(reviewNodes(before, after)),
      portName: (p: string) => (p === 'noInput' ? '无输入' : undefined),
      fieldName: (t: readonly string[]) => t.join('/'),
    };
    const texts = reviewLines(diffCallerExperience(before, after), words).map((l) => l.text);
    expect(texts).toContain('主菜单 port 无输入: leads to 转人工 (agent_b) instead of 转人工 (agent_a)');
    expect(texts).toContain('转人工 (agent_a) to: "10086" → "10000"');
  });
});
