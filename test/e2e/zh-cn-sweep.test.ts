// Browser, zh-CN: an admin walks every page, dialog and panel of the studio — sign-in, flows list, the editor
// (palette, the inspector of every node type, problems, simulate, tests, JSON view, publish review), versions with
// their diff and rollback, lines, schedules, integrations, skill groups, agents, audio, users, audit, settings,
// profile — and sees no raw message key, no English sentence (proper names and the user's own data aside), no
// node id where a label belongs, and no console error.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FlowDocument, FlowNode } from '../../flow-engine/document';
import { apiMutation, apiQuery } from './helpers/api';
import { screenshotDir, useStudio } from './helpers/studio-test';
import { studioRoot } from './helpers/studio-server';
import { UiLanguageSweep } from './helpers/ui-language';

interface FlowRow {
  id: string;
  revision: number;
  draft: FlowDocument;
}

const chineseLabels: Record<string, string> = {
  start: '来电入口',
  play: '欢迎语',
  menu: '主菜单',
  collect: '输入订单号',
  speech: '语音导航',
  record: '留言',
  survey: '满意度调查',
  condition: '判断会员',
  schedule: '工作时间',
  region: '来电地区',
  set: '记录部门',
  http: '查询订单',
  subflow: '身份核验',
  queue: '售后排队',
  callback: '预约回拨',
  transfer: '转值班经理',
  hangup: '再见',
};

/** Only the zh-CN text of a prompt: the flow speaks Chinese alone. */
function chineseOnly(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(chineseOnly);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (k !== 'en-US') out[k] = chineseOnly(v);
  return out;
}

/** One node of every type, taken from the starter templates and labelled in Chinese; ids stay the templates' ASCII ids. */
function everyNodeType(): FlowNode[] {
  const byType = new Map<string, FlowNode>();
  for (const file of [
    'ecommerce-after-sales',
    'government-hotline-12345',
    'hospital-appointments',
    'small-business',
    'utility-emergency-line',
    'bank-card-services',
  ]) {
    const doc = JSON.parse(readFileSync(path.join(studioRoot, 'templates', `${file}.json`), 'utf8')) as FlowDocument;
    for (const node of doc.nodes) if (!byType.has(node.type)) byType.set(node.type, node);
  }
  return [...byType.values()].map((node, i) => ({
    ...node,
    label: chineseLabels[node.type] ?? node.label,
    position: { x: (i % 5) * 260, y: Math.floor(i / 5) * 200 },
    config: chineseOnly(node.config) as FlowNode['config'],
  }));
}

/** Every string the user typed into a value: shown back as written. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (typeof value === 'object' && value !== null) Object.values(value).forEach((v) => strings(v, out));
  return out;
}

const at = (y: number) => ({ x: 0, y });
const zh = (text: string) => ({ tts: { 'zh-CN': text } });

/** A valid little hotline to publish: 主菜单 key 1 → 转人工, key 2 → `key2`, key 3 → 转前台. */
function publishable(doc: FlowDocument, key2: string, greeting: string): FlowDocument {
  return {
    ...doc,
    languages: ['zh-CN'],
    defaultLanguage: 'zh-CN',
    nodes: [
      { id: 'start', type: 'start', label: '来电入口', position: at(0), config: {} },
      {
        id: 'menu_vtbcvy',
        type: 'menu',
        label: '主菜单',
        position: at(150),
        config: { prompt: zh(greeting), options: [{ key: '1' }, { key: '2' }, { key: '3' }] },
      },
      { id: 'agent_x1', type: 'transfer', label: '转人工', position: at(300), config: { to: '10086' } },
      { id: 'desk_b7', type: 'transfer', label: '转前台', position: at(300), config: { to: '10010' } },
      { id: 'bye_q9', type: 'hangup', label: '再见', position: at(450), config: { prompt: zh('再见') } },
    ],
    edges: [
      { id: 'e1', source: 'start', port: 'next', target: 'menu_vtbcvy' },
      { id: 'e2', source: 'menu_vtbcvy', port: '1', target: 'agent_x1' },
      { id: 'e2b', source: 'menu_vtbcvy', port: '2', target: key2 },
      { id: 'e2c', source: 'menu_vtbcvy', port: '3', target: 'desk_b7' },
      { id: 'e3', source: 'menu_vtbcvy', port: 'noInput', target: 'bye_q9' },
      { id: 'e4', source: 'menu_vtbcvy', port: 'invalid', target: 'bye_q9' },
      ...['agent_x1', 'desk_b7'].flatMap((t) =>
        ['busy', 'noAnswer', 'failed'].map((port) => ({ id: `${t}-${port}`, source: t, port, target: 'bye_q9' })),
      ),
    ],
  };
}

