// loadResolver(): the resources a flow references, loaded from the database; integrations without secrets, subflows at their latest version.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referencedKeys } from '../../../flow-engine/resource-references';
import { loadResolver } from '../../../schemas/load-resolver';
import type { FlowDocument } from '../../../flow-engine/document';
import { callerAs } from '../helpers/callers';
import { helpdeskFlow, insertFlow, setDraft } from '../helpers/seed-flows';
import { testBackends, type TestDatabase } from '../helpers/test-database';

/** The helpdesk flow plus a schedule node, an http node and a subflow node, each by key. */
function flowWithRefs(): FlowDocument {
  const flow = helpdeskFlow('with-refs', { queueKey: 'sales' });
  flow.nodes.push(
    { id: 'hours', type: 'schedule', position: { x: 0, y: 0 }, config: { schedule: { ref: 'office' } } },
    {
      id: 'lookup',
      type: 'http',
      position: { x: 0, y: 0 },
      config: { integration: { ref: 'crm' }, method: 'GET', url: '/customers' },
    },
    { id: 'identify', type: 'subflow', position: { x: 0, y: 0 }, config: { flow: { ref: 'identify' } } },
    { id: 'broken', type: 'queue', position: { x: 0, y: 0 }, config: { skillGroup: 'not a ref' } },
  );
  return flow;
}

describe.each(testBackends)('loadResolver on $name', (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await backend.open();
    const { caller: admin } = await callerAs(database.db, 'admin');
    await admin.resources.schedules.create({
      key: 'office',
      definition: { timezone: 'Asia/Shanghai', weekly: { mon: [{ from: '09:00', to: '18:00' }] } },
    });
    await admin.resources.skillGroups.create({ key: 'sales', name: 'Sales', description: 'New orders' });
    await admin.resources.skillGroups.create({ key: 'unused', name: 'Unused' });
    await admin.resources.integrations.create({
      key: 'crm',
      baseUrl: 'https://crm.example.com/api',
      headers: { 'X-Tenant': 'acme' },
      secret: { headerName: 'Authorization', value: 'Bearer hunter2' },
    });
    const child = { ...helpdeskFlow('identify', { welcome: 'Version one' }), kind: 'subflow' as const };
    const childId = await insertFlow(database.db, child);
    await admin.versions.publish({ flowId: childId, note: '' });
    await setDraft(database.db, childId, {
      ...child,
      nodes: child.nodes.map((n) => (n.id === 'welcome' ? { ...n, label: 'Version two' } : n)),
    });
    await admin.versions.publish({ flowId: childId, note: '' });
  });
  afterAll(() => database?.close());

  it('referencedKeys lists each kind of key once and skips nodes whose config does not parse', () => {
    const keys = referencedKeys(flowWithRefs());
    expect([...keys.schedule]).toEqual(['office']);
    expect([...keys.skillGroup]).toEqual(['sales']);
    expect([...keys.integration]).toEqual(['crm']);
    expect([...keys.subflow]).toEqual(['identify']);
  });

  it('resolves schedules, skill groups, integrations without their secret, and the latest published subflow', async () => {
    const resolver = await loadResolver(database.db, flowWithRefs());
    expect(resolver.schedule('office')).toMatchObject({
      timezone: 'Asia/Shanghai',
      weekly: { mon: [{ from: '09:00', to: '18:00' }] },
    });
    expect(resolver.skillGroup('sales')).toEqual({ name: 'Sales', description: 'New orders' });
    expect(resolver.integration('crm')).toEqual({
      baseUrl: 'https://crm.example.com/api',
      headers: { 'X-Tenant': 'acme' },
      allowInternal: false,
    });
    expect(JSON.stringify(resolver.integration('crm'))).not.toContain('hunter2');
    expect(resolver.subflow('identify')?.nodes.find((n) => n.id === 'welcome')?.label).toBe('Version two');
  });

  it('loads only what the flow references', async () => {
    const resolver = await loadResolver(database.db, flowWithRefs());
    expect(resolver.skillGroup('unused')).toBeUndefined();
    expect(resolver.schedule('missing')).toBeUndefined();
  });
});
