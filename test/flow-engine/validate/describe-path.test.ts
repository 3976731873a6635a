// Words for JSON pointers in messages.

import { describe, expect, it } from 'vitest';
import { describePath, describeTokens } from '../../../flow-engine/validate/describe-path';

describe('describeTokens', () => {
  it.each([
    [['config', 'options', '1', 'key'], 'option 2 key'],
    [['config', 'prompt', 'tts', 'en-US'], 'prompt text "en-US"'],
    [['config', 'noInputPrompt', 'parts', '0', 'audio', 'zh-CN'], 'no input prompt part 1 audio "zh-CN"'],
    [['config', 'schedule', 'weekly', 'mon', '0', 'from'], 'schedule weekly Monday interval 1 from'],
    [['config', 'headers', 'X-Id'], 'headers "X-Id"'],
    [['mocks', 'http', '1'], 'mocks http "1"'],
  ])('%j reads "%s"', (tokens, words) => {
    expect(describeTokens(tokens)).toBe(words);
  });
});

describe('describePath', () => {
  const doc = { nodes: [{ id: 'mainMenu' }, { type: 'play' }], edges: [{ id: 'e1' }], tests: [{ name: 'VIP' }] };

  it('names the node by id and sets nodeId', () => {
    expect(describePath(doc, '/nodes/0/config/options/1/key')).toEqual({
      subject: 'Node "mainMenu"',
      where: 'option 2 key',
      nodeId: 'mainMenu',
    });
  });

  it('falls back to the position of a node without an id', () => {
    expect(describePath(doc, '/nodes/1/config')).toEqual({ subject: 'Node 2', where: '' });
  });

  it('names edges and tests', () => {
    expect(describePath(doc, '/edges/0/target')).toEqual({ subject: 'Edge "e1"', where: 'target', edgeId: 'e1' });
    expect(describePath(doc, '/tests/0/inputs/2')).toEqual({ subject: 'Test "VIP"', where: 'input 3' });
  });

  it('uses "The flow" for top-level fields', () => {
    expect(describePath(doc, '/defaultLanguage')).toEqual({ subject: 'The flow', where: 'default language' });
  });
});
