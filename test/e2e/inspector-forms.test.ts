// Browser: the node inspector's forms change the draft (menu keys, collect settings, a condition's rule builder), each
// change is saved and survives a reload; a prompt emptied in one language shows that language as missing.

import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { FlowDocument, FlowNode } from '../../flow-engine/document';
import { apiMutation, apiQuery } from './helpers/api';
import { expectAccessible } from './helpers/axe';
import { useStudio } from './helpers/studio-test';

type FlowRow = { id: string; revision: number; draft: FlowDocument };

/** The node as the server has it, once `check` accepts it (autosave runs a moment after the edit). */
async function savedNode(
  page: Page,
  flowId: string,
  nodeId: string,
  check: (node: FlowNode) => boolean,
): Promise<FlowNode> {
  let last: FlowNode | undefined;
  for (let attempt = 0; attempt < 60; attempt++) {
    const flow = await apiQuery<FlowRow>(page, 'flows.get', { flowId });
    last = flow.draft.nodes.find((n) => n.id === nodeId);
    if (last && check(last)) return last;
    await page.waitForTimeout(500);
  }
  throw new Error(`The saved node ${nodeId} never matched; last saved: ${JSON.stringify(last)}`);
}

async function openNode(page: Page, nodeId: string, settings = 'Node settings') {
  await page.getByTestId(`node-${nodeId}`).click();
  const inspector = page.getByRole('region', { name: settings });
  await inspector.and(page.locator(`[data-node-id="${nodeId}"]`)).waitFor();
  return inspector;
}

