// Creating a flow from one of the project's templates installs the resources it references that the environment lacks, so it publishes at once.

import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, flows, flowVersions, integrations, schedules, skillGroups } from '../../../schemas/db';
import { callerAs } from '../helpers/callers';
import { testBackends, type TestDatabase } from '../helpers/test-database';

type Caller = Awaited<ReturnType<typeof callerAs>>;

/** What the project's six templates reference, by kind (read from templates/*.json and its subflow). */
const projectSkillGroups = [
  'after-sales-general',
  'after-sales-returns',
  'card-fraud',
  'card-services',
  'card-vip',
  'front-desk',
  'hospital-appointments',
  'hotline-general',
  'hotline-market',
  'hotline-social',
  'hotline-urban',
  'utility-customer-service',
  'utility-dispatch',
];
const projectIntegrations = ['card-crm', 'crm', 'his', 'orders', 'tickets'];

const ourHours = { timezone: 'Europe/Berlin', weekly: { mon: [{ from: '08:00', to: '12:00' }] } };

async function rowCounts(database: TestDatabase) {
  const [s, g, i, f] = await Promise.all([
    database.db.select({ key: schedules.key }).from(schedules),
    database.db.select({ key: skillGroups.key }).from(skillGroups),
    database.db.select({ key: integrations.key }).from(integrations),
    database.db.select({ key: flows.key }).from(flows),
  ]);
  return { schedules: s.length, skillGroups: g.length, integrations: i.length, flows: f.length };
}

