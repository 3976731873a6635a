// Collapses ajv's anyOf / if-then error cascades into the errors of the one alternative the author meant.

import type { ErrorObject } from 'ajv';

/** An anyOf where no alternative stood out: the caller writes one summary message for it. */
export interface UnmatchedAlternatives {
  kind: 'alternatives';
  error: ErrorObject;
  /** Required fields of each alternative that were missing, e.g. ['tts', 'audio', 'parts']. */
  missing: string[];
  /** Types the alternatives expected, when the value had the wrong type for all of them. */
  types: string[];
}

export type CollapsedError = { kind: 'single'; error: ErrorObject } | UnmatchedAlternatives;

const isUnder = (path: string, base: string): boolean => path === base || path.startsWith(`${base}/`);
const depth = (path: string): number => (path === '' ? 0 : path.split('/').length - 1);

/** Errors that belong to the alternatives of `alt` (same or deeper data, schema path under `alt`). */
const belongsTo = (error: ErrorObject, alt: ErrorObject): boolean =>
  error !== alt && isUnder(error.instancePath, alt.instancePath) && error.schemaPath.startsWith(`${alt.schemaPath}/`);

const branchOf = (error: ErrorObject, alt: ErrorObject): number =>
  Number(error.schemaPath.slice(alt.schemaPath.length + 1).split('/')[0]);

interface Branch {
  errors: ErrorObject[];
  deepest: number;
}

/**
 * Pick the alternative the author meant: alternatives of the wrong type are out; then the one whose errors reach
 * deepest into the data; then the only one left, or the only one not missing a required field.
 */
function pickBranch(alt: ErrorObject, branches: Branch[]): Branch | undefined {
  const atRoot = (b: Branch, keyword: string) =>
    b.errors.some((e) => e.keyword === keyword && e.instancePath === alt.instancePath);
  const candidates = branches.filter((b) => !atRoot(b, 'type'));
  if (candidates.length === 0) return undefined;
  const ranked = [...candidates].sort((a, b) => b.deepest - a.deepest || a.errors.length - b.errors.length);
  if (ranked[0]!.deepest > depth(alt.instancePath)) return ranked[0];
  if (candidates.length === 1) return candidates[0];
  const complete = candidates.filter((b) => !atRoot(b, 'required'));
  return complete.length === 1 ? complete[0] : undefined;
}

function summarise(alt: ErrorObject, branches: Branch[]): UnmatchedAlternatives {
  const missing: string[] = [];
  const types: string[] = [];
  for (const branch of branches) {
    for (const e of branch.errors) {
      if (e.instancePath !== alt.instancePath) continue;
      if (e.keyword === 'required') missing.push(String(e.params.missingProperty));
      if (e.keyword === 'type') types.push(String(e.params.type));
    }
  }
  return { kind: 'alternatives', error: alt, missing: [...new Set(missing)], types: [...new Set(types)] };
}

/**
 * Reduce raw ajv errors to the ones worth telling an admin: if/then wrappers dropped, each failed anyOf
 * replaced by its most plausible alternative's errors (recursively) or by one summary.
 */
export function collapseAlternatives(errors: readonly ErrorObject[]): CollapsedError[] {
  const relevant = errors.filter((e) => e.keyword !== 'if' && e.keyword !== 'propertyNames');
  // Outermost alternatives first: their groups contain any nested ones.
  const alternatives = relevant
    .filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf')
    .sort((a, b) => a.schemaPath.length - b.schemaPath.length || a.instancePath.length - b.instancePath.length);
  if (alternatives.length === 0) return relevant.map((error) => ({ kind: 'single', error }));

  const alt = alternatives[0]!;
  const members = relevant.filter((e) => belongsTo(e, alt));
  const rest = relevant.filter((e) => e !== alt && !members.includes(e));
  const branches = new Map<number, Branch>();
  for (const e of members) {
    const index = branchOf(e, alt);
    const branch = branches.get(index) ?? { errors: [], deepest: -1 };
    branch.errors.push(e);
    branch.deepest = Math.max(branch.deepest, depth(e.instancePath));
    branches.set(index, branch);
  }
  const chosen = pickBranch(alt, [...branches.values()]);
  const resolved: CollapsedError[] = chosen
    ? collapseAlternatives(chosen.errors)
    : [summarise(alt, [...branches.values()])];
  return [...resolved, ...collapseAlternatives(rest)];
}
