// Browser, zh-CN (issue 15, point 9): an untaught admin builds a typical Chinese hotline from a blank flow with only
// visible controls — business hours with a holiday and a make-up day, a menu whose key 1 looks the caller up in the CRM
// and reads the answer back, a queue announcing the position and offering a callback, voicemail when closed — then
// publishes it and binds a line, without a reload, a second tab or the JSON view. Every click, drag and typed field
// is counted; the hotline must take at most 60.

import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../flow-engine/document';
import { apiQuery } from './helpers/api';
import { expectAccessible } from './helpers/axe';
import { useStudio } from './helpers/studio-test';
import { UserActions } from './helpers/user-actions';

interface FlowRow {
  id: string;
  revision: number;
  draft: FlowDocument;
}

const iso = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** The first day of `month` with the given weekday (0 Sunday … 6 Saturday). */
function firstOfMonth(month: { year: number; month: number }, weekday: (day: number) => boolean): string {
  for (let date = 1; ; date++) {
    const day = new Date(month.year, month.month, date);
    if (weekday(day.getDay())) return iso(day);
  }
}

describe('a typical hotline in few steps', () => {
  const studio = useStudio();

  it('from a blank flow to a published hotline on a line in at most 60 user actions', async () => {
    const page = await studio.newPage({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    await studio.signIn(page);
    const act = new UserActions();

    // A blank flow (a start node that hangs up).
    await act.click(page.getByRole('button', { name: '新建流程' }));
    const create = page.getByRole('dialog', { name: '新建流程' });
    await act.fill(create.getByLabel('名称'), '莲花商城客服热线');
    await act.click(create.getByRole('button', { name: '创建流程' }));
    await page.waitForURL(/\/flows\/[0-9a-f-]{36}$/);
    const flowId = new URL(page.url()).pathname.split('/').pop()!;
    await studio.hydrated(page);
    const canvas = page.locator('[aria-label="流程画布"]');
    await page.getByTestId('node-start').waitFor();
    const settings = page.getByRole('region', { name: '节点设置' });
    const inspector = page.getByRole('complementary', { name: '属性面板' });

    /** Selects a node on the canvas (fitting the view first when it is out of sight: that click counts too). */
    async function select(nodeId: string) {
      const node = page.getByTestId(`node-${nodeId}`);
      // The canvas draws only the nodes in view: one out of it is not on the page at all.
      const view = (await canvas.boundingBox())!;
      const box = (await node.count()) > 0 ? await node.boundingBox() : null;
      const inView =
        box &&
        box.x >= view.x &&
        box.y >= view.y &&
        box.x + box.width <= view.x + view.width &&
        box.y + box.height <= view.y + view.height;
      if (!inView) await act.click(page.getByRole('button', { name: '适应视图：显示整个流程' }));
      await act.click(node, { position: { x: 12, y: 8 } });
      await settings.and(page.locator(`[data-node-id="${nodeId}"]`)).waitFor();
    }

    /**
     * An antd overlay once its opening animation is over: a click into one still opening can be lost on a busy
     * machine (the overlay takes no pointer events while it moves).
     */
    const opened = (overlay: string) =>
      page.locator(`${overlay}:visible:not([class*="-appear"]):not([class*="-enter"])`);

    /** The id of the node the inspector shows once it shows a node of `type` (a node just made from an exit). */
    async function selectedOf(type: string): Promise<string> {
      const shown = settings.and(page.locator(`[data-node-id^="${type}_"]`));
      await shown.waitFor();
      return (await shown.getAttribute('data-node-id'))!;
    }

    /** An exit of the selected node leads to a new node of the type titled `title`; returns the new node's id. */
    async function leadsToNew(port: string, title: string, type: string): Promise<string> {
      await act.click(inspector.getByRole('button', { name: `从“${port}”新建节点` }));
      await act.click(opened('.ant-popover').getByRole('button', { name: `新建${title}`, exact: true }));
      return selectedOf(type);
    }

    /** An exit of the selected node (`port`), or all its free exits (`free`: their count), lead to an existing node. */
    async function leadsTo(exit: { port: string } | { free: number }, target: string) {
      const name = 'port' in exit ? `“${exit.port}”通往` : `其余 ${exit.free} 个须有去向的出口通往`;
      await act.click(inspector.getByRole('combobox', { name }));
      await act.click(opened('.ant-select-dropdown').locator('.ant-select-item-option').filter({ hasText: target }));
      await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    }

    const drawer = (title: string) => page.locator('.ant-drawer-open').filter({ hasText: title });
    /** A drawer's form is saved: it closes, and its closing is over (focus is back in the inspector). */
    async function saved(form: ReturnType<typeof drawer>) {
      await form.waitFor({ state: 'hidden' });
      await expect.poll(() => page.locator('.ant-drawer-content-wrapper:visible').count()).toBe(0);
    }

    // The call first meets the business hours: a new shared schedule, weekdays 9–18 as it comes, a holiday and a
    // make-up Saturday (调休) on the calendar.
    await select('start');
    const hours = await leadsToNew('下一步', '工作时间', 'schedule');
    await act.click(settings.getByRole('button', { name: /新建时间表/ }));
    const scheduleForm = drawer('新建时间表');
    await act.fill(scheduleForm.getByLabel('标识'), 'service-hours');
    // The calendar opens on the browser's current month (its time zone, not this process's).
    const shown = await page.evaluate(() => ({ year: new Date().getFullYear(), month: new Date().getMonth() }));
    const holiday = firstOfMonth(shown, (d) => d >= 1 && d <= 5);
    const makeUpDay = firstOfMonth(shown, (d) => d === 6);
    const dayDialog = page.locator('.ant-modal:visible');
    // A weekday the hours open starts as a holiday, a Saturday they keep closed as a make-up working day.
    await act.click(scheduleForm.locator(`td[title="${holiday}"]`));
    await expect(dayDialog.getByRole('radio', { name: '节假日' }).isChecked()).resolves.toBe(true);
    await act.click(dayDialog.getByRole('button', { name: '应用' }));
    await dayDialog.waitFor({ state: 'hidden' });
    await act.click(scheduleForm.locator(`td[title="${makeUpDay}"]`));
    await expect(dayDialog.getByRole('radio', { name: '特殊营业时间' }).isChecked()).resolves.toBe(true);
    await act.click(dayDialog.getByRole('button', { name: '应用' }));
    await dayDialog.waitFor({ state: 'hidden' });
    await act.click(scheduleForm.getByRole('button', { name: '保存' }));
    await saved(scheduleForm);
    await expect(settings.getByRole('combobox', { name: '日程' }).inputValue()).resolves.toBe('service-hours');

    // Closed: voicemail; on holidays too. Open: the menu.
    const voicemail = await leadsToNew('非营业时间', '录音', 'record');
    await leadsTo({ port: '无输入' }, '挂机（end）');
    await select(hours);
    await leadsTo({ port: '节假日' }, `录音（${voicemail}）`);
    const menu = await leadsToNew('营业时间', '按键菜单', 'menu');

    // The menu: 1 looks the caller up in the CRM, 2 goes to an agent; no input or a wrong key after the retries hangs
    // up (every exit first leads to the hang-up node, then keys 1 and 2 get their new nodes).
    await act.fill(settings.getByLabel('zh-CN 文本'), '查询会员信息请按1，人工服务请按2。');
    await leadsTo({ free: 4 }, '挂机（end）');
    const queue = await leadsToNew('2', '排队', 'queue');

    // The queue: a new skill group (named by its key); a new queue announces the position and offers a callback as it comes. Overflow
    // and no agents go to voicemail; the callback request books a callback, hanging up if that fails.
    await act.click(settings.getByRole('button', { name: /新建技能组/ }));
    const groupForm = drawer('新建技能组');
    await act.fill(groupForm.getByLabel('标识'), 'service');
    await act.click(groupForm.getByRole('button', { name: '保存' }));
    await saved(groupForm);
    // (in folded panels: what a new queue does is there without opening them)
    await expect(settings.getByRole('switch', { name: '播报排队位置', includeHidden: true }).isChecked()).resolves.toBe(
      true,
    );
    await expect(settings.getByLabel('等待多少秒后提供回拨').inputValue()).resolves.toBe('120');
    await leadsTo({ free: 3 }, `录音（${voicemail}）`);
    const callback = await leadsToNew('要求回拨', '回拨', 'callback');
    await leadsTo({ port: '失败' }, '挂机（end）');

    // Key 1: the CRM lookup on a new integration, its answer stored in a variable declared in place, read back.
    await select(menu);
    const crm = await leadsToNew('1', 'HTTP 请求', 'http');
    await act.click(settings.getByRole('button', { name: /新建集成/ }));
    const integrationForm = drawer('新建集成');
    await act.fill(integrationForm.getByLabel('标识'), 'crm');
    await act.fill(integrationForm.getByLabel('基础 URL'), 'https://crm.example.com');
    await act.click(integrationForm.getByRole('button', { name: '保存' }));
    await saved(integrationForm);
    await act.fill(settings.getByLabel('URL', { exact: true }), '/members?phone={{call.caller}}');
    await act.click(settings.getByRole('button', { name: '从响应中取变量' }));
    await act.fill(settings.getByLabel('变量', { exact: true }), 'memberLevel');
    await act.fill(settings.getByLabel('取值（基于 response 的 CEL）'), 'response.body.level');
    await act.click(inspector.getByRole('button', { name: /声明 memberLevel/ }));
    await leadsTo({ free: 3 }, `排队（${queue}）`);
    const readBack = await leadsToNew('成功', '播放', 'play');
    await act.fill(settings.getByLabel('zh-CN 文本'), '您好，您是我们的{{memberLevel}}会员，感谢来电。');

    // Publish: the review, then the version.
    const publish = page.getByRole('button', { name: '发布' });
    await publish.and(page.locator(':enabled')).waitFor();
    await act.click(publish);
    const publishDialog = page.getByRole('dialog', { name: '发布新版本' });
    await publishDialog.getByText('这将是此流程的第一个版本。').waitFor();
    await act.click(publishDialog.getByRole('button', { name: '发布' }));
    await page.getByText('已发布版本 1。').waitFor();
    await publishDialog.waitFor({ state: 'hidden' });

    // No line answers with it yet, the editor says: a line is bound from there, this flow already chosen.
    const noLine = page.getByRole('status').filter({ hasText: '版本 1 已发布，但还没有线路使用此流程' });
    await expectAccessible(page);
    await act.click(noLine.getByRole('button', { name: '绑定线路' }));
    const lineDialog = page.getByRole('dialog', { name: '新建线路' });
    await expect(lineDialog.getByText('莲花商城客服热线').count()).resolves.toBeGreaterThan(0);
    await act.fill(lineDialog.getByLabel('号码'), '4008001234');
    await act.click(lineDialog.getByRole('button', { name: '保存' }));
    await lineDialog.waitFor({ state: 'hidden' });
    await noLine.waitFor({ state: 'detached' });

    console.log(`typical hotline: ${act.count} user actions`);

    // What was built is the hotline described, as the server keeps it.
    const flow = await apiQuery<FlowRow>(page, 'flows.get', { flowId });
    const doc = flow.draft;
    const node = (id: string) => doc.nodes.find((n) => n.id === id)!;
    const to = (source: string, port: string) => doc.edges.find((e) => e.source === source && e.port === port)?.target;
    expect(to('start', 'next')).toBe(hours);
    expect(node(hours).config).toEqual({ schedule: { ref: 'service-hours' } });
    expect([to(hours, 'open'), to(hours, 'closed'), to(hours, 'holiday')]).toEqual([menu, voicemail, voicemail]);
    expect([to(menu, '1'), to(menu, '2'), to(menu, 'noInput'), to(menu, 'invalid')]).toEqual([
      crm,
      queue,
      'end',
      'end',
    ]);
    expect(node(crm).config).toMatchObject({
      integration: { ref: 'crm' },
      outputs: [{ variable: 'memberLevel', value: 'response.body.level' }],
    });
    expect(doc.variables).toContainEqual(expect.objectContaining({ name: 'memberLevel' }));
    expect([to(crm, 'ok'), to(crm, 'error'), to(crm, 'timeout')]).toEqual([readBack, queue, queue]);
    expect(node(queue).config).toMatchObject({ skillGroup: { ref: 'service' }, callbackOfferAfterSeconds: 120 });
    const groups = await apiQuery<{ key: string; name: string }[]>(page, 'resources.skillGroups.list');
    expect(groups).toContainEqual(expect.objectContaining({ key: 'service', name: 'service' }));
    expect(node(queue).config).not.toHaveProperty('announcePosition', false);
    expect([to(queue, 'overflow'), to(queue, 'noAgents'), to(queue, 'callback')]).toEqual([
      voicemail,
      voicemail,
      callback,
    ]);
    expect(to(callback, 'failed')).toBe('end');
    expect(to(voicemail, 'noInput')).toBe('end');
    const schedules = await apiQuery<
      {
        key: string;
        definition: { weekly: Record<string, unknown>; holidays: { date: string }[]; specialDays: { date: string }[] };
      }[]
    >(page, 'resources.schedules.list');
    const made = schedules.find((s) => s.key === 'service-hours')!.definition;
    expect(Object.keys(made.weekly).sort()).toEqual(['fri', 'mon', 'thu', 'tue', 'wed']);
    expect(made.holidays.map((h) => h.date)).toEqual([holiday]);
    expect(made.specialDays.map((d) => d.date)).toEqual([makeUpDay]);
    const versions = await apiQuery<{ versions: { number: number }[] }>(page, 'versions.list', { flowId });
    expect(versions.versions.map((v) => v.number)).toEqual([1]);
    const lines = await apiQuery<{ number: string; flowId: string; version: number | null; enabled: boolean }[]>(
      page,
      'lines.list',
    );
    expect(lines).toEqual([expect.objectContaining({ number: '4008001234', flowId, version: null, enabled: true })]);

    expect(act.count).toBeLessThanOrEqual(60);
  });
});