/** Data formats an admin types or reads as they are: time zones, CEL names and example expressions, units, example keys. */
const dataWords = [
  'attempts + 1',
  'tier == "vip" ? 9 : 0',
  'value.startsWith("1")',
  'value',
  'tier',
  'Asia/Shanghai',
  'CN',
  'HK',
  'PCM',
  'kHz',
  'MB',
  'response.status',
  'response.body',
  'response',
  'self-service-complete',
  'phone',
];

describe('the studio in zh-CN, every page, dialog and panel', () => {
  const studio = useStudio();

  it('shows no raw key, no English sentence and no console error, and names nodes by label', async () => {
    const page = await studio.newPage({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const nodes = everyNodeType();
    const flowName = '全类型售后热线';
    // Node ids appear as data in the inspector's id field; the problems, reviews and transcripts are checked for them apart.
    const sweep = new UiLanguageSweep([
      flowName,
      '小热线',
      studio.server.admin.email,
      'Administrator',
      'book an appointment',
      'sales-hours',
      'version.publish',
      ...dataWords,
      ...nodes.map((n) => n.id),
      ...nodes.flatMap((n) => strings(n.config)),
      '回拨太慢，恢复旧菜单',
    ]);
    let where = 'sign-in';
    sweep.watchConsole(page, () => where);
    const check = async (name: string, scope?: string) => {
      where = name;
      await page.waitForTimeout(300); // let late renders (tooltips, lazy parts) settle before reading
      await sweep.check(page, name, scope);
    };
    const escape = async () => {
      await page.keyboard.press('Escape');
      await page.waitForTimeout(300);
    };

    await studio.goto(page, '/sign-in');
    await check('sign-in');
    await studio.signIn(page);
    await check('flows list (empty)');

    const created = await apiMutation<{ id: string }>(page, 'flows.create', { name: flowName });
    const flow = await apiQuery<FlowRow>(page, 'flows.get', { flowId: created.id });
    await apiMutation(page, 'flows.saveDraft', {
      flowId: flow.id,
      document: { ...flow.draft, languages: ['zh-CN'], defaultLanguage: 'zh-CN', nodes, edges: [] },
      baseRevision: flow.revision,
    });
    const small = await apiMutation<{ id: string }>(page, 'flows.create', { name: '小热线' });
    const smallRow = await apiQuery<FlowRow>(page, 'flows.get', { flowId: small.id });
    await apiMutation(page, 'flows.saveDraft', {
      flowId: small.id,
      document: publishable(smallRow.draft, 'agent_x1', '欢迎致电'),
      baseRevision: smallRow.revision,
    });
    await apiMutation(page, 'versions.publish', { flowId: small.id, note: '' });

    const step = (name: string, run: () => Promise<void>) => sweep.step(name, run);

    await step('flows list', async () => {
      await studio.goto(page, '/flows');
      await page.getByRole('link', { name: flowName }).first().waitFor();
      await check('flows list');
      await page.getByRole('button', { name: '新建流程' }).click();
      await page.getByRole('dialog', { name: '新建流程' }).waitFor();
      await check('new-flow dialog');
      await escape();
    });

    // The editor: canvas, palette, every node type's inspector, problems, tests, JSON, find, shortcuts.
    await step('editor', async () => {
      where = 'editor';
      await studio.goto(page, `/flows/${flow.id}`);
      await page.locator('.react-flow__node').first().waitFor();
      await check('editor (canvas, palette)');
      // The engine's own words on the cards come from the catalogue: a priority queue, a survey's question count.
      const card = (type: string) =>
        page.getByTestId(`node-${nodes.find((n) => n.type === type)!.id}`).locator('.cf-node-summary');
      await card('queue')
        .filter({ hasText: /（优先）$/ })
        .waitFor();
      await card('survey')
        .filter({ hasText: /^\d+ 个问题$/ })
        .waitFor();
      await card('start')
        .filter({ hasText: /^来电$/ })
        .waitFor();
    });
    for (const node of nodes) {
      await step(`inspector: ${node.type}`, async () => {
        await page.getByTestId(`node-${node.id}`).click();
        await page.waitForTimeout(200);
        await check(`inspector: ${node.type}`);
      });
    }
    await step('flow settings', async () => {
      await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
      await check('flow settings');
    });
    await step('problems', async () => {
      await page
        .getByRole('button', { name: /个错误/ })
        .first()
        .click();
      await page.getByRole('region', { name: '问题' }).waitFor();
      await check('problems');
      const problems = (await page.getByRole('region', { name: '问题' }).textContent()) ?? '';
      for (const node of nodes)
        expect(problems, `problems name ${node.id} by label`).not.toMatch(
          new RegExp(`(?<![\\w/.-])${node.id}(?![\\w-])`),
        );
    });
    await step('tests panel', async () => {
      await page.getByRole('button', { name: /测试$/ }).first().click();
      await page.waitForTimeout(500);
      await check('tests panel');
    });
    await step('JSON view', async () => {
      await page.getByRole('button', { name: 'JSON', exact: true }).click();
      await page.locator('.monaco-editor').first().waitFor({ timeout: 60_000 });
      await check('JSON view');
      await escape();
    });
    await step('find', async () => {
      await page.getByRole('button', { name: '查找节点' }).click();
      await check('find');
      await escape();
    });
    await step('keyboard shortcuts', async () => {
      await escape();
      await page.getByRole('button', { name: '键盘快捷键' }).click();
      await check('keyboard shortcuts');
      await escape();
    });

    // The publishable flow: simulate a call, then publish a change and read the review.
    await step('simulate', async () => {
      await studio.goto(page, `/flows/${small.id}`);
      await page.locator('.react-flow__node').first().waitFor();
      await page.getByRole('button', { name: /模拟$/ }).click();
      const sim = page.getByRole('region', { name: '模拟来电' });
      await check('simulate (not started)');
      await sim.getByRole('button', { name: '开始通话' }).click();
      await sim.getByRole('status').filter({ hasText: '在 主菜单 等待按键' }).waitFor({ timeout: 30_000 });
      await sim.getByRole('button', { name: '按键 2' }).click();
      await sim.getByRole('status').filter({ hasText: '通话在' }).waitFor({ timeout: 30_000 });
      await check('simulate (ended)');
      await sim.getByRole('tab', { name: '时间线' }).click();
      await check('simulate timeline');
    });

    await step('publish review', async () => {
      const current = await apiQuery<FlowRow>(page, 'flows.get', { flowId: small.id });
      await apiMutation(page, 'flows.saveDraft', {
        flowId: small.id,
        document: publishable(current.draft, 'desk_b7', '欢迎致电新版'),
        baseRevision: current.revision,
      });
      await studio.goto(page, `/flows/${small.id}`);
      await page.locator('.react-flow__node').first().waitFor();
      await page.getByRole('button', { name: /发布$/ }).first().click();
      const publish = page.getByRole('dialog', { name: '发布新版本' });
      const review = publish.locator('.cf-review');
      await review.getByText('主菜单 的按键 2：改为通往 转前台（原为 转人工）').waitFor({ timeout: 30_000 });
      await check('publish review');
      expect(await review.textContent()).not.toMatch(/menu_vtbcvy|agent_x1|desk_b7/);
      await publish.getByRole('button', { name: /发布$/ }).click();
      await publish.waitFor({ state: 'hidden' });
    });

    // Versions: the caller-experience diff, and a rollback with its note.
    await step('versions', async () => {
      await studio.goto(page, `/flows/${small.id}/versions`);
      const callerReview = page.getByTestId('caller-review');
      await callerReview.getByText('主菜单 的按键 2：改为通往 转前台（原为 转人工）').waitFor({ timeout: 30_000 });
      expect(await callerReview.textContent()).not.toMatch(/menu_vtbcvy|agent_x1|desk_b7/);
      await check('versions and diff');
      await page.getByRole('button', { name: '回滚到版本 1' }).click();
      await check('rollback dialog');
      await page.getByRole('textbox', { name: '原因（可选）' }).fill('回拨太慢，恢复旧菜单');
      await page.getByRole('button', { name: '回滚', exact: true }).click();
      await page.getByText('已发布为版本 3。').waitFor();
      await page.getByText('回滚到版本 1：回拨太慢，恢复旧菜单').first().waitFor();
      await check('versions after rollback');
    });

    // The audit log words its actions and names its targets: "发布版本" of 流程「小热线」, not `version.publish flow <uuid>`.
    await step('audit entries', async () => {
      await studio.goto(page, '/admin/audit');
      const publishRow = page.locator('tr', { has: page.locator('[data-action="version.publish"]') }).first();
      await publishRow.getByText('发布版本').waitFor();
      await publishRow.getByText('流程「小热线」').waitFor();
      expect(await page.locator('main').first().textContent()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    });

    // Every other page, and the dialog or drawer of its first "new …" button.
    for (const route of [
      '/lines',
      '/resources/schedules',
      '/resources/schedules/new',
      '/resources/integrations',
      '/resources/skill-groups',
      '/resources/agents',
      '/resources/audio',
      '/admin/users',
      '/admin/audit',
      '/admin/settings',
      '/profile',
    ]) {
      await step(route, async () => {
        where = route;
        await studio.goto(page, route);
        await page.waitForLoadState('networkidle');
        await check(route);
        const create = page.getByRole('button', { name: /^新建|^新增|^上传|^添加/ }).first();
        if ((await create.count()) > 0 && (await create.isEnabled())) {
          await create.click();
          await page.waitForTimeout(500);
          await check(`${route}: new`);
          await escape();
        }
      });
    }

    // The findings also go to a file beside the failure screenshots, to read while a long run goes on.
    mkdirSync(screenshotDir, { recursive: true });
    writeFileSync(path.join(screenshotDir, 'zh-cn-sweep-findings.txt'), `${sweep.report()}\n`);
    expect(sweep.report(), 'the zh-CN sweep found').toBe('');
  }, 900_000);
});
