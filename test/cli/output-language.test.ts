// `--lang zh-CN` (validate, diff) and `--output-lang zh-CN` (simulate): the CLI speaks Chinese from the studio's
// catalogue and names nodes by label — "主菜单 的按键 2", not `menu_vtbcvy key 2`; English stays the default.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli';

const dir = mkdtempSync(join(tmpdir(), 'callflow-lang-'));
afterAll(() => (process.env.KEEP_LANG_DIR ? undefined : rmSync(dir, { recursive: true, force: true })));

const at = (y: number) => ({ x: 0, y });
const zh = (text: string) => ({ tts: { 'zh-CN': text } });

/** 主菜单 (menu_vtbcvy): key 1 → 转人工, key 2 → `key2` (absent: the key is left open). */
function hotline(key2: string | undefined, greeting: string) {
  return {
    schemaVersion: 1,
    id: 'zh-hotline',
    name: '售后热线',
    languages: ['zh-CN'],
    defaultLanguage: 'zh-CN',
    variables: [],
    nodes: [
      { id: 'start', type: 'start', label: '来电入口', position: at(0), config: {} },
      {
        id: 'menu_vtbcvy',
        type: 'menu',
        label: '主菜单',
        position: at(150),
        config: { prompt: zh(greeting), options: [{ key: '1' }, { key: '2' }] },
      },
      { id: 'agent_x1', type: 'transfer', label: '转人工', position: at(300), config: { to: '10086' } },
      { id: 'desk_b7', type: 'transfer', label: '转前台', position: at(300), config: { to: '10010' } },
      { id: 'bye_q9', type: 'hangup', label: '再见', position: at(450), config: { prompt: zh('再见') } },
    ],
    edges: [
      { id: 'e1', source: 'start', port: 'next', target: 'menu_vtbcvy' },
      { id: 'e2', source: 'menu_vtbcvy', port: '1', target: 'agent_x1' },
      ...(key2 ? [{ id: 'e2b', source: 'menu_vtbcvy', port: '2', target: key2 }] : []),
      { id: 'e3', source: 'menu_vtbcvy', port: 'noInput', target: 'bye_q9' },
      { id: 'e4', source: 'menu_vtbcvy', port: 'invalid', target: 'bye_q9' },
      ...['agent_x1', 'desk_b7'].flatMap((t) =>
        ['busy', 'noAnswer', 'failed'].map((port) => ({ id: `${t}-${port}`, source: t, port, target: 'bye_q9' })),
      ),
    ],
  };
}

const file = (name: string, doc: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(doc));
  return path;
};
const v1 = file('v1.json', hotline('agent_x1', '欢迎致电'));
const v2 = file('v2.json', hotline('desk_b7', '欢迎致电新版'));
const open = file('open.json', hotline(undefined, '欢迎致电'));
const ids = /menu_vtbcvy|agent_x1|desk_b7|bye_q9/;

describe('the CLI in zh-CN', () => {
  it('diff --lang zh-CN tells the caller-experience review in Chinese, nodes by label', async () => {
    const run = await runCli(['diff', '--lang', 'zh-CN', v1, v2]);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      '来电者能察觉的变化（3），涉及节点：主菜单、转人工、转前台',
      '按键和出口',
      '  主菜单 的按键 2：改为通往 转前台（原为 转人工）',
      '到达路径',
      '  转前台（转接）：现在可通过 主菜单 2 到达',
      '提示音',
      '  主菜单 的提示音［zh-CN］：“欢迎致电” → “欢迎致电新版”',
      '',
    ]);
    // English stays the default, and names labelled nodes by label as well.
    const english = await runCli(['diff', v1, v2]);
    expect(english.stdout).toContain('  主菜单 key 2: leads to 转前台 instead of 转人工\n');
  });

  it('validate --lang zh-CN lists problems in Chinese by node label', async () => {
    const run = await runCli(['validate', '--lang', 'zh-CN', open]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('open.json：无效（2 个错误）');
    expect(run.stdout).toContain(
      '  错误：节点“主菜单”（/nodes/1）：主菜单 的出口“2”未连接；请把它连到下一步（出口标识 2）。 [unconnected-port]',
    );
    expect(run.stdout).toContain(
      '  错误：节点“转前台”（/nodes/3）：从开始节点无法到达 转前台；请连接它或删除它。 [unreachable-node]',
    );
    expect(run.stdout).not.toMatch(ids);
    const english = await runCli(['validate', open]);
    expect(english.stdout).toContain('error: node "menu_vtbcvy"');
  });

  it('simulate --output-lang zh-CN prints the transcript, path and end in Chinese by node label', async () => {
    const run = await runCli(['simulate', '--output-lang', 'zh-CN', v2, '--input', '1']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('流程“售后热线”的模拟来电');
    expect(run.stdout).toMatch(/ {2}转人工 {2}事件 {4}转接到 10086 → 已接听\n/);
    expect(run.stdout).toContain('路径：来电入口 [下一步] → 主菜单 [1] → 转人工 [已接听]');
    expect(run.stdout).toContain('结束：在 转人工 已转接');
    expect(run.stdout).not.toMatch(ids);
    // A flow that does not validate is refused in the same language.
    const refused = await runCli(['simulate', '--output-lang', 'zh-CN', open]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('模拟需要有效的流程，请先修复这些错误：');
    expect(refused.stderr).toContain('从开始节点无法到达 转前台');
  });

  it('an unknown output language is a usage error naming the flag', async () => {
    const [validate, simulate] = await Promise.all([
      runCli(['validate', '--lang', 'fr', v1]),
      runCli(['simulate', '--output-lang', 'fr', v1]),
    ]);
    expect(validate).toEqual({
      code: 2,
      stdout: '',
      stderr: 'callflow: --lang fr is not an output language; use en or zh-CN\n',
    });
    expect(simulate).toEqual({
      code: 2,
      stdout: '',
      stderr: 'callflow: --output-lang fr is not an output language; use en or zh-CN\n',
    });
  });
});
