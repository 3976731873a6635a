// The starter flows in templates/: valid, bilingual, covering every node type, and their own test cases pass.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../flow-engine/canonical-json';
import type { FlowDocument } from '../../flow-engine/document';
import { getNodeDefinition, nodeTypes } from '../../flow-engine/nodes';
import type { Prompt } from '../../flow-engine/nodes/shared-config';
import { scheduleState } from '../../flow-engine/schedule';
import { runTests, simulate } from '../../flow-engine/simulator';
import { validate } from '../../flow-engine/validate';
import { loadResourcesFile, loadSubflows, loadTemplates, templateJsonFiles, templateResolver, templatesDir } from './template-files';

const templates = loadTemplates();
const subflows = loadSubflows();
const resources = templateResolver();

/** A value the template files must have: throws naming it when they do not. */
function present<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the templates have no ${what}`);
  return value;
}
const everyDocument: { file: string; flow: FlowDocument }[] = [
  ...templates,
  ...Object.entries(subflows).map(([key, flow]) => ({ file: `subflow ${key}`, flow })),
];

/** Each spoken piece of a prompt (sayAs parts carry no text of their own) with the languages it is written in. */
function promptLanguages(prompt: Prompt): string[][] {
  if ('tts' in prompt) return [Object.keys(prompt.tts)];
  if ('audio' in prompt) return [Object.keys(prompt.audio)];
  return prompt.parts.flatMap((part) =>
    'tts' in part ? [Object.keys(part.tts)] : 'audio' in part ? [Object.keys(part.audio)] : [],
  );
}

describe('starter templates', () => {
  it('ships the six starter flows and the identify-caller subflow', () => {
    expect(templates.map((t) => t.file)).toEqual([
      'bank-card-services.json',
      'ecommerce-after-sales.json',
      'government-hotline-12345.json',
      'hospital-appointments.json',
      'small-business.json',
      'utility-emergency-line.json',
    ]);
    expect(Object.keys(subflows)).toEqual(['identify-caller']);
    expect(subflows['identify-caller']?.kind).toBe('subflow');
  });

  it.each(templateJsonFiles())('%s is stored as canonical JSON, as the studio exports it', (file) => {
    const text = readFileSync(join(templatesDir, file), 'utf8');
    expect(text).toBe(canonicalJson(JSON.parse(text)));
  });

  it.each(everyDocument)('$file validates with no errors against the shared resources', ({ flow }) => {
    const result = validate(flow, { resources });
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('uses all 17 node types across the templates', () => {
    const used = new Set(everyDocument.flatMap(({ flow }) => flow.nodes.map((n) => n.type)));
    expect(nodeTypes).toHaveLength(17);
    expect(nodeTypes.filter((type) => !used.has(type))).toEqual([]);
  });

  it.each(everyDocument)('$file has at least three test cases with distinct names', ({ flow }) => {
    const names = (flow.tests ?? []).map((t) => t.name);
    expect(names.length).toBeGreaterThanOrEqual(3);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(everyDocument)('$file speaks zh-CN by default and has every prompt in zh-CN and en-US', ({ flow }) => {
    expect(flow.defaultLanguage).toBe('zh-CN');
    expect(flow.languages).toEqual(['zh-CN', 'en-US']);
    const missing: string[] = [];
    let prompts = 0;
    for (const node of flow.nodes) {
      const definition = getNodeDefinition(node.type)!;
      for (const { path, prompt } of definition.references(definition.parseConfig(node)).prompts) {
        prompts += 1;
        for (const languages of promptLanguages(prompt)) {
          if (!languages.includes('zh-CN') || !languages.includes('en-US')) missing.push(`${node.id}${path}`);
        }
      }
    }
    expect(prompts).toBeGreaterThanOrEqual(3);
    expect(missing).toEqual([]);
  });

  it.each(everyDocument)('$file lays nodes out left to right from the start node without overlaps', ({ flow }) => {
    const start = flow.nodes.find((n) => n.type === 'start')!;
    expect(Math.min(...flow.nodes.map((n) => n.position.x))).toBe(start.position.x);
    const spots = new Set(flow.nodes.map((n) => `${n.position.x},${n.position.y}`));
    expect(spots.size).toBe(flow.nodes.length);
    const byId = new Map(flow.nodes.map((n) => [n.id, n]));
    // Only "back to the previous menu" edges may point left.
    const leftward = flow.edges.filter((e) => byId.get(e.target)!.position.x < byId.get(e.source)!.position.x);
    expect(leftward.filter((e) => byId.get(e.target)!.type !== 'menu')).toEqual([]);
  });

  it.each(templates)('$file passes all of its own test cases', async ({ flow }) => {
    const report = await runTests(flow, { resources });
    const failures = report.cases.filter((c) => !c.passed).map((c) => `${c.name}: ${c.failures.join('; ')}`);
    expect(failures).toEqual([]);
    expect(report.passed).toBe(flow.tests!.length);
    expect(report.failed).toBe(0);
  });

  it('the identify-caller subflow passes its own test cases', async () => {
    const report = await runTests(present(subflows['identify-caller'], 'identify-caller subflow'), { resources });
    expect(report.cases.filter((c) => !c.passed).map((c) => `${c.name}: ${c.failures.join('; ')}`)).toEqual([]);
    expect(report.passed).toBe(3);
  });
});

describe('shared resources', () => {
  const businessHours = present(loadResourcesFile().schedules?.['cn-business-hours'], 'cn-business-hours schedule');
  const at = (local: string) => new Date(`${local}+08:00`);

  it('cn-business-hours is open on a working Monday and closed in the evening', () => {
    expect(scheduleState(businessHours, at('2026-11-23T10:00:00'))).toBe('open');
    expect(scheduleState(businessHours, at('2026-11-23T18:30:00'))).toBe('closed');
  });

  it('cn-business-hours knows the 2026 National Day and Spring Festival holidays', () => {
    expect(scheduleState(businessHours, at('2026-10-02T10:00:00'))).toBe('holiday');
    expect(scheduleState(businessHours, at('2026-02-17T10:00:00'))).toBe('holiday');
  });

  it('cn-business-hours opens on the 调休 make-up Saturdays and Sundays', () => {
    for (const day of ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']) {
      expect(scheduleState(businessHours, at(`${day}T10:00:00`)), day).toBe('open');
    }
  });

  it('every skill group, integration and schedule a template refers to exists in the resources file', () => {
    const missing: string[] = [];
    for (const { file, flow } of everyDocument) {
      for (const node of flow.nodes) {
        const definition = getNodeDefinition(node.type)!;
        for (const ref of definition.references(definition.parseConfig(node)).resources) {
          const found = {
            schedule: resources.schedule,
            skillGroup: resources.skillGroup,
            integration: resources.integration,
            subflow: resources.subflow,
          }[ref.kind](ref.key);
          if (!found) missing.push(`${file} ${node.id}: ${ref.kind} ${ref.key}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('bank card template', () => {
  it('masks the card number in the trace of a call that keys it in', async () => {
    const flow = templates.find((t) => t.file === 'bank-card-services.json')!.flow;
    const diamond = flow.tests!.find((t) => t.name.startsWith('A Diamond cardholder'))!;
    const trace = await simulate(flow, diamond, { resources });
    expect(trace.end).toMatchObject({ node: 'premierQueue', reason: 'queued' });
    expect(trace.vars.cardNumber).toBe('••••');
    expect(JSON.stringify(trace)).not.toContain('6225880123456783');
  });
});
