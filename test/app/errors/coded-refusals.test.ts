// Refusals the studio shows are coded (CodedError → `serverErrors` messages) so they read in the UI language; the
// issues of a refused input travel as codes and limits and read in the UI language too.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { describeZodIssues, type ZodTranslate } from '../../../app/_lib/zod-error-map';
import { zodIssueData } from '../../../app/_server/validation/zod-issue-data';
import en from '../../../messages/en-US.json';
import zh from '../../../messages/zh-CN.json';

const translator = (locale: 'en-US' | 'zh-CN'): ZodTranslate =>
  createTranslator({ locale, messages: locale === 'zh-CN' ? zh : en, namespace: 'zod' }) as unknown as ZodTranslate;

const serverRoot = join(import.meta.dirname, '../../../app/_server');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const sources = sourceFiles(serverRoot).map((path) => ({
  path: path.slice(serverRoot.length + 1),
  text: readFileSync(path, 'utf8'),
}));

describe('coded refusals', () => {
  it('every code a CodedError names has a message in both languages', () => {
    const codes = new Set(
      sources.flatMap(({ text }) =>
        [...text.matchAll(/new CodedError\(\s*[^,]+,\s*'([A-Za-z]+)'/g)].map((m) => m[1] ?? ''),
      ),
    );
    expect(codes.size).toBeGreaterThan(40);
    const missing = [...codes].filter((code) => !(code in en.serverErrors) || !(code in zh.serverErrors));
    expect(missing).toEqual([]);
  });

  it('routers refuse with coded errors, not English-only TRPCErrors', () => {
    const uncoded = sources
      .filter(({ path }) => path.startsWith('routers/'))
      .flatMap(({ path, text }) => [...text.matchAll(/new TRPCError\(/g)].map(() => path));
    expect(uncoded).toEqual([]);
  });
});

describe('refused input in the UI language', () => {
  const schema = z.object({
    name: z.string().min(1),
    skills: z.array(z.object({ level: z.number().int().max(10) })),
    note: z.string(),
  });
  const refused = schema.safeParse({ name: '', skills: [{ level: 12 }] });
  const issues = zodIssueData(refused.error!);

  it('sends codes and limits, never the values', () => {
    expect(issues).toEqual([
      { code: 'too_small', path: ['name'], origin: 'string', minimum: 1, inclusive: true },
      { code: 'too_big', path: ['skills', 0, 'level'], origin: 'number', maximum: 10, inclusive: true },
      { code: 'invalid_type', path: ['note'], expected: 'string', missing: true },
    ]);
  });

  it('words each field in Chinese and English', () => {
    expect(describeZodIssues(issues, translator('zh-CN'))).toBe(
      'name：至少 1 个字符。 skills[0].level：不能大于 10。 note：必填。',
    );
    expect(describeZodIssues(issues, translator('en-US'))).toMatch(/^name: .+ skills\[0\]\.level: .+ note: .+$/);
  });

  it('says "not valid" for a sentence the schema wrote itself, which no catalogue holds', () => {
    const own = z.object({ flowId: z.uuid('That flow does not exist.') }).safeParse({ flowId: 'x' });
    const data = zodIssueData(own.error!);
    expect(data).toEqual([{ code: 'invalid_format', path: ['flowId'], custom: true }]);
    expect(describeZodIssues(data, translator('zh-CN'))).toBe('flowId：值无效。');
  });
});
