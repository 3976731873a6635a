// Template resources in a folder of test templates: what is missing, what only an admin may install, races and rollback.

import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FlowDocument } from '../../../flow-engine/document';
import { auditLog, flows, integrations, schedules, skillGroups } from '../../../schemas/db';
import { callerAs } from '../helpers/callers';
import { brokenFlow, helpdeskFlow, insertFlow } from '../helpers/seed-flows';
import { testBackends, type TestDatabase } from '../helpers/test-database';
import { trpcError } from '../helpers/trpc-error';

type Caller = Awaited<ReturnType<typeof callerAs>>;

/** The helpdesk flow with a call of subflow `subflowKey` between start and the welcome prompt. */
function withSubflowFirst(flow: FlowDocument, subflowKey: string): FlowDocument {
  return {
    ...flow,
    nodes: [
      ...flow.nodes,
      { id: 'sub', type: 'subflow', position: { x: 200, y: 0 }, config: { flow: { ref: subflowKey } } },
    ],
    edges: [
      { id: 'e0', source: 'start', port: 'next', target: 'sub' },
      { id: 'e1', source: 'sub', port: 'next', target: 'welcome' },
      ...flow.edges.filter((edge) => edge.id !== 'e1'),
    ],
  };
}

/** start → one http call through `integrationKey` → hang up on every outcome. */
function httpLine(key: string, integrationKey: string): FlowDocument {
  return {
    schemaVersion: 1,
    id: key,
    name: `Calls ${integrationKey}`,
    languages: ['en-US'],
    defaultLanguage: 'en-US',
    variables: [],
    nodes: [
      { id: 'start', type: 'start', position: { x: 0, y: 0 }, config: {} },
      {
        id: 'lookup',
        type: 'http',
        position: { x: 0, y: 100 },
        config: { integration: { ref: integrationKey }, url: '/lookup' },
      },
      { id: 'end', type: 'hangup', position: { x: 0, y: 200 }, config: {} },
    ],
    edges: [
      { id: 'e1', source: 'start', port: 'next', target: 'lookup' },
      ...['ok', 'error', 'timeout'].map((port) => ({ id: `lookup-${port}`, source: 'lookup', port, target: 'end' })),
    ],
  };
}

/** start → one schedule node on the shared schedule `scheduleKey` → hang up on every outcome. */
function scheduleLine(key: string, scheduleKey: string): FlowDocument {
  return {
    ...httpLine(key, 'unused'),
    name: `Hours ${scheduleKey}`,
    nodes: [
      { id: 'start', type: 'start', position: { x: 0, y: 0 }, config: {} },
      { id: 'hours', type: 'schedule', position: { x: 0, y: 100 }, config: { schedule: { ref: scheduleKey } } },
      { id: 'end', type: 'hangup', position: { x: 0, y: 200 }, config: {} },
    ],
    edges: [
      { id: 'e1', source: 'start', port: 'next', target: 'hours' },
      ...['open', 'closed', 'holiday'].map((port) => ({ id: `hours-${port}`, source: 'hours', port, target: 'end' })),
    ],
  };
}

