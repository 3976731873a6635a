// parseNodeConfig(): validate() and compile() of the same document parse each node config once.

import { describe, expect, test, vi } from 'vitest';
import { ZodError } from 'zod';
import { parseNodeConfig } from '../../../flow-engine/compile/parsed-config';
import { getNodeDefinition } from '../../../flow-engine/nodes/index';
import type { FlowNode } from '../../../flow-engine/document';

const menuNode = (config: Record<string, unknown>): FlowNode => ({
  id: 'menu',
  type: 'menu',
  position: { x: 0, y: 0 },
  config,
});

describe('parseNodeConfig', () => {
  test('the same config object is parsed once and gives the same parsed value', () => {
    const definition = { ...getNodeDefinition('menu')! };
    const parse = vi.spyOn(definition, 'parseConfig');
    const node = menuNode({ prompt: { tts: { 'en-US': 'Press 1' } }, options: [{ key: '1' }] });
    const first = parseNodeConfig(definition, node);
    const second = parseNodeConfig(definition, node);
    expect(parse).toHaveBeenCalledTimes(1);
    expect(second).toBe(first);
    expect((first as { maxAttempts: number }).maxAttempts).toBe(3);
  });

  test('an equal but new config object is parsed again', () => {
    const definition = { ...getNodeDefinition('menu')! };
    const parse = vi.spyOn(definition, 'parseConfig');
    const config = { prompt: { tts: { 'en-US': 'Press 1' } }, options: [{ key: '1' }] };
    parseNodeConfig(definition, menuNode(config));
    parseNodeConfig(definition, menuNode(structuredClone(config)));
    expect(parse).toHaveBeenCalledTimes(2);
  });

  test('an invalid config throws its ZodError on every call', () => {
    const definition = getNodeDefinition('menu')!;
    const node = menuNode({ prompt: { tts: { 'en-US': 'Press 1' } }, options: [], maxAttempts: 0 });
    expect(() => parseNodeConfig(definition, node)).toThrow(ZodError);
    expect(() => parseNodeConfig(definition, node)).toThrow(ZodError);
  });
});
