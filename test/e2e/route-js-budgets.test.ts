// The studio's JavaScript budgets (issue 15, point 8), read from the Next build the browser tests run against (the
// global setup builds it): each route's first-load JavaScript, gzipped. The sign-in page stays under 150 KB, every
// other route but the editor under 300 KB; the routes still above that (antd's Select, Form and pickers on the audit,
// users, versions, audio and schedule pages) may not grow past their ceiling while they are brought down.

import { beforeAll, describe, expect, it } from 'vitest';
import { budgetOf, readRouteJs, type RouteJs } from '../../bench/route-js';
import { studioRoot } from './helpers/studio-server';

/**
 * Routes still over the 300 KB budget, each with a ceiling it may not pass (KB gzipped): measured 2026-12-08 plus a
 * few KB. Bringing one under 300 KB means taking it off this list (the last test insists).
 */
const overBudget: Record<string, number> = {
  '/admin/audit': 322,
  '/admin/users': 312,
  '/flows/[flowId]/versions': 334,
  '/resources/audio': 342,
  '/resources/schedules/[scheduleId]': 476,
  '/resources/schedules/new': 486,
};

describe('route JavaScript budgets', () => {
  let routes: RouteJs[] = [];
  beforeAll(() => {
    routes = readRouteJs(studioRoot);
  });

  it('reads every page route of the build', () => {
    const names = routes.map((r) => r.route);
    for (const route of [
      '/sign-in',
      '/flows',
      '/flows/[flowId]',
      '/lines',
      '/resources/schedules',
      '/resources/audio',
      '/admin/users',
    ])
      expect(names).toContain(route);
    for (const r of routes) expect(r.gzipKb).toBeGreaterThan(50);
  });

  it('the sign-in page ships under 150 KB of gzipped JavaScript', () => {
    const signIn = routes.find((r) => r.route === '/sign-in')!;
    expect(signIn.gzipKb).toBeLessThan(150);
  });

  it('every other route but the editor ships under 300 KB, or under its ceiling while over budget', () => {
    const over = routes
      .filter((r) => r.route !== '/sign-in')
      .flatMap((r) => {
        const budget = budgetOf(r.route);
        if (budget === undefined) return [];
        const limit = overBudget[r.route] ?? budget;
        return r.gzipKb < limit ? [] : [`${r.route}: ${r.gzipKb.toFixed(0)} KB (limit ${limit} KB)`];
      });
    expect(over).toEqual([]);
  });

  it('lists no route as over budget that is back under it (the ceiling list only shrinks)', () => {
    const back = Object.keys(overBudget).filter((route) => {
      const found = routes.find((r) => r.route === route);
      return !found || found.gzipKb < (budgetOf(route) ?? 0);
    });
    expect(back).toEqual([]);
  });
});
