// Sticky notes on nodes (`note`): stored in the document, checked only for length, ignored by compile.

import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../../flow-engine/document';
import { validate } from '../../../flow-engine/validate/index';
import { compile } from '../../../flow-engine/compile/index';

const template: FlowDocument = {
  schemaVersion: 1,
  id: 'noted',
  name: 'Noted',
  languages: ['en-US'],
  defaultLanguage: 'en-US',
  variables: [],
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, config: {} },
    { id: 'welcome', type: 'play', position: { x: 0, y: 100 }, config: { prompt: { tts: { 'en-US': 'Hello' } } } },
  ],
  edges: [{ id: 'e1', source: 'start', port: 'next', target: 'welcome' }],
};

function withNote(note: string): FlowDocument {
  return { ...template, nodes: template.nodes.map((n, i) => (i === 1 ? { ...n, note } : n)) };
}

describe('node notes', () => {
  it('a flow whose node carries a note validates exactly as without it', () => {
    const plain = validate(template);
    const noted = validate(withNote('Ask marketing before changing this prompt'));
    expect(noted.valid).toBe(true);
    expect(noted.errors).toEqual(plain.errors);
    expect(noted.warnings).toEqual(plain.warnings);
  });

  it('compiles to the same machine config with or without a note', () => {
    const a = compile(template).config;
    const b = compile(withNote('Reviewed on Monday')).config;
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('a note over 2,000 characters is reported at the note field of its node', () => {
    const result = validate(withNote('x'.repeat(2001)));
    expect(result.valid).toBe(false);
    expect(result.errors.map((e) => e.path)).toContain('/nodes/1/note');
  });
});
