// One side of a comparison on the versions page: a version number or the draft, as a select value and back.

export type VersionSide = number | 'draft';

export const sideValue = (side: VersionSide): string => String(side);

export function parseSide(value: string): VersionSide {
  return value === 'draft' ? 'draft' : Number(value);
}

/** What to compare when the page opens: the newest version against the draft, or the two newest versions. */
export function defaultSides(versionNumbers: readonly number[]): { a: VersionSide; b: VersionSide } | null {
  const [newest, previous] = [...versionNumbers].sort((x, y) => y - x);
  if (newest === undefined) return null;
  return previous === undefined ? { a: newest, b: 'draft' } : { a: previous, b: newest };
}

/** The editor link that highlights nodes (`?highlight=a,b`); the editor reads the parameter. */
export function editorHighlightHref(flowId: string, nodeIds: readonly string[]): string {
  const ids = [...new Set(nodeIds)];
  return ids.length === 0 ? `/flows/${flowId}` : `/flows/${flowId}?highlight=${ids.map(encodeURIComponent).join(',')}`;
}
