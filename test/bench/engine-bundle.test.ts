// The simulator's engine bundle stays under the budget and never builds code from text (a strict CSP forbids it).

import { describe, expect, it } from 'vitest';
import { engineBudgetKb, measureEngineBundles } from '../../bench/engine-bundle';

describe('engine bundle for the browser', () => {
  it(`compile, simulate and runTests fit in ${engineBudgetKb} KB gzipped; neither bundle contains new Function or eval`, async () => {
    const [engine, withValidate] = await measureEngineBundles();
    if (!engine || !withValidate) throw new Error('measureEngineBundles measured fewer than two bundles');
    expect(engine.gzipKb).toBeLessThan(engineBudgetKb);
    expect(engine.evalSites).toBe(0);
    expect(withValidate.evalSites).toBe(0);
    // Zone offsets come from Intl and validation from generated code: neither luxon nor ajv's compiler ships.
    expect(engine.packages.map((p) => p.name)).not.toContain('luxon');
    expect(withValidate.packages.map((p) => p.name)).not.toContain('ajv');
  });
});
