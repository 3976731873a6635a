// Integrations: designers, testers and viewers see only what picking one needs; header values are write-only even for
// administrators; base URLs on this machine, private networks or metadata services need allowInternal.

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { integrations } from '../../../schemas/db';
import { callerAs } from '../helpers/callers';
import { testBackends, type TestDatabase } from '../helpers/test-database';
import { trpcError } from '../helpers/trpc-error';

type Caller = Awaited<ReturnType<typeof callerAs>>;

describe.each(testBackends)('integration access on $name', (backend) => {
  let database: TestDatabase;
  let admin: Caller;
  let designer: Caller;
  let tester: Caller;
  let viewer: Caller;
  beforeAll(async () => {
    database = await backend.open();
    [admin, designer, tester, viewer] = await Promise.all([callerAs(database.db, 'admin'), callerAs(database.db, 'designer'), callerAs(database.db, 'tester'), callerAs(database.db, 'viewer')]);
    await admin.caller.resources.integrations.create({
      key: 'crm',
      name: 'CRM',
      baseUrl: 'https://crm.example.com/api',
      headers: { 'X-Tenant': 'tenant-value-7731' },
      secret: { headerName: 'Authorization', value: 'Bearer never-shown' },
    });
  });
  afterAll(() => database?.close());

  it('designers, testers and viewers get key, name and hasSecret only: no base URL, no headers', async () => {
    for (const who of [designer, tester, viewer, admin]) {
      const list = await who.caller.resources.integrations.list();
      expect(list.map(({ id: _id, ...rest }) => rest)).toEqual([{ key: 'crm', name: 'CRM', hasSecret: true }]);
      expect(JSON.stringify(list)).not.toContain('crm.example.com');
    }
    for (const who of [designer, tester, viewer]) expect((await trpcError(who.caller.resources.integrations.listDetails())).code).toBe('FORBIDDEN');
  });

  it('administrators see the base URL and header names, but header values are write-only', async () => {
    const [details] = await admin.caller.resources.integrations.listDetails();
    expect(details).toMatchObject({ key: 'crm', baseUrl: 'https://crm.example.com/api', headerNames: ['X-Tenant'], secretHeaderName: 'Authorization', hasSecret: true, allowInternal: false });
    const updated = await admin.caller.resources.integrations.update({ id: details.id, name: 'CRM (prod)' });
    const audit = await admin.caller.audit.list({ entityType: 'integration' });
    for (const response of [details, updated, audit]) expect(JSON.stringify(response)).not.toContain('tenant-value-7731');
    // Still stored, for the runtime.
    const [row] = await database.db.select({ headers: integrations.headers }).from(integrations).where(eq(integrations.key, 'crm'));
    expect(row.headers).toEqual({ 'X-Tenant': 'tenant-value-7731' });
  });

  it.each([
    ['http://127.0.0.1:8080/api', 'a loopback address (this machine)'],
    ['http://localhost/api', 'a name of this machine or of a cloud metadata service'],
    ['http://10.0.0.5/api', 'a private network address'],
    ['http://169.254.169.254/latest/meta-data', 'a link-local address (where cloud metadata services answer)'],
    ['http://[::ffff:7f00:1]/', 'a loopback address (this machine)'],
    ['http://metadata.google.internal/', 'a name of this machine or of a cloud metadata service'],
  ])('a base URL of %s is refused at save time unless allowInternal', async (baseUrl, reason) => {
    const key = `internal-${Buffer.from(baseUrl).toString('hex').slice(-12)}`;
    const refused = await trpcError(admin.caller.resources.integrations.create({ key, baseUrl }));
    expect(refused.code).toBe('BAD_REQUEST');
    expect(refused.message).toBe(
      `baseUrl: The base URL points to ${reason}, which HTTP steps may not call; if this service really runs on your own network, turn on "allow internal addresses" for this integration.`,
    );
    expect(await database.db.select().from(integrations).where(eq(integrations.key, key))).toEqual([]);
    const allowed = await admin.caller.resources.integrations.create({ key, baseUrl, allowInternal: true });
    expect(allowed).toMatchObject({ baseUrl, allowInternal: true });
    // Turning the permission off again while the URL is internal is refused too.
    expect((await trpcError(admin.caller.resources.integrations.update({ id: allowed.id, allowInternal: false }))).code).toBe('BAD_REQUEST');
  });

  it('moving a public integration to an internal base URL is refused and leaves it unchanged', async () => {
    const [details] = await admin.caller.resources.integrations.listDetails();
    const refused = await trpcError(admin.caller.resources.integrations.update({ id: details.id, baseUrl: 'http://192.168.0.10/' }));
    expect(refused.message).toContain('a private network address');
    const [row] = await database.db.select({ baseUrl: integrations.baseUrl }).from(integrations).where(eq(integrations.id, details.id));
    expect(row.baseUrl).toBe('https://crm.example.com/api');
  });
});
