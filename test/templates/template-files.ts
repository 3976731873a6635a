// Loads the starter flows in templates/ and a resolver over templates/resources/resources.json, as the CLI would.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FlowDocument } from '../../flow-engine/document';
import { resolverFromBundle, type ResourceBundle, type ResourceResolver } from '../../flow-engine/resources';

export const templatesDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../templates');
export const resourcesPath = join(templatesDir, 'resources', 'resources.json');

export interface TemplateFile {
  file: string;
  flow: FlowDocument;
}

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

/** Every top-level templates/*.json flow, sorted by file name. */
export function loadTemplates(): TemplateFile[] {
  return readdirSync(templatesDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((file) => ({ file, flow: readJson(join(templatesDir, file)) as FlowDocument }));
}

/** The raw resources file; `subflows` maps keys to paths relative to the resources file. */
export type TemplateResourcesFile = Omit<ResourceBundle, 'subflows'> & { subflows?: Record<string, string> };

export function loadResourcesFile(): TemplateResourcesFile {
  return readJson(resourcesPath) as TemplateResourcesFile;
}

/** Subflow documents named by the resources file, by key. */
export function loadSubflows(): Record<string, FlowDocument> {
  const base = dirname(resourcesPath);
  return Object.fromEntries(
    Object.entries(loadResourcesFile().subflows ?? {}).map(([key, path]) => [key, readJson(join(base, path)) as FlowDocument]),
  );
}

/** The resolver `callflow test templates/*.json` uses by default. */
export function templateResolver(): ResourceResolver {
  return resolverFromBundle({ ...loadResourcesFile(), subflows: loadSubflows() });
}

/** Every JSON file under templates/ (flows, subflows and the resources file), relative to templates/. */
export function templateJsonFiles(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(join(templatesDir, dir), { withFileTypes: true }).flatMap((entry) => {
      const relative = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) return walk(relative);
      return entry.name.endsWith('.json') ? [relative] : [];
    });
  return walk('').sort();
}
