// The cast of the flow-saving API tests: a database of one backend, two designers (Dana, Sam) and a tester (Tess),
// opened before the file's tests and closed after them, and a helper that makes a flow as Dana.

import { afterAll, beforeAll } from 'vitest';
import { callerAs } from './callers';
import type { TestBackend, TestDatabase } from './test-database';

type Caller = Awaited<ReturnType<typeof callerAs>>;

export interface DesignTeam {
  database: TestDatabase;
  dana: Caller;
  sam: Caller;
  tess: Caller;
  /** A new blank flow made by Dana, as `flows.get` returns it. */
  newFlow(name: string): ReturnType<Caller['caller']['flows']['get']>;
}

/** Registers the hooks; the returned team's members are there from `beforeAll` on. */
export function useDesignTeam(backend: TestBackend): DesignTeam {
  const team = {
    async newFlow(name: string) {
      const created = await team.dana.caller.flows.create({ name });
      return team.dana.caller.flows.get({ flowId: created.id });
    },
  } as DesignTeam;
  beforeAll(async () => {
    team.database = await backend.open();
    team.dana = await callerAs(team.database.db, 'designer', 'Dana Designer');
    team.sam = await callerAs(team.database.db, 'designer', 'Sam Designer');
    team.tess = await callerAs(team.database.db, 'tester', 'Tess Tester');
  });
  afterAll(() => team.database?.close());
  return team;
}
