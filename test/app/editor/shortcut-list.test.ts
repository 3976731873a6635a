// Keyboard shortcuts: key events map to editor actions on every platform.

import { describe, expect, it } from 'vitest';
import { describeShortcut, matchShortcut, shortcuts } from '../../../app/_components/editor/shortcuts/shortcut-list';

const key = (
  k: string,
  mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {},
) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('shortcuts', () => {
  it('Ctrl or Cmd with Z undoes; with Shift, or Ctrl+Y, redoes', () => {
    expect(matchShortcut(key('z', { ctrlKey: true }))).toBe('undo');
    expect(matchShortcut(key('z', { metaKey: true }))).toBe('undo');
    expect(matchShortcut(key('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(matchShortcut(key('y', { ctrlKey: true }))).toBe('redo');
  });

  it('Ctrl+F finds, Ctrl+C/V copy and paste, ? opens help, Shift+L lays out', () => {
    expect(matchShortcut(key('f', { ctrlKey: true }))).toBe('find');
    expect(matchShortcut(key('c', { metaKey: true }))).toBe('copy');
    expect(matchShortcut(key('v', { ctrlKey: true }))).toBe('paste');
    expect(matchShortcut(key('?', { shiftKey: true }))).toBe('help');
    expect(matchShortcut(key('L', { shiftKey: true }))).toBe('layout');
  });

  it('plain letters and Alt combinations are left to the page', () => {
    expect(matchShortcut(key('z'))).toBeUndefined();
    expect(matchShortcut(key('f', { ctrlKey: true, altKey: true }))).toBeUndefined();
  });

  it('writes shortcuts for macOS and other platforms', () => {
    const redo = shortcuts.find((s) => s.action === 'redo')!;
    expect(describeShortcut(redo, false)).toBe('Ctrl+Shift+Z');
    expect(describeShortcut(redo, true)).toBe('⌘⇧Z');
  });
});
