// Integrations: designers, testers and viewers see only what picking one needs; header values are write-only even for
// administrators; base URLs on this machine, private networks or metadata services need allowInternal.

import dns, { type LookupAddress } from 'node:dns';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
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
    [admin, designer, tester, viewer] = await Promise.all([
      callerAs(database.db, 'admin'),
      callerAs(database.db, 'designer'),
      callerAs(database.db, 'tester'),
      callerAs(database.db, 'viewer'),
    ]);
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
    for (const who of [designer, tester, viewer])
      expect((await trpcError(who.caller.resources.integrations.listDetails())).code).toBe('FORBIDDEN');
  });

  it('administrators see the base URL and header names, but header values are write-only', async () => {
    const [details] = await admin.caller.resources.integrations.listDetails();
    expect(details).toMatchObject({
      key: 'crm',
      baseUrl: 'https://crm.example.com/api',
      headerNames: ['X-Tenant'],
      secretHeaderName: 'Authorization',
      hasSecret: true,
      allowInternal: false,
    });
    const updated = await admin.caller.resources.integrations.update({ id: details!.id, name: 'CRM (prod)' });
    const audit = await admin.caller.audit.list({ entityType: 'integration' });
    for (const response of [details, updated, audit])
      expect(JSON.stringify(response)).not.toContain('tenant-value-7731');
    // Still stored, for the runtime.
    const [row] = await database.db
      .select({ headers: integrations.headers })
      .from(integrations)
      .where(eq(integrations.key, 'crm'));
    expect(row!.headers).toEqual({ 'X-Tenant': 'tenant-value-7731' });
  });

  it.each([
    ['http://127.0.0.1:8080/api', 'a loopback address (this machine)'],
    ['http://localhost/api', 'a name of this machine or of a cloud metadata service'],
    ['http://10.0.0.5/api', 'a private network address'],
    ['http://169.254.1.1/', 'a link-local address (where cloud metadata services answer)'],
    ['http://[::ffff:7f00:1]/', 'a loopback address (this machine)'],
    ['http://[::127.0.0.1]/', 'a loopback address (this machine)'],
    ['http://app.internal/', 'a name of this machine or of a cloud metadata service'],
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
    expect(
      (await trpcError(admin.caller.resources.integrations.update({ id: allowed.id, allowInternal: false }))).code,
    ).toBe('BAD_REQUEST');
  });

  it.each([
    [
      'http://169.254.169.254/latest/meta-data',
      'the cloud instance metadata service (AWS, Azure, Google Cloud, Oracle, OpenStack and others)',
    ],
    ['http://169.254.170.23/v1/credentials', 'the Amazon EKS Pod Identity agent (pod credentials)'],
    ['http://[fd00:ec2::23]/v1/credentials', 'the Amazon EKS Pod Identity agent (pod credentials, IPv6)'],
    ['http://168.63.129.16/machine', 'the Azure WireServer host endpoint'],
    [
      'http://[::a9fe:a9fe]/',
      'the cloud instance metadata service (AWS, Azure, Google Cloud, Oracle, OpenStack and others)',
    ],
    ['http://metadata.google.internal/', 'the name of a cloud metadata service'],
  ])('a base URL of %s (cloud metadata) is refused at save time even with allowInternal', async (baseUrl, reason) => {
    const key = `metadata-${Buffer.from(baseUrl).toString('hex').slice(-12)}`;
    for (const allowInternal of [false, true]) {
      const refused = await trpcError(admin.caller.resources.integrations.create({ key, baseUrl, allowInternal }));
      expect(refused.code).toBe('BAD_REQUEST');
      expect(refused.message).toBe(
        `baseUrl: The base URL points to ${reason}, a cloud metadata service that hands out this server's credentials; HTTP steps may never call it, even with internal addresses allowed.`,
      );
    }
    expect(await database.db.select().from(integrations).where(eq(integrations.key, key))).toEqual([]);
  });

  describe('a host name is resolved at save time, as the runtime resolves it at call time', () => {
    /** The system resolver, answering from a fixed table as /etc/hosts would (e.g. ip6-localhost → ::1). */
    const hostsFile: Record<string, string[]> = {
      'ip6-localhost': ['::1'],
      'creds.example.com': ['169.254.170.23'],
      'api.example.com': ['93.184.216.34'],
    };
    afterEach(() => vi.restoreAllMocks());
    const resolveFrom = () =>
      vi.spyOn(dns, 'lookup').mockImplementation(((
        hostname: string,
        _options: unknown,
        callback: (error: Error | null, addresses: LookupAddress[]) => void,
      ) => {
        const found = hostsFile[hostname];
        if (!found) callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), []);
        else
          callback(
            null,
            found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
          );
      }) as unknown as typeof dns.lookup);

    it('a name that resolves to loopback is refused unless allowInternal, on create and on update', async () => {
      const lookup = resolveFrom();
      const refused = await trpcError(
        admin.caller.resources.integrations.create({ key: 'loop-name', baseUrl: 'http://ip6-localhost:8080/api' }),
      );
      expect(refused.message).toBe(
        'baseUrl: The base URL points to a name that resolves to ::1, a loopback address (this machine), which HTTP steps may not call; if this service really runs on your own network, turn on "allow internal addresses" for this integration.',
      );
      expect(lookup).toHaveBeenCalledWith(
        'ip6-localhost',
        expect.objectContaining({ all: true }),
        expect.any(Function),
      );
      const allowed = await admin.caller.resources.integrations.create({
        key: 'loop-name',
        baseUrl: 'http://ip6-localhost:8080/api',
        allowInternal: true,
      });
      expect(allowed.allowInternal).toBe(true);
      const publicOne = await admin.caller.resources.integrations.create({
        key: 'public-name',
        baseUrl: 'https://api.example.com/',
      });
      expect(
        (
          await trpcError(
            admin.caller.resources.integrations.update({ id: publicOne.id, baseUrl: 'http://ip6-localhost/' }),
          )
        ).message,
      ).toContain('resolves to ::1');
    });

    it('a name that resolves to a credential endpoint is refused even with allowInternal', async () => {
      resolveFrom();
      const refused = await trpcError(
        admin.caller.resources.integrations.create({
          key: 'creds-name',
          baseUrl: 'http://creds.example.com/',
          allowInternal: true,
        }),
      );
      expect(refused.message).toContain(
        'a name that resolves to 169.254.170.23, the Amazon EKS Pod Identity agent (pod credentials), a cloud metadata service',
      );
    });
  });

  it('moving a public integration to an internal base URL is refused and leaves it unchanged', async () => {
    const [details] = await admin.caller.resources.integrations.listDetails();
    const refused = await trpcError(
      admin.caller.resources.integrations.update({ id: details!.id, baseUrl: 'http://192.168.0.10/' }),
    );
    expect(refused.message).toContain('a private network address');
    const [row] = await database.db
      .select({ baseUrl: integrations.baseUrl })
      .from(integrations)
      .where(eq(integrations.id, details!.id));
    expect(row!.baseUrl).toBe('https://crm.example.com/api');
  });
});
