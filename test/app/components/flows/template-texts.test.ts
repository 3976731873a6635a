// Template names and descriptions come in the UI language: every starter template has both in both catalogues,
// the English ones those written in its file.

import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { localTemplates } from '../../../../app/_components/flows/template-texts';
import { defaultTemplatesDir, listTemplates } from '../../../../app/_server/flows/templates';
import en from '../../../../messages/en-US.json';
import zh from '../../../../messages/zh-CN.json';

const translator = (locale: 'en-US' | 'zh-CN') =>
  createTranslator({
    locale,
    messages: locale === 'zh-CN' ? zh : en,
    namespace: 'flowTemplates',
  }) as unknown as Parameters<typeof localTemplates>[1];

describe('template names and descriptions', () => {
  it('are Chinese in zh-CN for every starter template', async () => {
    const templates = await listTemplates(defaultTemplatesDir);
    expect(templates.length).toBeGreaterThan(0);
    for (const entry of localTemplates(templates, translator('zh-CN'))) {
      expect(entry.name, entry.id).toMatch(/[\u4e00-\u9fff]/);
      expect(entry.description, entry.id).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(localTemplates(templates, translator('zh-CN')).find((t) => t.id === 'small-business')?.name).toBe(
      '小微企业总机',
    );
  });

  it('are in English the words of the template file', async () => {
    const templates = await listTemplates(defaultTemplatesDir);
    expect(localTemplates(templates, translator('en-US'))).toEqual(templates);
  });

  it('fall back to the file for a template the catalogue does not know', () => {
    const added = { id: 'operator-added', name: 'Our line', description: 'Added by ops.', nodeCount: 3 };
    expect(localTemplates([added], translator('zh-CN'))).toEqual([added]);
  });
});
