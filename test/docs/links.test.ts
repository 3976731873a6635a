// README.md and docs/ point only at what exists: relative links (and their heading anchors), `npm run` scripts and
// `npx tsx` files. A planted tree with one mistake of each kind proves the check finds them.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { documentationFiles, documentationProblems, headingAnchors } from './doc-links';

const repo = fileURLToPath(new URL('../../', import.meta.url));

describe('the documentation', () => {
  test('covers README.md and the docs/ folder', () => {
    const files = documentationFiles(repo);
    expect(files).toContain('README.md');
    expect(files).toContain('docs/testing.md');
    expect(files).toContain('docs/benchmarks.md');
  });

  test('links only to files and headings that exist, and names only scripts and files that exist', () => {
    expect(documentationProblems(repo, documentationFiles(repo))).toEqual([]);
  });
});

describe('the check', () => {
  const planted = mkdtempSync(path.join(os.tmpdir(), 'doc-links-'));
  afterAll(() => rmSync(planted, { recursive: true, force: true }));

  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(planted, file)), { recursive: true });
    writeFileSync(path.join(planted, file), text);
  };

  test('makes anchors as GitHub does', () => {
    expect([
      ...headingAnchors(
        '# The `callflow` CLI\n\n## Inspector, JSON view and version history\n\n## Tests\n\n## Tests\n',
      ),
    ]).toEqual(['the-callflow-cli', 'inspector-json-view-and-version-history', 'tests', 'tests-1']);
  });

  test('reports a missing file, a missing anchor, a missing script and a missing tsx file, and nothing in code or outside', () => {
    write('package.json', JSON.stringify({ scripts: { start: 'x', bench: 'y' } }));
    write('bench/real.ts', '');
    write('docs/guide.md', '# Guide\n\n## First start\n\nBack to the [start](../README.md#quick-start).\n');
    write(
      'README.md',
      [
        '# Project',
        '',
        '## Quick start',
        '',
        'Run `npm start`, then `npm run bench` and `npx tsx bench/real.ts`; see [First start](docs/guide.md#first-start),',
        '[the guide](docs/guide.md), [up](#quick-start), ![shot](docs/shot.png), [gone](docs/gone.md),',
        '[a wrong heading](docs/guide.md#last-start), [site](https://example.com/x.md) and [mail](mailto:a@b.c).',
        '',
        '```sh',
        'npm run nothing-here   # named in code: still a script that must exist',
        'npx tsx bench/missing.ts',
        '[not a link](nowhere.md)',
        '```',
        '',
      ].join('\n'),
    );
    expect(documentationProblems(planted, documentationFiles(planted))).toEqual([
      'README.md: the link docs/shot.png points at docs/shot.png, which does not exist',
      'README.md: the link docs/gone.md points at docs/gone.md, which does not exist',
      'README.md: the link docs/guide.md#last-start names #last-start, a heading docs/guide.md does not have',
      'README.md: "npm run nothing-here" is not a script in package.json',
      'README.md: "npx tsx bench/missing.ts" names a file that does not exist',
    ]);
  });
});
