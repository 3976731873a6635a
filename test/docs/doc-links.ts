// What the documentation points at, checked against the tree: README.md and docs/**/*.md name files by relative links
// (with GitHub's heading anchors), npm scripts by `npm run NAME` and scripts by `npx tsx FILE`; each must exist.
// Markdown is read with marked's lexer (so nothing inside code counts as a link) and anchors are made as GitHub makes
// them (github-slugger).

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import { lexer, walkTokens, type Token, type Tokens } from 'marked';

/** The Markdown files the checks cover, relative to `root`: README.md and every .md under docs/. */
export function documentationFiles(root: string): string[] {
  const found = ['README.md'];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const relative = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) walk(relative);
      else if (entry.name.endsWith('.md')) found.push(relative);
    }
  };
  if (existsSync(path.join(root, 'docs'))) walk('docs');
  return found.sort();
}

/** A heading's text as GitHub renders it: inline formatting dropped, code spans kept as their text. */
function plainText(tokens: Token[] | undefined): string {
  return (tokens ?? [])
    .map((token) =>
      'tokens' in token && token.tokens ? plainText(token.tokens) : 'text' in token ? String(token.text) : '',
    )
    .join('');
}

/** The anchors GitHub gives a file's headings (`## Quick start` → `quick-start`; repeats get `-1`, `-2`). */
export function headingAnchors(markdown: string): Set<string> {
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  void walkTokens(lexer(markdown), (token) => {
    if (token.type === 'heading') anchors.add(slugger.slug(plainText((token as Tokens.Heading).tokens)));
  });
  return anchors;
}

/** Every link and image target written in the Markdown, outside code. */
export function linkTargets(markdown: string): string[] {
  const targets: string[] = [];
  void walkTokens(lexer(markdown), (token) => {
    if (token.type === 'link' || token.type === 'image') targets.push((token as Tokens.Link | Tokens.Image).href);
  });
  return targets;
}

/** `npm run NAME`, `npm start` / `npm test`, and `npx tsx FILE` as written anywhere in the text, code included. */
export function commandsNamed(markdown: string): { scripts: string[]; tsxFiles: string[] } {
  const scripts = [...markdown.matchAll(/\bnpm run ([\w:.-]+)/g)].map((match) => match[1]!);
  scripts.push(...[...markdown.matchAll(/\bnpm (start|test)\b/g)].map((match) => match[1]!));
  const tsxFiles = [...markdown.matchAll(/\bnpx tsx ([^\s`)]+)/g)].map((match) => match[1]!);
  return { scripts: [...new Set(scripts)], tsxFiles: [...new Set(tsxFiles)] };
}

/** Links that point outside the repository (a scheme such as https: or mailto:) are not checked. */
const external = /^[a-z][a-z0-9+.-]*:/i;

/**
 * One sentence per problem in `files` (relative to `root`): a relative link to a file or folder that does not exist,
 * an anchor that no heading of the target Markdown file makes, an npm script package.json lacks, a tsx file missing.
 */
export function documentationProblems(root: string, files: string[]): string[] {
  const problems: string[] = [];
  const scripts =
    (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> })
      .scripts ?? {};
  const anchorsOf = new Map<string, Set<string>>();
  const anchors = (file: string) => {
    let known = anchorsOf.get(file);
    if (!known) anchorsOf.set(file, (known = headingAnchors(readFileSync(file, 'utf8'))));
    return known;
  };
  for (const file of files) {
    const absolute = path.join(root, file);
    const markdown = readFileSync(absolute, 'utf8');
    for (const href of linkTargets(markdown)) {
      if (external.test(href)) continue;
      const [target = '', anchor] = href.split('#', 2);
      const resolved = target === '' ? absolute : path.resolve(path.dirname(absolute), decodeURIComponent(target));
      if (!existsSync(resolved)) {
        problems.push(`${file}: the link ${href} points at ${path.relative(root, resolved)}, which does not exist`);
        continue;
      }
      if (anchor && resolved.endsWith('.md') && !anchors(resolved).has(decodeURIComponent(anchor))) {
        problems.push(
          `${file}: the link ${href} names #${anchor}, a heading ${path.relative(root, resolved)} does not have`,
        );
      }
    }
    const named = commandsNamed(markdown);
    for (const script of named.scripts) {
      if (!(script in scripts))
        problems.push(
          `${file}: "npm ${script === 'start' || script === 'test' ? '' : 'run '}${script}" is not a script in package.json`,
        );
    }
    for (const tsxFile of named.tsxFiles) {
      if (!existsSync(path.join(root, tsxFile)))
        problems.push(`${file}: "npx tsx ${tsxFile}" names a file that does not exist`);
    }
  }
  return problems;
}
