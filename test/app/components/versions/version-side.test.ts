// The versions page's comparison sides and the editor links that highlight changed nodes.

import { describe, expect, it } from 'vitest';
import {
  defaultSides,
  editorHighlightHref,
  parseSide,
  sideValue,
} from '../../../../app/_components/versions/version-side';

describe('version sides', () => {
  it('compares the two newest versions, or the only version with the draft, or nothing', () => {
    expect(defaultSides([1, 3, 2])).toEqual({ a: 2, b: 3 });
    expect(defaultSides([1])).toEqual({ a: 1, b: 'draft' });
    expect(defaultSides([])).toBeNull();
  });

  it('round-trips a side through a select value', () => {
    expect(parseSide(sideValue(4))).toBe(4);
    expect(parseSide(sideValue('draft'))).toBe('draft');
  });

  it('links to the editor with each changed node once, ids escaped', () => {
    expect(editorHighlightHref('f1', ['menu', 'sales', 'menu'])).toBe('/flows/f1?highlight=menu,sales');
    expect(editorHighlightHref('f1', ['a,b'])).toBe('/flows/f1?highlight=a%2Cb');
    expect(editorHighlightHref('f1', [])).toBe('/flows/f1');
  });
});
