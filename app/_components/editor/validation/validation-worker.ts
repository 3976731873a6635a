// The page's side of validate.worker.ts: one worker per open editor; each request answers with that document's issues.

import type { FlowDocument } from '../../../../flow-engine/document';
import type { ResourceBundle } from '../../../../flow-engine/resources';
import type { ValidationIssue } from '../../../../flow-engine/validate/validation-issue';

export interface ValidationRequest {
  id: number;
  doc: FlowDocument;
  /** The environment's resources as plain data (a resolver's functions cannot cross to the worker). */
  resources?: ResourceBundle;
}

export type ValidationReply =
  | { id: number; ok: true; errors: ValidationIssue[]; warnings: ValidationIssue[] }
  | { id: number; ok: false; message: string };

export interface ValidationWorker {
  /** The issues of `doc`; a request superseded by a later one before it was answered resolves with `undefined`. */
  validate(
    doc: FlowDocument,
    resources?: ResourceBundle,
  ): Promise<{ errors: ValidationIssue[]; warnings: ValidationIssue[] } | undefined>;
  dispose(): void;
}

/**
 * Starts the validation worker (where Worker exists; otherwise validation runs on the page, loaded on first use).
 * @example
 * const worker = startValidationWorker();
 * const issues = await worker.validate(store.getState().doc);
 */
export function startValidationWorker(): ValidationWorker {
  if (typeof Worker === 'undefined') return inPageValidation();
  const worker = new Worker(new URL('./validate.worker.ts', import.meta.url), { type: 'module' });
  let latest = 0;
  const waiting = new Map<
    number,
    {
      resolve(value: { errors: ValidationIssue[]; warnings: ValidationIssue[] } | undefined): void;
      reject(error: Error): void;
    }
  >();
  worker.onmessage = (event: MessageEvent<ValidationReply>) => {
    const reply = event.data;
    const pending = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (!pending) return;
    if (reply.id !== latest) pending.resolve(undefined);
    else if (reply.ok) pending.resolve({ errors: reply.errors, warnings: reply.warnings });
    else pending.reject(new Error(reply.message));
  };
  worker.onerror = (event) => {
    const error = new Error(event.message || 'The validation worker failed.');
    for (const pending of waiting.values()) pending.reject(error);
    waiting.clear();
  };
  return {
    validate(doc, resources) {
      const id = ++latest;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, doc, resources } satisfies ValidationRequest);
      });
    },
    dispose() {
      worker.terminate();
      for (const pending of waiting.values()) pending.resolve(undefined);
      waiting.clear();
    },
  };
}

function inPageValidation(): ValidationWorker {
  return {
    async validate(doc, resources) {
      const [{ validate }, { resolverFromBundle }] = await Promise.all([
        import('../../../../flow-engine/validate/index'),
        import('../../../../flow-engine/resources'),
      ]);
      const result = validate(doc, resources ? { resources: resolverFromBundle(resources) } : {});
      return { errors: result.errors, warnings: result.warnings };
    },
    dispose() {},
  };
}
