// Problems in the UI language naming nodes by label: "主菜单 的出口“1”未连接", not `Node "menu_vtbcvy": port "1"`.

import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { nodeNamer, nodesInJson } from '../../../../app/_components/editor/problems/node-names';
import {
  fieldVocabulary,
  listStyle,
  problemText,
  type ProblemTextDeps,
} from '../../../../flow-engine/validate/localized-problem-text';
import type { FlowDocument } from '../../../../flow-engine/document';
import { fieldWords } from '../../../../flow-engine/validate/describe-path';
import { validate, type ValidationIssue } from '../../../../flow-engine/validate/index';
import en from '../../../../messages/en-US.json';
import zh from '../../../../messages/zh-CN.json';
import { loadFlow } from '../../../flow-engine/validate/fixtures';

type Locale = 'en-US' | 'zh-CN';

function deps(locale: Locale, doc: FlowDocument): ProblemTextDeps {
  const messages = locale === 'zh-CN' ? zh : en;
  const t = createTranslator({ locale, messages, namespace: 'problems' });
  const ports = createTranslator({ locale, messages, namespace: 'editor.ports' });
  const types = createTranslator({ locale, messages, namespace: 'editor.nodeTypes' });
  const fields = createTranslator({ locale, messages, namespace: 'problemFields' });
  return {
    t: t as unknown as ProblemTextDeps['t'],
    nodeName: nodeNamer(doc.nodes, (type) => types(`${type}.title` as never)),
    portName: (port) => (ports.has(port as never) ? ports(port as never) : undefined),
    typeName: (type) => types(`${type}.title` as never),
    fields: fieldVocabulary(fields as unknown as Parameters<typeof fieldVocabulary>[0], locale, fieldWords),
    ...listStyle(locale),
  };
}

/** The menu fixture with its main menu labelled 主菜单 under an id nobody reads, and key 1 left unconnected. */
function flowWithOpenKey(): FlowDocument {
  const doc = loadFlow('good', 'menu-retry-loop') as unknown as FlowDocument;
  const nodes = doc.nodes.map((n) => (n.id === 'mainMenu' ? { ...n, id: 'menu_vtbcvy', label: '主菜单' } : n));
  const edges = doc.edges
    .filter((e) => !(e.source === 'mainMenu' && e.port === '1'))
    .map((e) => ({
      ...e,
      source: e.source === 'mainMenu' ? 'menu_vtbcvy' : e.source,
      target: e.target === 'mainMenu' ? 'menu_vtbcvy' : e.target,
    }));
  return { ...doc, nodes, edges };
}

const only = (issues: ValidationIssue[], rule: string): ValidationIssue => {
  const found = issues.filter((i) => i.rule === rule);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('problemText', () => {
  it('says in Chinese which labelled node has an open key, without its id', () => {
    const doc = flowWithOpenKey();
    const issue = only(validate(doc).errors, 'unconnected-port');
    expect(issue.code).toBe('unconnected-port');
    expect(issue.params).toMatchObject({ node: 'menu_vtbcvy', port: '1' });
    const text = problemText(issue, deps('zh-CN', doc));
    expect(text).toBe('主菜单 的出口“1”未连接；请把它连到下一步（出口标识 1）。');
    expect(text).not.toContain('menu_vtbcvy');
  });

  it('names the node by label in English too, translating fixed ports', () => {
    const doc = flowWithOpenKey();
    doc.edges = doc.edges.filter((e) => !(e.source === 'menu_vtbcvy' && e.port === 'noInput'));
    const issues = validate(doc).errors.filter((i) => i.rule === 'unconnected-port');
    expect(issues.map((i) => problemText(i, deps('en-US', doc)))).toEqual([
      'Node "主菜单": port "1" (1) is not connected; connect it to the next step.',
      'Node "主菜单": port "noInput" (No input) is not connected; connect it to the next step.',
    ]);
    expect(issues.map((i) => problemText(i, deps('zh-CN', doc)))[1]).toBe(
      '主菜单 的出口“无输入”未连接；请把它连到下一步（出口标识 noInput）。',
    );
  });

  it('adds the id only where two nodes carry the same label, and lists loop members by name', () => {
    const doc = flowWithOpenKey();
    const welcome = doc.nodes.find((n) => n.id === 'welcome')!;
    welcome.label = '主菜单';
    // Three nodes now read 主菜单: the welcome prompt, the menu and an unreachable hang-up.
    doc.nodes.push({
      id: 'orphan',
      type: 'hangup',
      position: { x: 0, y: 300 },
      label: '主菜单',
      config: {},
    });
    const issue = only(validate(doc).errors, 'unreachable-node');
    expect(problemText(issue, deps('zh-CN', doc))).toBe('从开始节点无法到达 主菜单 (orphan)；请连接它或删除它。');
    const open = only(validate(doc).errors, 'unconnected-port');
    expect(problemText(open, deps('zh-CN', doc))).toContain('主菜单 (menu_vtbcvy) 的出口');
  });

  it('tells the field in the UI language, and the English studio sentence is the CLI one with labels', () => {
    const doc = flowWithOpenKey();
    const menu = doc.nodes.find((n) => n.id === 'menu_vtbcvy')!;
    menu.config = { ...(menu.config as object), prompt: { tts: { 'en-US': 'Hello {{tier}}' } } };
    const issue = only(validate(doc).errors, 'unknown-variable');
    expect(problemText(issue, deps('zh-CN', doc))).toBe(
      '主菜单：提示音的文本“en-US” 使用了“tier”，但它不是已声明的变量；请在变量中声明它或修改名称。',
    );
    expect(problemText({ ...issue, path: issue.path }, deps('en-US', doc))).toBe(
      issue.message.replace('"menu_vtbcvy"', '"主菜单"'),
    );
  });

  it('names the nodes of a file being imported by their labels, and reads nothing from a file that does not parse', () => {
    const doc = flowWithOpenKey();
    const issue = only(validate(doc).errors, 'unconnected-port');
    const fromFile = { ...deps('zh-CN', doc), nodeName: nodeNamer(nodesInJson(JSON.stringify(doc)), (type) => type) };
    expect(problemText(issue, fromFile)).toContain('主菜单 的出口“1”');
    expect(nodesInJson('{ not json')).toEqual([]);
    expect(nodesInJson('{"nodes": [{"id": 1}, {"id": "a", "type": "play", "label": "欢迎"}]}')).toEqual([
      { id: 'a', type: 'play', label: '欢迎' },
    ]);
  });

  it('falls back to the engine sentence for an issue without a known code', () => {
    const doc = flowWithOpenKey();
    expect(problemText({ message: 'Something the server said.' }, deps('zh-CN', doc))).toBe(
      'Something the server said.',
    );
    expect(problemText({ code: 'no-such-code', params: {}, message: 'Old server.' }, deps('zh-CN', doc))).toBe(
      'Old server.',
    );
  });
});
