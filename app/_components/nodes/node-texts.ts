'use client';
// The studio's words for node types and ports in the UI language, all from the message catalogue: a type's title and
// hint (`editor.nodeTypes.<type>`), fixed ports (`editor.ports`), the names it generates for rules, intents and regions.
// The engine's English `title`, `description` and port labels are the CLI's; the catalogue names every engine type and
// fixed port in both languages (test/app/components/nodes/node-texts.test.ts).

import { useTranslations } from 'next-intl';
import { useCallback } from 'react';
import type { PortSpec } from '../../../flow-engine/define-node';
import type { NodeSummary } from '../../../flow-engine/nodes/summary-messages';

/**
 * `title(type)`: the node type's name in the UI language. `unknown` (the type itself unless given) is shown only for
 * a type this studio does not know, e.g. in a document from a newer version.
 */
export function useNodeTypeTitle() {
  const t = useTranslations('editor.nodeTypes');
  return useCallback(
    (type: string, unknown: string = type) => (t.has(`${type}.title`) ? t(`${type}.title`) : unknown),
    [t],
  );
}

/** `hint(type)`: one sentence on what the node type does (the palette's second line and tooltip). */
export function useNodeTypeHint() {
  const t = useTranslations('editor.nodeTypes');
  return useCallback((type: string) => (t.has(`${type}.hint`) ? t(`${type}.hint`) : ''), [t]);
}

/** Names the studio gives new rules, intents and regions (`rule1`), and the inspector's words for them ("Rule 1"). */
const generatedPort = /^(rule|intent|region)([1-9]\d{0,2})$/;
const generatedWords = { rule: 'condition.rule', intent: 'speech.intent', region: 'region.region' } as const;

type Translate = ((key: string, values?: Record<string, number>) => string) & { has(key: string): boolean };

/**
 * A port's label in the UI language: fixed ports (next, noInput, …) translated (`ports` is `editor.ports`), and the
 * names the studio generated (`rule1` → 规则 1, from `inspector`) while the admin has not labelled them; ports the
 * admin named (keys, rules, regions) keep their label.
 */
export function translatedPortLabel(port: PortSpec, ports: Translate, inspector: Translate): string {
  if (ports.has(port.name)) return ports(port.name);
  const generated = port.label === port.name ? generatedPort.exec(port.name) : null;
  return generated
    ? inspector(generatedWords[generated[1] as keyof typeof generatedWords], { n: Number(generated[2]) })
    : port.label;
}

export function usePortLabel() {
  const t = useTranslations('editor.ports');
  const inspector = useTranslations('inspector');
  return useCallback(
    (port: PortSpec) => translatedPortLabel(port, t as unknown as Translate, inspector as unknown as Translate),
    [t, inspector],
  );
}

/**
 * A node's one-line summary in the UI language (`summaries` is `editor.summaries`): the engine's coded summaries
 * ("(priority)", "2 questions", the start node's "Incoming call") from the catalogue, the admin's own text as it is.
 */
export function translatedSummary(summary: NodeSummary, summaries: SummaryTranslate): string {
  return typeof summary === 'string' ? summary : summaries(summary.code, summary.params);
}

type SummaryTranslate = (key: string, values?: Readonly<Record<string, string | number>>) => string;

export function useNodeSummary() {
  const t = useTranslations('editor.summaries');
  return useCallback((summary: NodeSummary) => translatedSummary(summary, t as unknown as SummaryTranslate), [t]);
}
