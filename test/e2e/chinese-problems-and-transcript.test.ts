// Browser, zh-CN: the editor's problems, the simulator's transcript, new nodes and the templates speak Chinese and
// name nodes by label — "主菜单 的出口“1”未连接", not `Node "menu_vtbcvy": port "1"` — with no console errors.

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

const at = (y: number) => ({ x: 0, y });
const prompt = (text: string) => ({ tts: { 'zh-CN': text } });

/** Start → 主菜单 (id menu_vtbcvy): key 1 to 转人工 (a transfer), the rest to a hang-up. */
function hotline(doc: FlowDocument, connectKey1: boolean): FlowDocument {
  return {
    ...doc,
    languages: ['zh-CN'],
    defaultLanguage: 'zh-CN',
    nodes: [
      { id: 'start', type: 'start', position: at(0), config: {} },
      {
        id: 'menu_vtbcvy',
        type: 'menu',
        label: '主菜单',
        position: at(150),
        config: { prompt: prompt('人工服务请按 1'), options: [{ key: '1' }] },
      },
      { id: 'agent_x1', type: 'transfer', label: '转人工', position: at(300), config: { to: '10086' } },
      { id: 'bye_q9', type: 'hangup', label: '再见', position: at(450), config: { prompt: prompt('再见') } },
    ],
    edges: [
      { id: 'e1', source: 'start', port: 'next', target: 'menu_vtbcvy' },
      ...(connectKey1 ? [{ id: 'e2', source: 'menu_vtbcvy', port: '1', target: 'agent_x1' }] : []),
      { id: 'e3', source: 'menu_vtbcvy', port: 'noInput', target: 'bye_q9' },
      { id: 'e4', source: 'menu_vtbcvy', port: 'invalid', target: 'bye_q9' },
      { id: 'e5', source: 'agent_x1', port: 'busy', target: 'bye_q9' },
      { id: 'e6', source: 'agent_x1', port: 'noAnswer', target: 'bye_q9' },
      { id: 'e7', source: 'agent_x1', port: 'failed', target: 'bye_q9' },
    ],
  };
}

describe('the studio in Chinese names nodes by label', () => {
  const studio = useStudio();

  async function flowWith(page: Page, name: string, connectKey1: boolean): Promise<string> {
    const created = await apiMutation<{ id: string }>(page, 'flows.create', { name });
    const flow = await apiQuery<FlowRow>(page, 'flows.get', { flowId: created.id });
    await apiMutation(page, 'flows.saveDraft', {
      flowId: flow.id,
      document: hotline(flow.draft, connectKey1),
      baseRevision: flow.revision,
    });
    return flow.id;
  }

  /** Opens the editor and records console errors and uncaught exceptions from then on. */
  async function openEditor(page: Page, flowId: string): Promise<string[]> {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await studio.goto(page, `/flows/${flowId}`);
    await page.locator('[aria-label="流程画布"]').waitFor();
    await page.locator('.react-flow__node').first().waitFor();
    return errors;
  }

  it('the problems panel says in Chinese which labelled node has an open key, and the start node reads 来电', async () => {
    const page = await studio.adminPage({ locale: 'zh-CN' });
    const flowId = await flowWith(page, '售后热线', false);
    const errors = await openEditor(page, flowId);
    await expect(page.getByTestId('node-start').textContent()).resolves.toContain('来电');

    // Key 1 open leaves 转人工 unreachable too: two errors.
    await page
      .getByRole('button', { name: /2 个错误/ })
      .first()
      .click({ timeout: 60_000 });
    const problems = page.getByRole('region', { name: '问题' });
    await problems.getByText('主菜单 的出口“1”未连接；请把它连到下一步（出口标识 1）。').waitFor();
    await problems.getByText('从开始节点无法到达 转人工；请连接它或删除它。').waitFor();
    const text = (await problems.textContent()) ?? '';
    expect(text).not.toContain('menu_vtbcvy');
    expect(text).not.toMatch(/Node "|is not connected/);
    await expectAccessible(page);
    expect(errors).toEqual([]);
  });

  it('the simulator transcript and timeline read in Chinese, by node label', async () => {
    const page = await studio.adminPage({ locale: 'zh-CN' });
    const flowId = await flowWith(page, '转人工热线', true);
    const errors = await openEditor(page, flowId);
    await page.getByRole('button', { name: /模拟$/ }).click();
    const panel = page.getByRole('region', { name: '模拟来电' });
    // Paused, no countdown runs while the key is sent; Continue reveals the rest of the call.
    await panel.getByRole('button', { name: '开始通话' }).click();
    await panel.getByRole('button', { name: '暂停' }).click();
    await panel.getByRole('status').filter({ hasText: '在 主菜单 等待按键' }).waitFor({ timeout: 30_000 });
    await panel.getByRole('button', { name: '按键 1' }).click();
    await panel.getByRole('button', { name: '继续' }).click();
    await panel.getByRole('status').filter({ hasText: '通话在 转人工 结束' }).waitFor({ timeout: 30_000 });
    const transcript = panel.locator('.cf-sim-transcript');
    await transcript.getByText('转接到 10086 → 已接听').waitFor();
    const lines = (await transcript.textContent()) ?? '';
    expect(lines).not.toMatch(/transfer to|menu_vtbcvy|agent_x1/);
    await panel.getByRole('tab', { name: '时间线' }).click();
    const timeline = (await panel.locator('.cf-sim-timeline').textContent()) ?? '';
    expect(timeline).toContain('主菜单');
    expect(timeline).not.toMatch(/menu_vtbcvy|agent_x1/);
    expect(errors).toEqual([]);
  });

  it('the new-flow dialog lists the templates by their Chinese names and descriptions', async () => {
    const page = await studio.adminPage({ locale: 'zh-CN' });
    await page.getByRole('button', { name: '新建流程' }).click();
    const dialog = page.getByRole('dialog', { name: '新建流程' });
    await dialog.getByText('小微企业总机', { exact: true }).waitFor();
    await dialog.getByText('12345 政务服务热线', { exact: true }).waitFor();
    await expect(dialog.getByText('Small business main line').count()).resolves.toBe(0);
    await dialog.getByText('小微企业总机', { exact: true }).click();
    await expect(dialog.getByRole('textbox', { name: '名称' }).inputValue()).resolves.toBe('小微企业总机');
  });
});
