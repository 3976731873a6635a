// Undo from a field: who answers Ctrl+Z (or redo) typed in a text field of the editor.
// - Fields that edit the flow (the side panel's inspector and flow settings) send their typing to the editor as undo
//   steps, so Ctrl+Z there is the editor's undo: the field's pending edit is sent first, then undone as one step.
//   Letting the browser undo the text instead would record the revert as one more change, and the next Ctrl+Z would
//   bring the typing back.
// - Other fields (Find, the palette's search, the simulator's inputs) keep their own text undo while they differ from
//   what they held when focused; once back there (or never typed in), Ctrl+Z is the editor's undo. The browser's own
//   undo history spans every field of the page, so going past that point would undo typing in another field.

/** Window event asking debounced field editors to send what is pending now (before an undo reads the history). */
export const flushEditsEvent = 'callflow:flush-edits';

const focusedValue = new WeakMap<HTMLElement, string>();

type TextField = HTMLInputElement | HTMLTextAreaElement;

function isTextField(element: Element | null): element is TextField {
  return (
    element instanceof HTMLTextAreaElement ||
    (element instanceof HTMLInputElement &&
      !['checkbox', 'radio', 'button', 'submit', 'range', 'file'].includes(element.type))
  );
}

/** Remembers each text field's value as it takes focus (listened for on the document while the editor is open). */
export function rememberFocusedValue(event: FocusEvent): void {
  if (isTextField(event.target as Element))
    focusedValue.set(event.target as TextField, (event.target as TextField).value);
}

/** True when the key should do the field's own text undo/redo; false when it is the editor's. */
export function fieldKeepsUndo(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element) return false;
  // Monaco has its own undo history for the text it edits.
  if (element.closest?.('.monaco-editor')) return true;
  if (!isTextField(element)) return element.isContentEditable;
  if (element.closest('.cf-inspector')) return false;
  return element.value !== (focusedValue.get(element) ?? '');
}

/** Runs an editor undo/redo from a focused field: pending edits sent first, the focus kept on the field. */
export function undoFromField(target: EventTarget | null, run: () => void): void {
  window.dispatchEvent(new Event(flushEditsEvent));
  const element = target instanceof HTMLElement ? target : undefined;
  // Blurring sends what the inspector's own fields hold (they send on leaving the field).
  element?.blur();
  run();
  if (element) {
    requestAnimationFrame(() => {
      if (!element.isConnected) return;
      element.focus();
      // The field now shows the undone value: that is its new starting point.
      if (isTextField(element)) focusedValue.set(element, element.value);
    });
  }
}
