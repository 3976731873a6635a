// Every action the server writes to the audit log has its words in both catalogues, so the audit page never shows a code.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../../messages/en-US.json';
import zh from '../../../messages/zh-CN.json';

const root = path.resolve(import.meta.dirname, '../../..');

/** Action codes quoted in the server's sources (`'version.publish'`), the only place audit entries are written. */
function serverActions(): string[] {
  const found = new Set<string>();
  const entities = Object.keys(en.audit.entityTypes).concat('simulator').join('|');
  const pattern = new RegExp(`'((?:${entities})\\.[a-zA-Z]+)'`, 'g');
  for (const file of readdirSync(path.join(root, 'app/_server'), { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.ts')) continue;
    for (const m of readFileSync(path.join(root, 'app/_server', file), 'utf8').matchAll(pattern)) found.add(m[1]!);
  }
  return [...found].sort();
}

const worded = (catalogue: Record<string, Record<string, string>>) =>
  Object.entries(catalogue).flatMap(([entity, ops]) => Object.keys(ops).map((op) => `${entity}.${op}`));

describe('audit log words', () => {
  it('word every action the server records, in English and Chinese alike', () => {
    const actions = serverActions();
    expect(actions).toContain('version.publish');
    expect(
      actions.filter((a) => !worded(en.audit.actions).includes(a)),
      'en-US lacks audit.actions for',
    ).toEqual([]);
    expect(worded(zh.audit.actions).sort()).toEqual(worded(en.audit.actions).sort());
    expect(Object.keys(zh.audit.entityTypes).sort()).toEqual(Object.keys(en.audit.entityTypes).sort());
  });
});
