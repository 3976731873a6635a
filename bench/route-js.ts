// Each route's first-load JavaScript, gzipped, read from the Next build's own output: `next build` writes the chunks
// every App Router route loads before it is interactive to `.next/diagnostics/route-bundle-stats.json`. Used by the
// budget test (test/e2e/route-js-budgets.test.ts) and printed by `npm run bench:studio`.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface RouteJs {
  route: string;
  chunks: number;
  gzipKb: number;
}

/** Issue 15: every route but the editor under 300 KB gzipped, the sign-in page under 150 KB. */
export const routeBudgetsKb = { signIn: 150, other: 300 } as const;
/** The editor's canvas, Monaco and inspector forms are its job; it has no budget here. */
export const routesWithoutBudget = ['/flows/[flowId]'];

export function budgetOf(route: string): number | undefined {
  if (routesWithoutBudget.includes(route) || route.startsWith('/api/')) return undefined;
  return route === '/sign-in' ? routeBudgetsKb.signIn : routeBudgetsKb.other;
}

/** Gzipped (level 6, as the bench) first-load JavaScript of every page route of the build in `root`/.next. */
export function readRouteJs(root: string): RouteJs[] {
  const statsFile = path.join(root, '.next/diagnostics/route-bundle-stats.json');
  if (!existsSync(statsFile)) throw new Error(`${statsFile} is missing: run \`next build\` (Next 16 writes it) first.`);
  const stats = JSON.parse(readFileSync(statsFile, 'utf8')) as { route: string; firstLoadChunkPaths: string[] }[];
  const gzipped = new Map<string, number>();
  const sizeOf = (chunk: string) => {
    let size = gzipped.get(chunk);
    if (size === undefined) {
      size = gzipSync(readFileSync(path.join(root, chunk))).length;
      gzipped.set(chunk, size);
    }
    return size;
  };
  return stats
    .map(({ route, firstLoadChunkPaths }) => ({
      route,
      chunks: firstLoadChunkPaths.length,
      gzipKb: firstLoadChunkPaths.reduce((sum, chunk) => sum + sizeOf(chunk), 0) / 1024,
    }))
    .sort((a, b) => a.route.localeCompare(b.route));
}