describe('inspector forms', () => {
  const studio = useStudio();

  it('adding a menu key with a label is saved to the draft and shown again after a reload; an emptied language is marked missing', async () => {
    const page = await studio.signedInPage();
    const flow = await apiMutation<FlowRow>(page, 'flows.create', {
      name: 'Inspector menu e2e',
      template: 'small-business',
    });
    await page.goto(`/flows/${flow.id}`);
    const inspector = await openNode(page, 'mainMenu');
    await inspector.getByRole('button', { name: 'Add a key' }).click();
    await inspector.getByRole('textbox', { name: 'Label of option 4' }).fill('Support');
    const saved = await savedNode(page, flow.id, 'mainMenu', (n) =>
      JSON.stringify(n.config.options).includes('Support'),
    );
    expect(saved.config.options).toEqual([
      { key: '1', label: 'Sales' },
      { key: '2', label: 'Accounts' },
      { key: '0', label: 'Reception' },
      { key: '3', label: 'Support' },
    ]);
    // The other settings are untouched: no defaults written into the document.
    expect(Object.keys(saved.config).sort()).toEqual(['invalidPrompt', 'noInputPrompt', 'options', 'prompt']);
    await expectAccessible(page);

    await inspector.getByRole('combobox', { name: 'Text in en-US' }).first().fill('');
    await inspector.getByText('en-US missing').first().waitFor();
    const emptied = await savedNode(
      page,
      flow.id,
      'mainMenu',
      (n) => !('en-US' in (n.config.prompt as { tts: Record<string, string> }).tts),
    );
    expect((emptied.config.prompt as { tts: Record<string, string> }).tts['zh-CN']).toMatch(/^您好/);

    await page.reload();
    const again = await openNode(page, 'mainMenu');
    await expect(again.getByRole('textbox', { name: 'Label of option 4' }).inputValue()).resolves.toBe('Support');
    await again.getByText('en-US missing').first().waitFor();
  });

  it('the collect form writes length and sensitivity, and shows the schema error when fewest digits exceed most', async () => {
    const page = await studio.signedInPage();
    const flow = await apiMutation<FlowRow>(page, 'flows.create', {
      name: 'Inspector collect e2e',
      template: 'ecommerce-after-sales',
    });
    await page.goto(`/flows/${flow.id}`);
    const inspector = await openNode(page, 'askOrderId');
    const fewest = inspector.getByRole('spinbutton', { name: 'Fewest digits' });
    await fewest.fill('10');
    await inspector.getByRole('switch', { name: 'Sensitive (mask everywhere)' }).click();
    const saved = await savedNode(
      page,
      flow.id,
      'askOrderId',
      (n) => n.config.minDigits === 10 && n.config.sensitive === true,
    );
    expect(saved.config).toMatchObject({ minDigits: 10, maxDigits: 12, sensitive: true, variable: 'orderId' });

    // More fewest digits than most digits: the node's own schema refuses it at the field.
    await fewest.fill('13');
    await inspector.getByText('Fewest digits must not exceed most digits.').waitFor();
    await expectAccessible(page);
  });

  it('a Chinese admin reads the field errors in Chinese: the schema rule and a name pattern', async () => {
    const page = await studio.signedInPage({ locale: 'zh-CN' });
    const flow = await apiMutation<FlowRow>(page, 'flows.create', {
      name: '检查中文错误',
      template: 'ecommerce-after-sales',
    });
    await studio.goto(page, `/flows/${flow.id}`);
    const inspector = await openNode(page, 'askOrderId', '节点设置');
    const fewest = inspector.getByRole('spinbutton', { name: '最少位数' });
    await fewest.fill('13');
    await inspector.getByText('最少位数不能超过最多位数。').waitFor();
    await inspector.getByRole('combobox', { name: '存入变量' }).fill('9lives');
    await inspector
      .getByText(/^须以字母/)
      .first()
      .waitFor();
    await expectAccessible(page);
  });

  it('the condition rule builder rewrites the rule as CEL and the draft keeps it', async () => {
    const page = await studio.signedInPage();
    const flow = await apiMutation<FlowRow>(page, 'flows.create', {
      name: 'Inspector condition e2e',
      template: 'ecommerce-after-sales',
    });
    await page.goto(`/flows/${flow.id}`);
    const inspector = await openNode(page, 'statusCheck');
    await inspector.getByRole('textbox', { name: 'Value of check 1' }).first().fill('in_transit');
    const saved = await savedNode(
      page,
      flow.id,
      'statusCheck',
      (n) => (n.config.rules as { when: string }[])[0]?.when.includes('in_transit') ?? false,
    );
    expect((saved.config.rules as { when: string }[])[0]?.when).toBe('orderStatus == "in_transit"');
  });

  it('a recording prompt takes the text its recording says per language; the problems list the language left without recording or text', async () => {
    const page = await studio.signedInPage();
    const flow = await apiMutation<FlowRow>(page, 'flows.create', {
      name: 'Inspector recording fallback e2e',
      template: 'small-business',
    });
    await page.goto(`/flows/${flow.id}`);
    const inspector = await openNode(page, 'mainMenu');
    // antd's button radios hide the input itself: click its label.
    await inspector.locator('label.ant-radio-button-wrapper', { hasText: 'Recording' }).first().click();
    await inspector.getByRole('combobox', { name: 'Recording in zh-CN' }).first().fill('welcome');
    await inspector.getByRole('combobox', { name: 'Recording in en-US' }).first().fill('welcome');
    await inspector
      .getByRole('textbox', { name: 'Text spoken in en-US when the recording is missing' })
      .first()
      .fill('Press 1 for sales, 2 for accounts.');
    const saved = await savedNode(page, flow.id, 'mainMenu', (n) =>
      JSON.stringify(n.config.prompt).includes('accounts.'),
    );
    expect(saved.config.prompt).toEqual({
      audio: { 'zh-CN': 'welcome', 'en-US': 'welcome' },
      fallbackTts: { 'en-US': 'Press 1 for sales, 2 for accounts.' },
    });
    await expectAccessible(page);

    // The library is empty: zh-CN callers would hear nothing there, en-US callers hear the text.
    await page.getByRole('button', { name: /\d+ errors? · [1-9]\d* warnings?/ }).click({ timeout: 60_000 });
    const problems = page.getByRole('region', { name: 'Problems' });
    await problems
      .getByText(/plays recording "welcome", which the prompt audio library has no zh-CN recording of/)
      .waitFor();
    await expect(problems.getByText(/no en-US recording of/).count()).resolves.toBe(0);
  });
});
