// Lines router: numbers bound once to a flow + version or "latest", enable/disable, audited with before/after and NOTIFYed.

import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZodError } from 'zod';
import { auditLog, lines } from '../../../schemas/db';
import { callerAs, callerFor } from '../helpers/callers';
import { listenTo, type NotificationLog } from '../helpers/notifications';
import { helpdeskFlow, insertFlow, setDraft } from '../helpers/seed-flows';
import { testBackends, type TestDatabase } from '../helpers/test-database';
import { trpcError } from '../helpers/trpc-error';

type Caller = Awaited<ReturnType<typeof callerAs>>;

describe.each(testBackends)('lines router on $name', (backend) => {
  let database: TestDatabase;
  let admin: Caller;
  let designer: Caller;
  let notices: NotificationLog;
  let salesFlow: string;
  let supportFlow: string;
  let unpublishedFlow: string;
  beforeAll(async () => {
    database = await backend.open();
    admin = await callerAs(database.db, 'admin', 'Ada Admin');
    designer = await callerAs(database.db, 'designer');
    notices = await listenTo(database.handle, 'callflow_lines');
    salesFlow = await insertFlow(database.db, { ...helpdeskFlow('sales'), name: 'Sales hotline' });
    supportFlow = await insertFlow(database.db, { ...helpdeskFlow('support'), name: 'Support' });
    unpublishedFlow = await insertFlow(database.db, helpdeskFlow('unpublished'));
    for (const flowId of [salesFlow, supportFlow]) await designer.caller.versions.publish({ flowId, note: '' });
    // A second, different version of the sales flow (an unchanged draft would not publish).
    await setDraft(database.db, salesFlow, {
      ...helpdeskFlow('sales', { welcome: 'Welcome to sales.' }),
      name: 'Sales hotline',
    });
    await designer.caller.versions.publish({ flowId: salesFlow, note: '' });
  });
  afterAll(async () => {
    await notices?.stop();
    await database?.close();
  });

  const auditFor = (lineId: string, action: string) =>
    database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'line'), eq(auditLog.entityId, lineId), eq(auditLog.action, action)));

  it('create normalises the number, binds it to "latest" by default, audits and announces the change', async () => {
    const line = await admin.caller.lines.create({ number: '+86 (400) 800-1234', flowId: salesFlow, label: 'Sales' });
    expect(line).toMatchObject({
      number: '+864008001234',
      flowId: salesFlow,
      version: null,
      enabled: true,
      label: 'Sales',
    });
    const [entry] = await auditFor(line.id, 'line.create');
    expect(entry!.actorId).toBe(admin.user.id);
    expect(entry!.before).toBeNull();
    expect(entry!.after).toEqual({
      number: '+864008001234',
      flowId: salesFlow,
      version: 'latest',
      enabled: true,
      label: 'Sales',
    });
    expect(await notices.waitFor((p) => (p as { lineId: string }).lineId === line.id)).toEqual({
      lineId: line.id,
      number: '+864008001234',
      action: 'line.create',
    });
  });

  it('a number already bound is refused with CONFLICT naming the flow it is bound to, whatever its spelling', async () => {
    const error = await trpcError(admin.caller.lines.create({ number: '0086 400 800 1234', flowId: supportFlow }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe('The number +864008001234 is already bound to the flow "Sales hotline".');
    expect(await database.db.select().from(lines).where(eq(lines.flowId, supportFlow))).toEqual([]);
  });

  it('a number that is not a phone number is refused with a sentence saying why', async () => {
    const error = await trpcError(admin.caller.lines.create({ number: 'call me', flowId: salesFlow }));
    expect(error.code).toBe('BAD_REQUEST');
    expect((error.cause as ZodError).issues).toEqual([
      expect.objectContaining({
        path: ['number'],
        message:
          '"call me" is not a phone number: use digits, optionally starting with +, e.g. +864008001234 or 12345.',
      }),
    ]);
  });

  it('binding needs a published version: a missing pin or an unpublished flow is refused', async () => {
    const pinned = await trpcError(admin.caller.lines.create({ number: '12345', flowId: salesFlow, version: 7 }));
    expect(pinned.message).toBe('The flow "Sales hotline" has no version 7.');
    const unpublished = await trpcError(admin.caller.lines.create({ number: '12345', flowId: unpublishedFlow }));
    expect(unpublished.code).toBe('BAD_REQUEST');
    expect(unpublished.message).toBe(
      'The flow "Helpdesk unpublished" has no published version yet; publish it before binding a line to it.',
    );
  });

  it('bind pins a version and moves the line to another flow, with before/after in the audit log', async () => {
    const line = await admin.caller.lines.create({ number: '12345', flowId: salesFlow, version: 1 });
    expect(line.version).toBe(1);
    const moved = await admin.caller.lines.bind({ id: line.id, flowId: supportFlow, version: 'latest' });
    expect(moved).toMatchObject({ flowId: supportFlow, version: null });
    const [entry] = await auditFor(line.id, 'line.bind');
    expect(entry!.before).toMatchObject({ flowId: salesFlow, version: 1 });
    expect(entry!.after).toMatchObject({ flowId: supportFlow, version: 'latest' });
    await notices.waitFor(
      (p) =>
        (p as { lineId: string; action: string }).lineId === line.id &&
        (p as { action: string }).action === 'line.bind',
    );
  });

  it('update changes number and label; taking another line’s number is CONFLICT', async () => {
    const line = await admin.caller.lines.create({ number: '95555', flowId: supportFlow });
    const updated = await admin.caller.lines.update({ id: line.id, number: '95 556', label: 'Bank' });
    expect(updated).toMatchObject({ number: '95556', label: 'Bank' });
    const error = await trpcError(admin.caller.lines.update({ id: line.id, number: '+864008001234' }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe('The number +864008001234 is already bound to the flow "Sales hotline".');
    const [entry] = await auditFor(line.id, 'line.update');
    expect(entry!.before).toMatchObject({ number: '95555', label: '' });
    expect(entry!.after).toMatchObject({ number: '95556', label: 'Bank' });
  });

  it('setEnabled disables and enables a line, each audited as its own action', async () => {
    const line = await admin.caller.lines.create({ number: '10086', flowId: salesFlow });
    expect((await admin.caller.lines.setEnabled({ id: line.id, enabled: false })).enabled).toBe(false);
    expect((await admin.caller.lines.setEnabled({ id: line.id, enabled: true })).enabled).toBe(true);
    expect((await auditFor(line.id, 'line.disable'))[0]!.after).toMatchObject({ enabled: false });
    expect((await auditFor(line.id, 'line.enable'))[0]!.before).toMatchObject({ enabled: false });
  });

  it('delete removes the line, audits what it was, and frees the number', async () => {
    const line = await admin.caller.lines.create({ number: '12315', flowId: salesFlow });
    expect(await admin.caller.lines.delete({ id: line.id })).toEqual({ id: line.id, deleted: true });
    const [entry] = await auditFor(line.id, 'line.delete');
    expect(entry!.before).toMatchObject({ number: '12315' });
    expect(entry!.after).toBeNull();
    expect((await admin.caller.lines.create({ number: '12315', flowId: supportFlow })).flowId).toBe(supportFlow);
    expect((await trpcError(admin.caller.lines.delete({ id: line.id }))).code).toBe('NOT_FOUND');
  });

  it('list shows each line with its flow, ordered by number', async () => {
    const list = await admin.caller.lines.list();
    expect(list.map((l) => l.number)).toEqual([...list.map((l) => l.number)].sort());
    expect(list.find((l) => l.number === '+864008001234')).toMatchObject({
      flowName: 'Sales hotline',
      flowKey: 'sales',
      version: null,
      enabled: true,
    });
  });

  it('only administrators may list or change lines', async () => {
    const [line] = await admin.caller.lines.list();
    if (!line) throw new Error('the tests above left no line to try the roles on');
    for (const role of ['designer', 'tester', 'viewer'] as const) {
      const { caller } = await callerAs(database.db, role);
      for (const call of [
        caller.lines.list(),
        caller.lines.create({ number: '11111', flowId: salesFlow }),
        caller.lines.update({ id: line.id, label: 'x' }),
        caller.lines.bind({ id: line.id, flowId: salesFlow, version: 'latest' }),
        caller.lines.setEnabled({ id: line.id, enabled: false }),
        caller.lines.delete({ id: line.id }),
      ]) {
        expect((await trpcError(call)).code).toBe('FORBIDDEN');
      }
    }
    expect((await trpcError(callerFor(database.db, null).lines.list())).code).toBe('UNAUTHORIZED');
    expect((await admin.caller.lines.list()).find((l) => l.id === line.id)).toMatchObject({
      label: line.label,
      enabled: line.enabled,
    });
  });
});
