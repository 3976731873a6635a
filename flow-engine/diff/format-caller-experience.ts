// The caller-experience review as text: what `callflow diff` prints and what a publish note can quote.

import type { CallerExperienceReview, NodeSummary, PortChange, PromptChange, KeyPathChange } from './caller-experience';
import { formatKeyPath } from './caller-graph';
import type { PromptRendering } from './caller-prompts';
import type { SettingChange } from './caller-settings';

const quote = (value: unknown): string => (typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value));

function nodeLine(sign: string, node: NodeSummary): string {
  return `  ${sign} ${node.id} (${node.type}${node.label ? ` "${node.label}"` : ''})`;
}

function portLine(c: PortChange): string {
  const what = /^[0-9*#]$/.test(c.port) ? `key ${c.port}` : `port ${c.port}`;
  const name = `${c.node} ${what}${c.label ? ` (${c.label})` : ''}`;
  const to = (end: { target: string | null } | undefined) => (end?.target ? end.target : 'nowhere');
  if (c.change === 'added') return `  ${name}: new, leads to ${to(c.after)}`;
  if (c.change === 'removed') return `  ${name}: removed (led to ${to(c.before)})`;
  return `  ${name}: leads to ${to(c.after)} instead of ${to(c.before)}`;
}

function keyPathLine(c: KeyPathChange): string {
  const name = `${c.node} (${c.type})`;
  if (c.change === 'added') return `  ${name}: can now be reached by ${formatKeyPath(c.after!)}`;
  if (c.change === 'removed') return `  ${name}: can no longer be reached (was ${formatKeyPath(c.before!)})`;
  return `  ${name}: reached by ${formatKeyPath(c.after!)} (was ${formatKeyPath(c.before!)})`;
}

function rendering(r: PromptRendering): string {
  return r.kind === 'audio' ? `audio ${r.text}` : quote(r.text);
}

function promptLine(c: PromptChange): string {
  const name = `${c.node} ${c.path} [${c.language}]`;
  if (c.change === 'added') return `  ${name}: new: ${rendering(c.after!)}`;
  if (c.change === 'removed') return `  ${name}: removed (was ${rendering(c.before!)})`;
  return `  ${name}: ${rendering(c.before!)} → ${rendering(c.after!)}`;
}

function settingLines(c: SettingChange): string[] {
  const name = `${c.node} ${c.field}`;
  if (c.change === 'added') return [`  ${name}: set to ${quote(c.after)}`];
  if (c.change === 'removed') return [`  ${name}: removed (was ${quote(c.before)})`];
  if (c.details) {
    return [
      `  ${name}: inline schedule changed`,
      ...c.details.map((d) =>
        d.kind === 'added' ? `    ${d.path}: added ${quote(d.after)}` : d.kind === 'removed' ? `    ${d.path}: removed ${quote(d.before)}` : `    ${d.path}: ${quote(d.before)} → ${quote(d.after)}`,
      ),
    ];
  }
  return [`  ${name}: ${quote(c.before)} → ${quote(c.after)}`];
}

/**
 * Text of a caller-experience review, one section per kind of change, one line per change.
 * @example
 * formatCallerExperience(diffCallerExperience(v1, v2));
 * // Changes a caller would notice (3), in nodes: menu, sales, support
 * // Keys and ports
 * //   menu key 2: leads to support instead of sales
 * // …
 */
export function formatCallerExperience(review: CallerExperienceReview): string {
  if (review.identical) return 'No change a caller would notice.\n';
  const sections: [string, string[]][] = [
    ['Nodes', [...review.nodes.added.map((n) => nodeLine('+', n)), ...review.nodes.removed.map((n) => nodeLine('-', n))]],
    [
      'Languages',
      review.languages
        ? [
            `  ${review.languages.before.languages.join(', ')} (default ${review.languages.before.defaultLanguage}) → ${review.languages.after.languages.join(', ')} (default ${review.languages.after.defaultLanguage})`,
          ]
        : [],
    ],
    ['Keys and ports', review.ports.map(portLine)],
    ['Key paths', review.keyPaths.map(keyPathLine)],
    ['Prompts', review.prompts.map(promptLine)],
    ['Routing', review.routing.flatMap(settingLines)],
    ['Schedules', review.schedules.flatMap(settingLines)],
    ['Integrations', review.integrations.flatMap(settingLines)],
  ];
  const count =
    review.nodes.added.length +
    review.nodes.removed.length +
    (review.languages ? 1 : 0) +
    review.ports.length +
    review.keyPaths.length +
    review.prompts.length +
    review.routing.length +
    review.schedules.length +
    review.integrations.length;
  const nodes = [...new Set([...review.highlight.after, ...review.highlight.before])];
  const head = `Changes a caller would notice (${count})${nodes.length > 0 ? `, in nodes: ${nodes.join(', ')}` : ''}\n`;
  return head + sections.filter(([, lines]) => lines.length > 0).map(([title, lines]) => `${title}\n${lines.join('\n')}\n`).join('');
}
