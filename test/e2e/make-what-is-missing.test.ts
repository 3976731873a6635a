// Browser: what a field needs is made where it is needed (issue 15, point 4) — a variable declared from the node that
// uses it, a skill group, integration and schedule created in a drawer from the picker and selected, pickers that
// say what to do when empty and show resources made elsewhere without a reload, "new …" only for roles allowed to.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../flow-engine/document';
import { apiMutation, apiQuery } from './helpers/api';
import { expectAccessible } from './helpers/axe';
import { useStudio } from './helpers/studio-test';

interface FlowRow {
  id: string;
  revision: number;
  draft: FlowDocument;
}

const tts = (text: string) => ({ tts: { 'en-US': text } });

/** A flow whose collect stores into an undeclared variable and whose queue, http and schedule nodes lack resources. */
function needyFlow(base: FlowDocument): FlowDocument {
  const at = (x: number) => ({ x, y: 0 });
  return {
    ...base,
    languages: ['en-US'],
    defaultLanguage: 'en-US',
    variables: [],
    nodes: [
      { id: 'start', type: 'start', label: 'Incoming call', position: at(0), config: {} },
      {
        id: 'hours',
        type: 'schedule',
        label: 'Business hours',
        position: at(260),
        config: { schedule: { ref: 'to-be-made' } },
      },
      {
        id: 'ask',
        type: 'collect',
        label: 'Ask order',
        position: at(520),
        config: { prompt: tts('Your order number, please'), variable: 'orderId', minDigits: 4, maxDigits: 12 },
      },
      { id: 'crm', type: 'http', label: 'CRM lookup', position: at(780), config: { url: '/orders/{{orderId}}' } },
      {
        id: 'q',
        type: 'queue',
        label: 'After-sales queue',
        position: at(1040),
        config: { skillGroup: { ref: 'to-be-made' } },
      },
    ],
    edges: [
      { id: 'e1', source: 'start', port: 'next', target: 'hours' },
      { id: 'e2', source: 'hours', port: 'open', target: 'ask' },
      { id: 'e3', source: 'ask', port: 'ok', target: 'crm' },
      { id: 'e4', source: 'crm', port: 'ok', target: 'q' },
    ],
  };
}