describe.each(testBackends)('project templates install their resources on $name', (backend) => {
  let database: TestDatabase;
  let designer: Caller;
  let admin: Caller;
  beforeAll(async () => {
    database = await backend.open();
    designer = await callerAs(database.db, 'designer', 'Dana Designer');
    admin = await callerAs(database.db, 'admin', 'Ada Admin');
  });
  afterAll(() => database?.close());

  it('the e-commerce template installs exactly what it and its identify-caller subflow reference', async () => {
    const preview = await designer.caller.flows.templateResources({ template: 'ecommerce-after-sales' });
    const expected = [
      { kind: 'skillGroup', key: 'after-sales-general' },
      { kind: 'skillGroup', key: 'after-sales-returns' },
      { kind: 'integration', key: 'crm' },
      { kind: 'integration', key: 'orders' },
      { kind: 'subflow', key: 'identify-caller' },
    ];
    expect(preview).toEqual({ install: expected, reuse: [], missing: [] });

    const created = await designer.caller.flows.create({ name: 'Shop after-sales', template: 'ecommerce-after-sales' });
    expect(created.resources).toEqual({ installed: expected, reused: [], missing: [] });
    expect(await rowCounts(database)).toEqual({ schedules: 0, skillGroups: 2, integrations: 2, flows: 2 });
    // The subflow is now published here, so it is reused as it is and its own references (crm) are not followed.
    const reuse = expected.filter((ref) => ref.key !== 'crm');
    expect(await designer.caller.flows.templateResources({ template: 'ecommerce-after-sales' })).toEqual({
      install: [],
      reuse,
      missing: [],
    });
  });

  it("an installed integration carries the template's base URL and no secret", async () => {
    const list = await admin.caller.resources.integrations.listDetails();
    expect(
      list.map(({ key, baseUrl, headerNames, allowInternal, hasSecret, secretHeaderName }) => ({
        key,
        baseUrl,
        headerNames,
        allowInternal,
        hasSecret,
        secretHeaderName,
      })),
    ).toEqual([
      {
        key: 'crm',
        baseUrl: 'https://crm.example.com/api/v1',
        headerNames: [],
        allowInternal: false,
        hasSecret: false,
        secretHeaderName: null,
      },
      {
        key: 'orders',
        baseUrl: 'https://orders.example.com/api/v2',
        headerNames: [],
        allowInternal: false,
        hasSecret: false,
        secretHeaderName: null,
      },
    ]);
  });

  it('an existing schedule with the same key is reused and not modified', async () => {
    const existing = await admin.caller.resources.schedules.create({
      key: 'cn-business-hours',
      name: 'Our own hours',
      definition: ourHours,
    });
    const created = await designer.caller.flows.create({ name: 'Corner shop', template: 'small-business' });
    expect(created.resources).toEqual({
      installed: [{ kind: 'skillGroup', key: 'front-desk' }],
      reused: [{ kind: 'schedule', key: 'cn-business-hours' }],
      missing: [],
    });
    const [after] = await database.db.select().from(schedules).where(eq(schedules.key, 'cn-business-hours'));
    expect(after).toEqual(existing);
    expect(after?.definition.timezone).toBe('Europe/Berlin');
    expect((await designer.caller.versions.publish({ flowId: created.id })).number).toBe(1);
  });

  it('creating each of the six templates then publishing it gives version 1', async () => {
    const templates = await designer.caller.flows.templates();
    expect(templates.map((t) => t.id).sort()).toEqual([
      'bank-card-services',
      'ecommerce-after-sales',
      'government-hotline-12345',
      'hospital-appointments',
      'small-business',
      'utility-emergency-line',
    ]);
    for (const template of templates) {
      const created = await designer.caller.flows.create({ name: `${template.name} pilot`, template: template.id });
      expect(created.resources.missing).toEqual([]);
      const published = await designer.caller.versions.publish({ flowId: created.id, note: 'first go' });
      expect([template.id, published.number]).toEqual([template.id, 1]);
    }
  });

  it('a second flow from the same template installs nothing new', async () => {
    const before = await rowCounts(database);
    const created = await designer.caller.flows.create({ name: 'Hotline again', template: 'government-hotline-12345' });
    expect(created.resources).toEqual({
      installed: [],
      reused: [
        { kind: 'schedule', key: 'cn-business-hours' },
        { kind: 'skillGroup', key: 'hotline-general' },
        { kind: 'skillGroup', key: 'hotline-market' },
        { kind: 'skillGroup', key: 'hotline-social' },
        { kind: 'skillGroup', key: 'hotline-urban' },
        { kind: 'integration', key: 'tickets' },
      ],
      missing: [],
    });
    expect(await rowCounts(database)).toEqual({ ...before, flows: before.flows + 1 });
  });

  it('the identify-caller subflow is a flow of that key, published once as version 1', async () => {
    const rows = await database.db
      .select({
        id: flows.id,
        draft: flows.draft,
        number: flowVersions.number,
        note: flowVersions.note,
        publishedBy: flowVersions.publishedBy,
      })
      .from(flows)
      .innerJoin(flowVersions, eq(flowVersions.flowId, flows.id))
      .where(eq(flows.key, 'identify-caller'));
    expect(rows.map(({ number, note, publishedBy }) => ({ number, note, publishedBy }))).toEqual([
      { number: 1, note: 'Installed with the template "ecommerce-after-sales".', publishedBy: designer.user.id },
    ]);
    expect(rows[0]?.draft.id).toBe('identify-caller');
    expect(rows[0]?.draft.kind).toBe('subflow');
  });

  it('every installed resource has an audit row naming the designer and the template', async () => {
    const rows = await database.db
      .select({ action: auditLog.action, actorId: auditLog.actorId, after: auditLog.after })
      .from(auditLog)
      .where(
        inArray(auditLog.action, [
          'schedule.create',
          'skillGroup.create',
          'integration.create',
          'flow.create',
          'version.publish',
        ]),
      );
    const installs = rows.filter((row) => (row.after as { template?: string }).template !== undefined);
    // Resource rows record the key; the subflow's publish records the version number.
    const keysOf = (action: string) =>
      installs
        .filter((row) => row.action === action)
        .map((row) => {
          const after = row.after as { key?: string; version?: number };
          return after.key ?? `v${after.version}`;
        })
        .sort();
    expect(keysOf('skillGroup.create')).toEqual(projectSkillGroups);
    expect(keysOf('integration.create')).toEqual(projectIntegrations);
    // The admin's own schedule was reused, so no template installed one.
    expect(keysOf('schedule.create')).toEqual([]);
    expect(keysOf('flow.create')).toEqual(['identify-caller']);
    expect(keysOf('version.publish')).toEqual(['v1']);
    expect(new Set(installs.map((row) => row.actorId))).toEqual(new Set([designer.user.id]));
    const [crm] = installs.filter((row) => (row.after as { key?: string }).key === 'crm');
    expect(crm?.after).toEqual({
      key: 'crm',
      name: '',
      baseUrl: 'https://crm.example.com/api/v1',
      headers: {},
      allowInternal: false,
      secretHeaderName: null,
      hasSecret: false,
      template: 'ecommerce-after-sales',
    });
  });
});
