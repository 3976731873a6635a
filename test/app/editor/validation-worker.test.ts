import { afterEach, describe, expect, it, vi } from 'vitest';
import { validate } from '../../../flow-engine/validate/index';
import type { ValidationRequest } from '../../../app/_components/editor/validation/validation-worker';
import { startValidationWorker } from '../../../app/_components/editor/validation/validation-worker';
import { sampleFlow } from './sample-flow';

// Node has no Worker: this runs the page-side fallback, which answers exactly as the worker does (same validate()).
describe('validation worker', () => {
  it('answers with the issues of the document it was sent', async () => {
    const worker = startValidationWorker();
    const flow = sampleFlow();
    const dangling = {
      ...flow,
      edges: [...flow.edges, { id: 'e9', source: 'orders', port: 'next', target: 'nowhere' }],
    };
    const issues = await worker.validate(dangling);
    expect(issues?.errors).toContainEqual(expect.objectContaining({ edgeId: 'e9' }));
    const clean = await worker.validate(flow);
    expect(clean?.errors).not.toContainEqual(expect.objectContaining({ edgeId: 'e9' }));
    worker.dispose();
  });

  afterEach(() => vi.unstubAllGlobals());

  it('through a worker: a request superseded before its answer resolves with nothing, the latest with its issues', async () => {
    // A stand-in Worker answering as validate.worker.ts does, a moment later.
    class FakeWorker {
      onmessage?: (event: { data: unknown }) => void;
      postMessage(request: ValidationRequest) {
        const result = validate(request.doc);
        setTimeout(
          () =>
            this.onmessage?.({ data: { id: request.id, ok: true, errors: result.errors, warnings: result.warnings } }),
          0,
        );
      }
      terminate() {}
    }
    vi.stubGlobal('Worker', FakeWorker);
    const worker = startValidationWorker();
    const flow = sampleFlow();
    const first = worker.validate({
      ...flow,
      edges: [...flow.edges, { id: 'e9', source: 'orders', port: 'next', target: 'nowhere' }],
    });
    const second = worker.validate(flow);
    await expect(first).resolves.toBeUndefined();
    expect((await second)?.errors).not.toContainEqual(expect.objectContaining({ edgeId: 'e9' }));
    worker.dispose();
  });
});
