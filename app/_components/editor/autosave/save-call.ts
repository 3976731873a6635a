// The one request autosave makes, chosen once per editor: the whole draft for designers, only the test cases for
// testers (flows.saveTests), so a tester's save can never carry a design change.

import type { FlowDocument } from '../../../../flow-engine/document';
import type { TestCase } from '../../../../flow-engine/test-case';
import type { EditPermission } from '../store/command-permission';

export interface SavedDraft {
  revision: number;
  updatedAt: Date | string;
}

/** What the autosaver calls: save this document on top of that revision. */
export type SaveDraft = (input: {
  flowId: string;
  document: FlowDocument;
  baseRevision: number;
}) => Promise<SavedDraft>;

/** The two server calls (flows.saveDraft and flows.saveTests), passed in so that the choice is testable. */
export interface SaveApi {
  saveDraft(input: { flowId: string; document: FlowDocument; baseRevision: number }): Promise<SavedDraft>;
  saveTests(input: { flowId: string; tests: TestCase[]; baseRevision: number }): Promise<SavedDraft>;
}

/**
 * @example
 * const save = saveCallFor({ readOnly: true, testsEditable: true }, api);
 * await save({ flowId, document, baseRevision: 3 }); // api.saveTests({ flowId, tests: document.tests ?? [], baseRevision: 3 })
 */
export function saveCallFor(permission: EditPermission, api: SaveApi): SaveDraft {
  if (permission.readOnly && permission.testsEditable) {
    return ({ flowId, document, baseRevision }) => api.saveTests({ flowId, tests: document.tests ?? [], baseRevision });
  }
  return (input) => api.saveDraft(input);
}
