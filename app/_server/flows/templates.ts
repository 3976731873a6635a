// Starter flows in templates/*.json: listed for the "new flow" dialog and copied by flows.create.

import 'server-only';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FlowDocument } from '../../../flow-engine/document';

/** The project's templates folder (the server runs from the project root). */
export const defaultTemplatesDir = path.resolve(process.cwd(), 'templates');

export interface TemplateSummary {
  /** File name without `.json`; what flows.create takes. */
  id: string;
  name: string;
  description: string;
  nodeCount: number;
}

export class TemplateNotFoundError extends Error {
  override name = 'TemplateNotFoundError';
  constructor(readonly templateId: string) {
    super(`There is no template called "${templateId}".`);
  }
}

const templateIdPattern = /^[a-z0-9][a-z0-9-]{0,63}$/;

export async function readTemplate(dir: string, id: string): Promise<FlowDocument> {
  // The pattern keeps ids inside the folder (no "../").
  if (!templateIdPattern.test(id)) throw new TemplateNotFoundError(id);
  try {
    return JSON.parse(await readFile(path.join(dir, `${id}.json`), 'utf8')) as FlowDocument;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new TemplateNotFoundError(id);
    throw error;
  }
}

/** Every template, sorted by name; an absent folder means no templates. */
export async function listTemplates(dir: string): Promise<TemplateSummary[]> {
  let files: string[];
  try {
    files = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const ids = files
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .filter((id) => templateIdPattern.test(id));
  const summaries = await Promise.all(
    ids.map(async (id) => {
      const doc = await readTemplate(dir, id);
      return { id, name: doc.name, description: doc.description ?? '', nodeCount: doc.nodes.length };
    }),
  );
  return summaries.sort((a, b) => a.name.localeCompare(b.name));
}
