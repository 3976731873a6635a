// The caller-experience review as lines of words: each change becomes a message code with parameters, and the
// reader's renderer (the CLI's English or zh-CN catalogue, the studio's next-intl) supplies the sentences and the
// names of nodes, ports and fields. Nodes are named by label, never by id alone.

import { tokensOf } from '../validate/json-pointer';
import type { CallerExperienceReview, ChangeKind, KeyPathChange, PortChange, PromptChange } from './caller-experience';
import type { KeyStep } from './caller-graph';
import type { PromptRendering } from './caller-prompts';
import type { SettingChange } from './caller-settings';
import type { ReviewMessageCode } from './review-messages-en';

export type ReviewSection =
  'nodes' | 'languages' | 'ports' | 'keyPaths' | 'prompts' | 'routing' | 'schedules' | 'integrations';

export const reviewSections: readonly ReviewSection[] = [
  'nodes',
  'languages',
  'ports',
  'keyPaths',
  'prompts',
  'routing',
  'schedules',
  'integrations',
];

/** What a renderer brings: its sentences and its names for nodes, node types, ports, fields and values. */
export interface ReviewWords {
  message(code: ReviewMessageCode, params: Record<string, string | number>): string;
  /** The name a reader sees for a node id (label; id added only where two labels collide). */
  nodeName(id: string): string;
  /** A node type's name (`queue` → 排队). */
  typeName(type: string): string;
  /** A fixed port's name (`noInput` → 无输入), or undefined for a port the admin named. */
  portName(port: string): string | undefined;
  /** Words for a path of config tokens: `['skillGroup']` → 技能组, `['weekly', 'mon', '0', 'from']`. */
  fieldName(tokens: readonly string[]): string;
  /** A setting's value as written (a resource reference arrives as its key). */
  value(value: unknown): string;
  /** A prompt's text as the caller hears it. */
  text(text: string): string;
  listSeparator: string;
}

/** One change, told in words; `nodes` are the ids to highlight for it, `details` the lines inside an inline schedule. */
export interface ReviewLine {
  section: ReviewSection;
  change: ChangeKind;
  text: string;
  nodes: string[];
  details: string[];
}

const isKey = (port: string) => /^[0-9*#]$/.test(port);

function portText(c: PortChange, w: ReviewWords): string {
  if (isKey(c.port))
    return c.label ? w.message('key-labelled', { key: c.port, label: c.label }) : w.message('key', { key: c.port });
  return w.message('port', { port: w.portName(c.port) ?? c.label ?? c.port });
}

function keyPathText(path: readonly KeyStep[] | undefined, w: ReviewWords): string {
  if (path === undefined) return '';
  if (path.length === 0) return w.message('no-key', {});
  return path
    .map((s) =>
      w.message('path-step', {
        node: w.nodeName(s.node),
        port: isKey(s.port) ? s.port : (w.portName(s.port) ?? s.port),
      }),
    )
    .join(' › ');
}

function promptText(r: PromptRendering | undefined, w: ReviewWords): string {
  if (r === undefined) return '';
  return r.kind === 'audio' ? w.message('audio', { file: r.text }) : w.text(r.text);
}

function portLine(c: PortChange, w: ReviewWords): ReviewLine {
  const to = (end: { target: string | null } | undefined) =>
    end?.target ? w.nodeName(end.target) : w.message('nowhere', {});
  const text = w.message(`port-${c.change}`, {
    node: w.nodeName(c.node),
    port: portText(c, w),
    before: to(c.before),
    after: to(c.after),
  });
  return { section: 'ports', change: c.change, text, nodes: c.nodes, details: [] };
}

function keyPathLine(c: KeyPathChange, w: ReviewWords): ReviewLine {
  const text = w.message(`path-${c.change}`, {
    node: w.nodeName(c.node),
    type: w.typeName(c.type),
    before: keyPathText(c.before, w),
    after: keyPathText(c.after, w),
  });
  return { section: 'keyPaths', change: c.change, text, nodes: c.nodes, details: [] };
}

function promptLine(c: PromptChange, w: ReviewWords): ReviewLine {
  const text = w.message(`prompt-${c.change}`, {
    node: w.nodeName(c.node),
    field: w.fieldName(tokensOf(c.path)),
    language: c.language,
    before: promptText(c.before, w),
    after: promptText(c.after, w),
  });
  return { section: 'prompts', change: c.change, text, nodes: c.nodes, details: [] };
}

function settingLine(section: ReviewSection, c: SettingChange, w: ReviewWords): ReviewLine {
  const shown = (value: unknown) => (value === undefined ? '' : w.value(value));
  const params = {
    node: w.nodeName(c.node),
    field: w.fieldName([c.field]),
    before: shown(c.before),
    after: shown(c.after),
  };
  if (c.details) {
    const details = c.details.map((d) =>
      w.message(`detail-${d.kind}`, {
        field: w.fieldName(tokensOf(d.path)),
        before: shown('before' in d ? d.before : undefined),
        after: shown('after' in d ? d.after : undefined),
      }),
    );
    return { section, change: c.change, text: w.message('setting-inline', params), nodes: c.nodes, details };
  }
  return { section, change: c.change, text: w.message(`setting-${c.change}`, params), nodes: c.nodes, details: [] };
}

/**
 * Every change of a review as a line of words, section by section (nodes, languages, ports, key paths, prompts,
 * routing, schedules, integrations).
 * @example
 * reviewLines(review, words)[0]; // { section: 'ports', change: 'changed', text: '主菜单 按键 2（人工）：改为通往 投诉（原为 销售）', … }
 */
export function reviewLines(review: CallerExperienceReview, w: ReviewWords): ReviewLine[] {
  const lines: ReviewLine[] = [];
  for (const n of review.nodes.added)
    lines.push({
      section: 'nodes',
      change: 'added',
      text: w.message('node-added', { node: w.nodeName(n.id), type: w.typeName(n.type) }),
      nodes: [n.id],
      details: [],
    });
  for (const n of review.nodes.removed)
    lines.push({
      section: 'nodes',
      change: 'removed',
      text: w.message('node-removed', { node: w.nodeName(n.id), type: w.typeName(n.type) }),
      nodes: [],
      details: [],
    });
  if (review.languages) {
    const { before, after } = review.languages;
    const text = w.message('languages', {
      before: before.languages.join(w.listSeparator),
      beforeDefault: before.defaultLanguage,
      after: after.languages.join(w.listSeparator),
      afterDefault: after.defaultLanguage,
    });
    lines.push({ section: 'languages', change: 'changed', text, nodes: [], details: [] });
  }
  lines.push(...review.ports.map((c) => portLine(c, w)));
  lines.push(...review.keyPaths.map((c) => keyPathLine(c, w)));
  lines.push(...review.prompts.map((c) => promptLine(c, w)));
  for (const section of ['routing', 'schedules', 'integrations'] as const)
    lines.push(...review[section].map((c) => settingLine(section, c, w)));
  return lines;
}
