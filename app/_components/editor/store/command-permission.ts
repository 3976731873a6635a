// Which commands an editor may apply: designers change anything; testers (tests editable, design read-only) only the
// flow's test cases; viewers nothing.

import type { EditorCommand } from '../commands/editor-command';

export interface EditPermission {
  /** The design (nodes, edges, flow settings) cannot change. */
  readOnly: boolean;
  /** The flow's test cases can change (tester and up, flow not archived). */
  testsEditable: boolean;
}

/** A command that replaces the flow's test cases and nothing else. */
export function touchesOnlyTests(command: EditorCommand): boolean {
  if (command.kind !== 'updateFlow') return false;
  const keys = Object.keys(command.patch);
  return keys.length > 0 && keys.every((key) => key === 'tests');
}

/**
 * @example
 * commandAllowed({ kind: 'updateFlow', patch: { tests: [] } }, { readOnly: true, testsEditable: true }); // true
 * commandAllowed({ kind: 'setNodeLabel', nodeId: 'menu', label: 'X' }, { readOnly: true, testsEditable: true }); // false
 */
export function commandAllowed(command: EditorCommand, permission: EditPermission): boolean {
  if (!permission.readOnly) return true;
  return permission.testsEditable && touchesOnlyTests(command);
}
