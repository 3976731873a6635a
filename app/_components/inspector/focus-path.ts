// Which inspector field a problem's JSON path points at: the deepest field whose path is a prefix of it.

/**
 * @example closestFieldPath(['/config/options', '/config/options/0/key'], '/config/options/0/key') // '/config/options/0/key'
 * @example closestFieldPath(['/config/prompt'], '/config/prompt/tts/en-US') // '/config/prompt'
 */
export function closestFieldPath(fieldPaths: Iterable<string>, focusPath: string): string | null {
  let best: string | null = null;
  for (const path of fieldPaths) {
    const covers = focusPath === path || focusPath.startsWith(`${path}/`);
    if (covers && (best === null || path.length > best.length)) best = path;
  }
  return best;
}
