// Every node type of the engine registry has a real inspector form, and the forms registry names no other type.

import { describe, expect, it } from 'vitest';
import { inspectorForms } from '../../../../app/_components/inspector/inspector-forms';
import { nodeTypes } from '../../../../flow-engine/nodes/index';

describe('inspectorForms', () => {
  it('has a form component for each engine node type and none for unknown types', () => {
    expect(Object.keys(inspectorForms).sort()).toEqual([...nodeTypes].sort());
    for (const type of nodeTypes) expect(typeof inspectorForms[type], type).toBe('function');
  });

  it('gives each node type its own form', () => {
    const forms = new Set(Object.values(inspectorForms));
    expect(forms.size).toBe(nodeTypes.length);
  });
});
