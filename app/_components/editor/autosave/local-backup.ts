// The unsaved draft kept in the browser (localStorage), so a crash or a closed tab loses nothing.

import type { FlowDocument } from '../../../../flow-engine/document';

export interface LocalBackup {
  /** The server revision the changes were made on. */
  baseRevision: number;
  /** When the browser last wrote it (ISO). */
  writtenAt: string;
  doc: FlowDocument;
}

const keyOf = (flowId: string) => `callflow.unsaved.${flowId}`;

export function readBackup(flowId: string): LocalBackup | undefined {
  try {
    const text = window.localStorage.getItem(keyOf(flowId));
    if (!text) return undefined;
    const value = JSON.parse(text) as LocalBackup;
    return typeof value?.baseRevision === 'number' && value.doc && Array.isArray(value.doc.nodes) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function writeBackup(flowId: string, backup: LocalBackup): void {
  try {
    window.localStorage.setItem(keyOf(flowId), JSON.stringify(backup));
  } catch {
    // Storage full or disabled: autosave to the server still runs; nothing else to do here.
  }
}

export function clearBackup(flowId: string): void {
  try {
    window.localStorage.removeItem(keyOf(flowId));
  } catch {
    // Storage disabled: there is nothing to clear.
  }
}