describe.each(testBackends)('template resources in a folder of test templates on $name', (backend) => {
  let database: TestDatabase;
  let designer: Caller;
  let viewer: Caller;
  let admin: Caller;
  let templatesDir: string;
  beforeAll(async () => {
    templatesDir = await mkdtemp(path.join(tmpdir(), 'callflow-templates-'));
    await mkdir(path.join(templatesDir, 'resources'));
    await mkdir(path.join(templatesDir, 'subflows'));
    const write = (file: string, value: unknown) => writeFile(path.join(templatesDir, file), JSON.stringify(value));
    await write('sales-line.json', helpdeskFlow('sales-line', { queueKey: 'sales' }));
    await write('lost-line.json', helpdeskFlow('lost-line', { queueKey: 'nowhere' }));
    await write('calls-draft.json', withSubflowFirst(helpdeskFlow('calls-draft'), 'drafted'));
    await write(
      'calls-broken.json',
      withSubflowFirst(helpdeskFlow('calls-broken', { queueKey: 'rollback-group' }), 'broken-sub'),
    );
    await write('intranet-line.json', httpLine('intranet-line', 'intranet'));
    await write('keyed-line.json', httpLine('keyed-line', 'keyed'));
    await write('creds-line.json', httpLine('creds-line', 'creds'));
    await write('leap-line.json', scheduleLine('leap-line', 'leap-office'));
    await write(
      'calls-intranet-sub.json',
      withSubflowFirst(helpdeskFlow('calls-intranet-sub', { queueKey: 'sales' }), 'intranet-sub'),
    );
    await write('subflows/intranet-sub.json', { ...httpLine('intranet-sub', 'intranet'), kind: 'subflow' });
    await write('subflows/broken-sub.json', { ...brokenFlow('broken-sub'), kind: 'subflow' });
    await write('resources/resources.json', {
      skillGroups: { sales: { name: 'Sales desk' }, 'rollback-group': { name: 'Never kept' } },
      schedules: {
        'leap-office': {
          timezone: 'Asia/Shanghai',
          weekly: { mon: [{ from: '09:00', to: '18:00' }] },
          holidays: [{ date: '2027-02-29' }],
        },
      },
      integrations: {
        intranet: { baseUrl: 'http://10.0.0.5/api', allowInternal: true },
        keyed: { baseUrl: 'https://keyed.example.com', headers: { Authorization: 'Bearer template-token' } },
        creds: { baseUrl: 'http://[fd00:ec2::23]/v1/credentials', allowInternal: true },
      },
      subflows: { 'broken-sub': '../subflows/broken-sub.json', 'intranet-sub': '../subflows/intranet-sub.json' },
    });
    database = await backend.open();
    designer = await callerAs(database.db, 'designer', 'Dana Designer', { templatesDir });
    viewer = await callerAs(database.db, 'viewer', 'Vic Viewer', { templatesDir });
    admin = await callerAs(database.db, 'admin', 'Ada Admin', { templatesDir });
  });
  afterAll(async () => {
    await database?.close();
    await rm(templatesDir, { recursive: true, force: true });
  });

  it('a viewer may preview what a template would install', async () => {
    expect(await viewer.caller.flows.templateResources({ template: 'sales-line' })).toEqual({
      install: [{ kind: 'skillGroup', key: 'sales' }],
      reuse: [],
      missing: [],
    });
  });

  it('two flows created from one template at the same moment both succeed and install the skill group once', async () => {
    const [first, second] = await Promise.all([
      designer.caller.flows.create({ name: 'Sales east', template: 'sales-line' }),
      designer.caller.flows.create({ name: 'Sales west', template: 'sales-line' }),
    ]);
    const reports = [first.resources, second.resources]
      .map((r) => ({ installed: r.installed.length, reused: r.reused.length }))
      .sort((a, b) => a.installed - b.installed);
    expect(reports).toEqual([
      { installed: 0, reused: 1 },
      { installed: 1, reused: 0 },
    ]);
    expect(
      await database.db.select({ name: skillGroups.name }).from(skillGroups).where(eq(skillGroups.key, 'sales')),
    ).toEqual([{ name: 'Sales desk' }]);
    expect((await designer.caller.versions.publish({ flowId: second.id })).number).toBe(1);
  });

  it('a subflow that needs a resource the designer may not install is reported and the rest still installs', async () => {
    const created = await designer.caller.flows.create({ name: 'Intranet caller', template: 'calls-intranet-sub' });
    expect(created.resources).toEqual({
      installed: [],
      reused: [{ kind: 'skillGroup', key: 'sales' }],
      missing: [
        {
          kind: 'integration',
          key: 'intranet',
          message:
            'The template\'s integration "intranet" may call addresses on the internal network, which only an administrator may allow; ask an administrator to create it.',
        },
        {
          kind: 'subflow',
          key: 'intranet-sub',
          message: 'The subflow "intranet-sub" was not installed because it needs "intranet", which is missing.',
        },
      ],
    });
    expect(await database.db.select().from(flows).where(eq(flows.key, 'intranet-sub'))).toEqual([]);
  });

  it('an integration that may call internal addresses is left to an administrator, who can install it', async () => {
    const byDesigner = await designer.caller.flows.create({
      name: 'Intranet by a designer',
      template: 'intranet-line',
    });
    expect(byDesigner.resources).toEqual({
      installed: [],
      reused: [],
      missing: [
        {
          kind: 'integration',
          key: 'intranet',
          message:
            'The template\'s integration "intranet" may call addresses on the internal network, which only an administrator may allow; ask an administrator to create it.',
        },
      ],
    });
    expect(await database.db.select().from(integrations).where(eq(integrations.key, 'intranet'))).toEqual([]);

    const byAdmin = await admin.caller.flows.create({ name: 'Intranet by an admin', template: 'intranet-line' });
    expect(byAdmin.resources).toEqual({
      installed: [{ kind: 'integration', key: 'intranet' }],
      reused: [],
      missing: [],
    });
    const [row] = await database.db
      .select({ baseUrl: integrations.baseUrl, allowInternal: integrations.allowInternal })
      .from(integrations)
      .where(eq(integrations.key, 'intranet'));
    expect(row).toEqual({ baseUrl: 'http://10.0.0.5/api', allowInternal: true });
    expect((await designer.caller.versions.publish({ flowId: byDesigner.id })).number).toBe(1);
  });

  it('an integration whose template sends a credential header is never installed, even by an administrator', async () => {
    const created = await admin.caller.flows.create({ name: 'Keyed', template: 'keyed-line' });
    expect(created.resources.missing).toEqual([
      {
        kind: 'integration',
        key: 'keyed',
        message:
          'The template\'s integration "keyed" sends the Authorization header, a credential; an administrator must create the integration with it as the encrypted secret.',
      },
    ]);
    expect(await database.db.select().from(integrations).where(eq(integrations.key, 'keyed'))).toEqual([]);
  });

  it('an integration pointing at a cloud credential endpoint is never installed, even by an administrator with allowInternal', async () => {
    const created = await admin.caller.flows.create({ name: 'Credentials', template: 'creds-line' });
    expect(created.resources.missing).toEqual([
      {
        kind: 'integration',
        key: 'creds',
        message:
          'The template\'s integration "creds" points to the Amazon EKS Pod Identity agent (pod credentials, IPv6), a cloud metadata service, which HTTP steps may never call.',
      },
    ]);
    expect(await database.db.select().from(integrations).where(eq(integrations.key, 'creds'))).toEqual([]);
  });

  it('a schedule with a date that does not exist is not installed, and says which date', async () => {
    const created = await admin.caller.flows.create({ name: 'Leap office', template: 'leap-line' });
    expect(created.resources.missing).toEqual([
      {
        kind: 'schedule',
        key: 'leap-office',
        message:
          'The template\'s schedule "leap-office" cannot be installed: "2027-02-29" is not a calendar date; write YYYY-MM-DD. (at /holidays/0/date)',
      },
    ]);
    expect(await database.db.select().from(schedules).where(eq(schedules.key, 'leap-office'))).toEqual([]);
  });

  it('a resource neither here nor in the template is listed as missing, and publishing names it', async () => {
    const created = await designer.caller.flows.create({ name: 'Lost line', template: 'lost-line' });
    expect(created.resources).toEqual({
      installed: [],
      reused: [],
      missing: [
        {
          kind: 'skillGroup',
          key: 'nowhere',
          message:
            'The template uses the skill group "nowhere", which neither this environment nor the template\'s resources define; create it before publishing.',
        },
      ],
    });
    const refused = await trpcError(designer.caller.versions.publish({ flowId: created.id }));
    expect(refused.code).toBe('BAD_REQUEST');
    expect(refused.message).toContain('"nowhere"');
  });

  it('a subflow key taken by a flow that was never published is reported, not replaced', async () => {
    await insertFlow(database.db, { ...helpdeskFlow('drafted'), kind: 'subflow' });
    const created = await designer.caller.flows.create({ name: 'Calls a draft', template: 'calls-draft' });
    expect(created.resources.missing).toEqual([
      {
        kind: 'subflow',
        key: 'drafted',
        message:
          'The flow "drafted" that this template calls as a subflow exists but has never been published; publish it first.',
      },
    ]);
    const drafted = await database.db.select({ name: flows.name }).from(flows).where(eq(flows.key, 'drafted'));
    expect(drafted).toEqual([{ name: 'Helpdesk drafted' }]);
  });

  it('a subflow that cannot be published undoes the whole create: no flow, no installed resources', async () => {
    const refused = await trpcError(designer.caller.flows.create({ name: 'Broken', template: 'calls-broken' }));
    expect(refused.code).toBe('BAD_REQUEST');
    expect(refused.message).toContain('cannot be published');
    const left = await database.db
      .select({ key: flows.key })
      .from(flows)
      .where(inArray(flows.key, ['broken', 'broken-sub']));
    expect(left).toEqual([]);
    expect(await database.db.select().from(skillGroups).where(eq(skillGroups.key, 'rollback-group'))).toEqual([]);
    const audits = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'skillGroup.create'), eq(auditLog.actorId, designer.user.id)));
    expect(audits.map((row) => (row.after as { key: string }).key)).not.toContain('rollback-group');
  });

  it('an unreadable template resources file refuses the create with a message naming the file, and creates nothing', async () => {
    const brokenDir = await mkdtemp(path.join(tmpdir(), 'callflow-templates-'));
    try {
      await mkdir(path.join(brokenDir, 'resources'));
      await writeFile(path.join(brokenDir, 'plain.json'), JSON.stringify(helpdeskFlow('plain')));
      await writeFile(
        path.join(brokenDir, 'resources', 'resources.json'),
        JSON.stringify({ skillGroups: { sales: {} } }),
      );
      const { caller } = await callerAs(database.db, 'designer', 'Dee Designer', { templatesDir: brokenDir });
      const logged: string[] = [];
      const spy = vi
        .spyOn(console, 'error')
        .mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
      const refused = await trpcError(caller.flows.create({ name: 'Plain', template: 'plain' })).finally(() =>
        spy.mockRestore(),
      );
      expect(refused.code).toBe('INTERNAL_SERVER_ERROR');
      // A broken installation is the operator's to fix: the user gets an error id, the log names the file.
      const errorId = /error id ([0-9a-f]{12})/.exec(refused.message)?.[1];
      expect(errorId).toBeDefined();
      const line = logged.find((entry) => entry.includes(errorId!)) ?? '';
      expect(line).toMatch(
        /The template resources could not be read, so nothing was created: .*resources\/resources\.json is not a valid resources file/,
      );
      expect(await database.db.select().from(flows).where(eq(flows.key, 'plain'))).toEqual([]);
    } finally {
      await rm(brokenDir, { recursive: true, force: true });
    }
  });
});
