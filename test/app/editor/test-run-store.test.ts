// The test-run store: a run reports per case and paints coverage; a failing case's diff goes on the testDiff layer.

import { describe, expect, it } from 'vitest';
import { createEditorStore } from '../../../app/_components/editor/store/create-editor-store';
import { createTestRunStore } from '../../../app/_components/editor/tests/test-run-store';
import { flow, node, tts } from '../../flow-engine/support/build-flow';

const doc = {
  ...flow(
    [
      node('menu', 'menu', {
        prompt: tts('1 sales, 2 support'),
        options: [{ key: '1' }, { key: '2' }],
        maxAttempts: 1,
      }),
      node('sales', 'hangup', { prompt: tts('Sales') }),
      node('support', 'hangup', { prompt: tts('Support') }),
    ],
    ['start:next->menu', 'menu:1->sales', 'menu:2->support'],
  ),
  tests: [
    { name: 'sales', inputs: ['1'], expect: { end: 'sales' } },
    { name: 'wrong', inputs: ['2'], expect: { visits: ['menu', 'sales'] } },
  ],
};

describe('test-run store', () => {
  it('runs the draft, paints what no test reached, and paints a failing case’s diff on demand', async () => {
    const editor = createEditorStore({ flowId: 'f', doc, revision: 1 });
    const run = createTestRunStore(editor);
    const report = await run.getState().run();
    expect(report?.cases.map((c) => c.passed)).toEqual([true, false]);
    expect(run.getState()).toMatchObject({ status: 'done', ranOn: doc });
    expect(editor.getState().marks.coverage?.ports).toEqual({ menu: { noInput: 'uncovered', invalid: 'uncovered' } });

    run.getState().showDiff(1);
    expect(editor.getState().marks.testDiff?.nodes).toMatchObject({
      menu: 'both',
      sales: 'expected-only',
      support: 'actual-only',
    });
    run.getState().showDiff(undefined);
    expect(editor.getState().marks.testDiff).toBeUndefined();

    run.getState().showCoverage(false);
    expect(editor.getState().marks.coverage).toBeUndefined();
  });

  it('a flow that does not compile is an error with the engine’s sentence, and no coverage is painted', async () => {
    const broken = {
      ...doc,
      nodes: doc.nodes.map((n) => (n.id === 'menu' ? { ...n, config: { options: 'none' } } : n)),
    };
    const editor = createEditorStore({ flowId: 'f', doc: broken, revision: 1 });
    const run = createTestRunStore(editor);
    expect(await run.getState().run()).toBeUndefined();
    expect(run.getState().status).toBe('error');
    expect(run.getState().error).toMatch(/menu/i);
    expect(editor.getState().marks.coverage).toBeUndefined();
  });
});
