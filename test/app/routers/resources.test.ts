// Resources router: schedules, skill groups, agents with skill levels, and integrations whose secrets are write-only.

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZodError } from 'zod';
import { decryptSecret } from '../../../app/_server/crypto/secrets';
import { auditLog, integrations } from '../../../schemas/db';
import { callerAs, callerFor, testSecretKey } from '../helpers/callers';
import { testBackends, type TestDatabase } from '../helpers/test-database';
import { trpcError } from '../helpers/trpc-error';

type Caller = Awaited<ReturnType<typeof callerAs>>;

const officeHours = {
  timezone: 'Asia/Shanghai',
  weekly: { mon: [{ from: '09:00', to: '18:00' }], fri: [{ from: '09:00', to: '17:00' }] },
  holidays: [{ date: '2026-10-01', until: '2026-10-07', name: '国庆节' }],
};

const fieldMessages = (error: unknown) => (error as ZodError).issues.map((i) => i.message);

describe.each(testBackends)('resources router on $name', (backend) => {
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
  });
  afterAll(() => database?.close());

  describe('schedules', () => {
    it('create stores the definition with defaults applied and audits it; list, get, update and delete work', async () => {
      const created = await designer.caller.resources.schedules.create({
        key: 'office',
        name: 'Office hours',
        definition: officeHours,
      });
      expect(created.definition).toEqual({ ...officeHours, specialDays: [] });
      expect(await viewer.caller.resources.schedules.get({ id: created.id })).toMatchObject({
        key: 'office',
        name: 'Office hours',
      });
      expect((await viewer.caller.resources.schedules.list()).map((s) => s.key)).toContain('office');
      const updated = await designer.caller.resources.schedules.update({
        id: created.id,
        definition: { ...officeHours, timezone: 'Europe/London' },
      });
      expect(updated.definition.timezone).toBe('Europe/London');
      expect(updated.name).toBe('Office hours');
      const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.action, 'schedule.update'));
      expect(entry!.before).toMatchObject({ key: 'office', definition: { timezone: 'Asia/Shanghai' } });
      expect(entry!.after).toMatchObject({ key: 'office', definition: { timezone: 'Europe/London' } });
      expect(await designer.caller.resources.schedules.delete({ id: created.id })).toEqual({
        id: created.id,
        deleted: true,
      });
      expect((await trpcError(viewer.caller.resources.schedules.get({ id: created.id }))).code).toBe('NOT_FOUND');
    });

    it('an unknown time zone and a malformed time are refused with field messages', async () => {
      const zone = await trpcError(
        designer.caller.resources.schedules.create({
          key: 'mars',
          definition: { ...officeHours, timezone: 'Mars/Olympus' },
        }),
      );
      expect(zone.code).toBe('BAD_REQUEST');
      expect(fieldMessages(zone.cause)).toEqual([
        '"Mars/Olympus" is not a known time zone; use an IANA name such as Asia/Shanghai.',
      ]);
      const time = await trpcError(
        designer.caller.resources.schedules.create({
          key: 'late',
          definition: { ...officeHours, weekly: { mon: [{ from: '9am', to: '18:00' }] } },
        }),
      );
      expect(fieldMessages(time.cause)).toEqual(['must be a time HH:MM, e.g. 09:00']);
    });

    it('dates that do not exist, and a holiday ending before it starts, are refused at their field (create and update)', async () => {
      const refusal = async (
        holidays: { date: string; until?: string }[],
        specialDays: { date: string; hours: [] }[] = [],
      ) => {
        const error = await trpcError(
          designer.caller.resources.schedules.create({
            key: 'impossible',
            definition: { ...officeHours, holidays, specialDays },
          }),
        );
        expect(error.code).toBe('BAD_REQUEST');
        return (error.cause as ZodError).issues.map((i) => ({ path: i.path.join('/'), message: i.message }));
      };
      expect(await refusal([{ date: '2026-02-31' }])).toEqual([
        { path: 'definition/holidays/0/date', message: '"2026-02-31" is not a calendar date; write YYYY-MM-DD.' },
      ]);
      expect(await refusal([{ date: '0000-01-01' }])).toEqual([
        { path: 'definition/holidays/0/date', message: '"0000-01-01" is not a calendar date; write YYYY-MM-DD.' },
      ]);
      expect(await refusal([{ date: '2026-10-01', until: '2026-09-31' }])).toEqual([
        { path: 'definition/holidays/0/until', message: '"2026-09-31" is not a calendar date; write YYYY-MM-DD.' },
      ]);
      expect(await refusal([], [{ date: '2027-02-29', hours: [] }])).toEqual([
        { path: 'definition/specialDays/0/date', message: '"2027-02-29" is not a calendar date; write YYYY-MM-DD.' },
      ]);
      expect((await refusal([{ date: '2026-10-07', until: '2026-10-01' }]))[0]!.path).toBe(
        'definition/holidays/0/until',
      );
      const saved = await designer.caller.resources.schedules.create({
        key: 'leap',
        definition: { ...officeHours, holidays: [{ date: '2028-02-29' }] },
      });
      const update = await trpcError(
        designer.caller.resources.schedules.update({
          id: saved.id,
          definition: { ...officeHours, holidays: [{ date: '2026-02-29' }] },
        }),
      );
      expect(fieldMessages(update.cause)).toEqual(['"2026-02-29" is not a calendar date; write YYYY-MM-DD.']);
      expect((await viewer.caller.resources.schedules.get({ id: saved.id })).definition.holidays).toEqual([
        { date: '2028-02-29' },
      ]);
      expect((await viewer.caller.resources.schedules.list()).map((s) => s.key)).not.toContain('impossible');
    });

    it('a key in use is refused with CONFLICT', async () => {
      await designer.caller.resources.schedules.create({ key: 'weekend', definition: officeHours });
      const error = await trpcError(
        designer.caller.resources.schedules.create({ key: 'weekend', definition: officeHours }),
      );
      expect(error.code).toBe('CONFLICT');
      expect(error.message).toBe('A schedule with the key "weekend" already exists.');
    });
  });

  describe('skill groups and agents', () => {
    it('agents are created with skill levels, listed with their groups, and their skills replaced', async () => {
      await designer.caller.resources.skillGroups.create({ key: 'sales', name: 'Sales' });
      await designer.caller.resources.skillGroups.create({
        key: 'billing',
        name: 'Billing',
        description: 'Invoices and refunds',
      });
      const agent = await designer.caller.resources.agents.create({
        name: 'Li Wei',
        contact: 'user/1001',
        skills: [{ skillGroup: 'sales', level: 8 }],
      });
      expect(agent).toMatchObject({
        name: 'Li Wei',
        contact: 'user/1001',
        enabled: true,
        status: 'offline',
        skills: [{ skillGroup: 'sales', skillGroupName: 'Sales', level: 8 }],
      });
      const updated = await designer.caller.resources.agents.setSkills({
        id: agent.id,
        skills: [
          { skillGroup: 'billing', level: 3 },
          { skillGroup: 'sales', level: 10 },
        ],
      });
      expect(updated.skills.map((s) => [s.skillGroup, s.level])).toEqual([
        ['billing', 3],
        ['sales', 10],
      ]);
      const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.action, 'agent.setSkills'));
      expect(entry!.before).toMatchObject({ skills: [{ skillGroup: 'sales', level: 8 }] });
      expect(entry!.after).toMatchObject({
        skills: [
          { skillGroup: 'billing', level: 3 },
          { skillGroup: 'sales', level: 10 },
        ],
      });
      expect((await viewer.caller.resources.agents.list()).find((a) => a.id === agent.id)?.skills).toHaveLength(2);
    });

    it('an unknown skill group, a level outside 1–10 and a repeated group are refused', async () => {
      const unknown = await trpcError(
        designer.caller.resources.agents.create({
          name: 'A',
          contact: 'user/2001',
          skills: [{ skillGroup: 'nope', level: 5 }],
        }),
      );
      expect(unknown.message).toBe('There is no skill group "nope"; create it first.');
      const level = await trpcError(
        designer.caller.resources.agents.create({
          name: 'B',
          contact: 'user/2002',
          skills: [{ skillGroup: 'sales', level: 11 }],
        }),
      );
      expect(fieldMessages(level.cause)).toEqual(['A skill level is 1 to 10.']);
      const twice = await trpcError(
        designer.caller.resources.agents.create({
          name: 'C',
          contact: 'user/2003',
          skills: [
            { skillGroup: 'sales', level: 1 },
            { skillGroup: 'sales', level: 2 },
          ],
        }),
      );
      expect(fieldMessages(twice.cause)).toEqual(['Each skill group may be listed once per agent.']);
      expect((await viewer.caller.resources.agents.list()).map((a) => a.contact)).not.toContain('user/2001');
    });

    it('update changes an agent; a contact another agent has is CONFLICT; delete removes it', async () => {
      const agent = await designer.caller.resources.agents.create({ name: 'Zhang', contact: 'user/3001' });
      const updated = await designer.caller.resources.agents.update({
        id: agent.id,
        enabled: false,
        name: 'Zhang San',
      });
      expect(updated).toMatchObject({ name: 'Zhang San', enabled: false, contact: 'user/3001' });
      const error = await trpcError(designer.caller.resources.agents.update({ id: agent.id, contact: 'user/1001' }));
      expect(error.code).toBe('CONFLICT');
      expect(await designer.caller.resources.agents.delete({ id: agent.id })).toEqual({ id: agent.id, deleted: true });
      expect((await trpcError(designer.caller.resources.agents.delete({ id: agent.id }))).code).toBe('NOT_FOUND');
    });

    it('skill groups are updated, refuse a duplicate key, and deleting one drops it from agents', async () => {
      const group = await designer.caller.resources.skillGroups.create({ key: 'vip', name: 'VIP' });
      expect(
        (await trpcError(designer.caller.resources.skillGroups.create({ key: 'vip', name: 'Again' }))).message,
      ).toBe('A skill group with the key "vip" already exists.');
      expect(
        await designer.caller.resources.skillGroups.update({ id: group.id, description: 'Top customers' }),
      ).toMatchObject({ name: 'VIP', description: 'Top customers' });
      const agent = await designer.caller.resources.agents.create({
        name: 'Wang',
        contact: 'user/4001',
        skills: [{ skillGroup: 'vip', level: 9 }],
      });
      await designer.caller.resources.skillGroups.delete({ id: group.id });
      expect((await viewer.caller.resources.agents.list()).find((a) => a.id === agent.id)?.skills).toEqual([]);
      expect((await viewer.caller.resources.skillGroups.list()).map((g) => g.key)).not.toContain('vip');
    });
  });

  describe('integrations', () => {
    const plaintext = 'Bearer sk_live_TOP_SECRET_4242';

    it('the secret is stored encrypted, never returned by any procedure, and never written to the audit log', async () => {
      const responses: unknown[] = [];
      const created = await admin.caller.resources.integrations.create({
        key: 'crm',
        name: 'CRM',
        baseUrl: 'https://crm.example.com/api',
        headers: { 'X-Tenant': 'acme' },
        secret: { headerName: 'Authorization', value: plaintext },
      });
      responses.push(created);
      expect(created).toMatchObject({
        key: 'crm',
        secretHeaderName: 'Authorization',
        hasSecret: true,
        headerNames: ['X-Tenant'],
      });
      expect(Object.keys(created)).not.toContain('secretCiphertext');

      const [row] = await database.db.select().from(integrations).where(eq(integrations.id, created.id));
      expect(row!.secretCiphertext).not.toContain('sk_live');
      expect(decryptSecret(row!.secretCiphertext ?? '', testSecretKey, { context: 'integration:crm' })).toBe(plaintext);

      responses.push(await viewer.caller.resources.integrations.list());
      const renamed = await admin.caller.resources.integrations.update({ id: created.id, name: 'CRM (prod)' });
      responses.push(renamed);
      expect(renamed).toMatchObject({ name: 'CRM (prod)', hasSecret: true });
      const [kept] = await database.db.select().from(integrations).where(eq(integrations.id, created.id));
      expect(kept!.secretCiphertext).toBe(row!.secretCiphertext);

      const rotated = await admin.caller.resources.integrations.update({
        id: created.id,
        secret: { headerName: 'Authorization', value: `${plaintext}-rotated` },
      });
      responses.push(rotated);
      const [afterRotation] = await database.db.select().from(integrations).where(eq(integrations.id, created.id));
      expect(decryptSecret(afterRotation!.secretCiphertext ?? '', testSecretKey, { context: 'integration:crm' })).toBe(
        `${plaintext}-rotated`,
      );

      const removed = await admin.caller.resources.integrations.update({ id: created.id, secret: null });
      responses.push(removed);
      expect(removed).toMatchObject({ hasSecret: false, secretHeaderName: null });
      responses.push(await admin.caller.resources.integrations.delete({ id: created.id }));
      responses.push(await admin.caller.audit.list({ entityType: 'integration' }));

      for (const response of responses) expect(JSON.stringify(response)).not.toContain('sk_live_TOP_SECRET');
      const auditRows = await database.db.select().from(auditLog).where(eq(auditLog.entityType, 'integration'));
      expect(auditRows.map((r) => r.action)).toEqual([
        'integration.create',
        'integration.update',
        'integration.update',
        'integration.update',
        'integration.delete',
      ]);
      const auditText = JSON.stringify(auditRows);
      expect(auditText).not.toContain('sk_live_TOP_SECRET');
      expect(auditText).not.toContain(row!.secretCiphertext ?? '');
      expect(auditRows[2]!.after).toMatchObject({ secretReplaced: true, secretRemoved: false });
    });

    it('credentials in the plain headers and non-http base URLs are refused with a sentence', async () => {
      const header = await trpcError(
        admin.caller.resources.integrations.create({
          key: 'leaky',
          baseUrl: 'https://x.example.com',
          headers: { Authorization: 'Bearer nope' },
        }),
      );
      expect(fieldMessages(header.cause)).toEqual([
        'Put the Authorization header in the secret so that it is stored encrypted.',
      ]);
      const url = await trpcError(
        admin.caller.resources.integrations.create({ key: 'ftp', baseUrl: 'ftp://files.example.com' }),
      );
      expect(fieldMessages(url.cause)).toEqual(['The base URL must be an http:// or https:// address.']);
      await admin.caller.resources.integrations.create({ key: 'twice', baseUrl: 'https://a.example.com' });
      expect(
        (
          await trpcError(
            admin.caller.resources.integrations.create({ key: 'twice', baseUrl: 'https://b.example.com' }),
          )
        ).code,
      ).toBe('CONFLICT');
    });
  });

  it('designers manage schedules, groups and agents; only administrators manage integrations; testers and viewers only read', async () => {
    const [integration] = await viewer.caller.resources.integrations.list();
    for (const call of [
      designer.caller.resources.integrations.create({ key: 'x', baseUrl: 'https://x.example.com' }),
      designer.caller.resources.integrations.update({ id: integration!.id, name: 'x' }),
      designer.caller.resources.integrations.delete({ id: integration!.id }),
    ]) {
      expect((await trpcError(call)).code).toBe('FORBIDDEN');
    }
    const anyId = '00000000-0000-4000-8000-000000000000';
    for (const who of [tester, viewer]) {
      for (const call of [
        who.caller.resources.schedules.create({ key: 'x', definition: officeHours }),
        who.caller.resources.schedules.update({ id: anyId, name: 'x' }),
        who.caller.resources.schedules.delete({ id: anyId }),
        who.caller.resources.skillGroups.create({ key: 'x', name: 'x' }),
        who.caller.resources.skillGroups.update({ id: anyId, name: 'x' }),
        who.caller.resources.skillGroups.delete({ id: anyId }),
        who.caller.resources.agents.create({ name: 'x', contact: 'user/9' }),
        who.caller.resources.agents.update({ id: anyId, name: 'x' }),
        who.caller.resources.agents.setSkills({ id: anyId, skills: [] }),
        who.caller.resources.agents.delete({ id: anyId }),
      ]) {
        expect((await trpcError(call)).code).toBe('FORBIDDEN');
      }
    }
    const anonymous = callerFor(database.db, null);
    for (const call of [
      anonymous.resources.schedules.list(),
      anonymous.resources.skillGroups.list(),
      anonymous.resources.agents.list(),
      anonymous.resources.integrations.list(),
    ]) {
      expect((await trpcError(call)).code).toBe('UNAUTHORIZED');
    }
  });
});