describe('make what is missing where it is missing', () => {
  const studio = useStudio();

  async function seed(page: Page, name: string): Promise<FlowRow> {
    const created = await apiMutation<{ id: string }>(page, 'flows.create', { name });
    const row = await apiQuery<FlowRow>(page, 'flows.get', { flowId: created.id });
    await apiMutation(page, 'flows.saveDraft', {
      flowId: row.id,
      document: needyFlow(row.draft),
      baseRevision: row.revision,
    });
    return row;
  }

  async function openEditor(page: Page, flowId: string) {
    await studio.goto(page, `/flows/${flowId}`);
    await page.locator('[aria-label="Flow canvas"]').waitFor();
    await page.getByRole('button', { name: /fit view/i }).click();
    await page.getByTestId('node-q').waitFor();
  }

  async function openNode(page: Page, nodeId: string) {
    await page.getByTestId(`node-${nodeId}`).click();
    const settings = page.getByRole('region', { name: 'Node settings' });
    await settings.and(page.locator(`[data-node-id="${nodeId}"]`)).waitFor();
    return settings;
  }

  /** The draft as the server has it once `check` accepts it (the inspector and autosave write a moment after an edit). */
  async function savedDraft(
    page: Page,
    flowId: string,
    check: (draft: FlowDocument) => boolean,
  ): Promise<FlowDocument> {
    let last: FlowDocument | undefined;
    for (let attempt = 0; attempt < 60; attempt++) {
      last = (await apiQuery<FlowRow>(page, 'flows.get', { flowId })).draft;
      if (check(last)) return last;
      await page.waitForTimeout(500);
    }
    throw new Error(`The saved draft never matched; last saved: ${JSON.stringify(last)}`);
  }
  const configOf = (draft: FlowDocument, id: string) =>
    draft.nodes.find((n) => n.id === id)?.config as Record<string, { ref?: string }> | undefined;

  const drawer = (page: Page, title: string) => page.locator('.ant-drawer-open').filter({ hasText: title });

  // First: the admin's test below creates an integration, and this one needs the list empty.
  it('a designer may create skill groups and schedules in place but not integrations, and is told whom to ask', async () => {
    const admin = await studio.adminPage();
    const designer = {
      name: 'Designer Dai',
      email: 'dai@example.com',
      password: 'designer-password-1',
      role: 'designer',
    };
    await apiMutation(admin, 'users.create', designer);
    const flow = await seed(admin, 'Designer needs things');

    const page = await studio.newPage();
    await studio.signIn(page, { email: designer.email, password: designer.password });
    await openEditor(page, flow.id);
    let settings = await openNode(page, 'crm');
    await expect(settings.getByRole('button', { name: /New integration/ }).count()).resolves.toBe(0);
    await settings
      .getByText(
        'There is none yet: ask an administrator to create one under Integrations, or type the key it will have.',
      )
      .waitFor();
    settings = await openNode(page, 'hours');
    await settings.getByRole('button', { name: /New schedule/ }).waitFor();
    await expectAccessible(page);
  });

  it('an admin declares a variable in place and creates a skill group, an integration and a schedule from the pickers', async () => {
    const page = await studio.adminPage();
    const flow = await seed(page, 'Needs things');
    await openEditor(page, flow.id);
    const panel = page.getByRole('complementary', { name: 'Inspector' });

    // The collect stores into orderId, which the flow does not declare: one click declares it as text.
    await openNode(page, 'ask');
    const declare = panel.getByRole('button', { name: /Declare orderId \(text\)/ });
    await declare.click();
    await declare.waitFor({ state: 'detached' });
    const declared = await savedDraft(page, flow.id, (d) => d.variables.length > 0);
    expect(declared.variables).toEqual([{ name: 'orderId', type: 'string' }]);

    // The queue's skill-group picker is empty and says what to do; "New skill group" opens the page's form in a drawer.
    let settings = await openNode(page, 'q');
    await settings.getByText('There is none yet: create one with “New skill group”.').waitFor();
    await settings.getByRole('button', { name: /New skill group/ }).click();
    let form = drawer(page, 'New skill group');
    await form.getByLabel('Key').fill('after-sales');
    await form.getByLabel('Name').fill('After-sales');
    await expectAccessible(page);
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'hidden' });
    await expect(settings.getByRole('combobox', { name: 'Skill group' }).inputValue()).resolves.toBe('after-sales');
    await savedDraft(page, flow.id, (d) => configOf(d, 'q')?.skillGroup?.ref === 'after-sales');

    // The integration, the same way (an admin may create integrations).
    settings = await openNode(page, 'crm');
    await settings.getByRole('button', { name: /New integration/ }).click();
    form = drawer(page, 'New integration');
    await form.getByLabel('Key').fill('crm');
    await form.getByLabel('Base URL').fill('https://crm.example.com');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'hidden' });
    await expect(settings.getByRole('combobox', { name: 'Integration' }).inputValue()).resolves.toBe('crm');

    // The schedule: the weekly hours and calendar form of the schedules page, Monday to Friday 9–18 by default.
    settings = await openNode(page, 'hours');
    await settings.getByRole('button', { name: /New schedule/ }).click();
    form = drawer(page, 'New schedule');
    await form.getByLabel('Key').fill('office-hours');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'hidden' });
    await expect(settings.getByRole('combobox', { name: 'Schedule' }).inputValue()).resolves.toBe('office-hours');
    await savedDraft(
      page,
      flow.id,
      (d) => configOf(d, 'crm')?.integration?.ref === 'crm' && configOf(d, 'hours')?.schedule?.ref === 'office-hours',
    );
    const schedules = await apiQuery<{ key: string; definition: { weekly: Record<string, unknown> } }[]>(
      page,
      'resources.schedules.list',
    );
    expect(schedules.find((s) => s.key === 'office-hours')?.definition.weekly).toHaveProperty('mon');

    // An exit can lead to a new node: "Overflow" of the queue gets a Record node beside it, connected, and selected.
    await openNode(page, 'q');
    await panel.getByRole('combobox', { name: '“Overflow” leads to' }).click();
    await page.keyboard.type('New Record');
    await page.locator('.ant-select-item-option').filter({ hasText: 'New Record' }).click();
    await page.getByRole('region', { name: 'Node settings' }).and(page.locator('[data-node-id^="record_"]')).waitFor();
    const withRecord = await savedDraft(page, flow.id, (d) => d.nodes.some((n) => n.type === 'record'));
    const record = withRecord.nodes.find((n) => n.type === 'record')!;
    expect(withRecord.edges).toContainEqual(
      expect.objectContaining({ source: 'q', port: 'overflow', target: record.id }),
    );
    const queueAt = withRecord.nodes.find((n) => n.id === 'q')!.position;
    const recordAt = record.position;
    expect(recordAt.x).toBeGreaterThan(queueAt.x);

    // A skill group made elsewhere (another tab, the resources page: here the API) shows when a picker opens, without a
    // reload: the new Record node's mailbox (still empty, so every key is listed).
    await apiMutation(page, 'resources.skillGroups.create', { key: 'vip-line', name: 'VIP line' });
    await page.getByRole('region', { name: 'Node settings' }).getByRole('combobox', { name: 'Mailbox (team)' }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'vip-line' }).waitFor();
    await expect(page.locator('.ant-select-item-option').filter({ hasText: 'after-sales' }).count()).resolves.toBe(1);
  });
});
