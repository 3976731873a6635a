// The editor's keyboard shortcuts as data: the key handler and the help overlay both read this list.

export type ShortcutAction =
  'undo' | 'redo' | 'copy' | 'cut' | 'paste' | 'selectAll' | 'find' | 'save' | 'fitView' | 'layout' | 'help' | 'delete';

export interface Shortcut {
  action: ShortcutAction;
  /** Ctrl on Windows/Linux, Cmd on macOS. */
  mod?: boolean;
  shift?: boolean;
  /** KeyboardEvent.key, lower-case for letters. */
  keys: string[];
}

export const shortcuts: Shortcut[] = [
  { action: 'undo', mod: true, keys: ['z'] },
  { action: 'redo', mod: true, shift: true, keys: ['z'] },
  { action: 'redo', mod: true, keys: ['y'] },
  { action: 'copy', mod: true, keys: ['c'] },
  { action: 'cut', mod: true, keys: ['x'] },
  { action: 'paste', mod: true, keys: ['v'] },
  { action: 'selectAll', mod: true, keys: ['a'] },
  { action: 'find', mod: true, keys: ['f'] },
  { action: 'save', mod: true, keys: ['s'] },
  { action: 'fitView', shift: true, keys: ['!', '1'] },
  { action: 'layout', shift: true, keys: ['l'] },
  { action: 'help', keys: ['?'] },
  // Handled by React Flow itself (deleteKeyCode); listed for the help overlay.
  { action: 'delete', keys: ['Delete', 'Backspace'] },
];

/** The shortcut a key event means, if any. `?` is typed with Shift on most layouts, so Shift is not checked for it. */
export function matchShortcut(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>,
): ShortcutAction | undefined {
  if (event.altKey) return undefined;
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  for (const s of shortcuts) {
    if (s.action === 'delete') continue;
    if (!s.keys.includes(key)) continue;
    if (Boolean(s.mod) !== mod) continue;
    if (s.action !== 'help' && Boolean(s.shift) !== event.shiftKey) continue;
    return s.action;
  }
  return undefined;
}

/** How a shortcut is written for this platform, e.g. "Ctrl+Shift+Z" or "⌘⇧Z". */
export function describeShortcut(s: Shortcut, mac: boolean): string {
  const key = s.keys[0]!.length === 1 ? s.keys[0]!.toUpperCase() : s.keys.join(' / ');
  const parts = [
    s.mod ? (mac ? '⌘' : 'Ctrl') : '',
    s.shift && s.action !== 'help' ? (mac ? '⇧' : 'Shift') : '',
    s.action === 'fitView' ? '1' : key,
  ].filter(Boolean);
  return mac ? parts.join('') : parts.join('+');
}
