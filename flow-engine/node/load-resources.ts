// Loads a --resources file (schedules, skill groups, integrations, subflow files) into a ResourceResolver.

import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import * as z from 'zod';
import type { FlowDocument } from '../document';
import { resolverFromBundle, type ResourceResolver } from '../resources';
import { scheduleDefinition } from '../schedule/schedule-config';
import { InputError } from './input-error';
import { displayPath, readJsonFile } from './read-input-file';
import { describeZodIssues } from './zod-issues';

const resourcesFile = z.strictObject({
  schedules: z.record(z.string(), scheduleDefinition).optional(),
  skillGroups: z
    .record(z.string(), z.strictObject({ name: z.string().min(1), description: z.string().optional() }))
    .optional(),
  integrations: z
    .record(
      z.string(),
      z.strictObject({
        baseUrl: z.url(),
        headers: z.record(z.string(), z.string()).optional(),
        allowInternal: z.boolean().optional(),
      }),
    )
    .optional(),
  /** Subflow key → flow file, relative to the resources file. */
  subflows: z.record(z.string(), z.string().min(1)).optional(),
});

export interface LoadedSubflow {
  key: string;
  /** The file as shown in messages. */
  display: string;
  /** Parsed JSON, not validated here: validate() checks it when a flow calls it. */
  document: unknown;
}

export interface LoadedResources {
  /** The resources file as shown in messages; null when no file was given or found. */
  display: string | null;
  resolver: ResourceResolver;
  subflows: LoadedSubflow[];
}

/** The file used when --resources is not given: `<flow file dir>/resources/resources.json`, if it exists. */
export function defaultResourcesPath(flowPath: string): string | null {
  const candidate = join(dirname(flowPath), 'resources', 'resources.json');
  return existsSync(candidate) ? candidate : null;
}

/**
 * Read a resources file and every subflow file it names.
 * @param file path as given on the command line (relative to cwd), or an absolute default path
 */
export function loadResources(cwd: string, file: string | null): LoadedResources {
  if (file === null) return { display: null, resolver: resolverFromBundle({}), subflows: [] };
  const json = readJsonFile(cwd, file, displayPath(cwd, resolve(cwd, file)));
  const parsed = resourcesFile.safeParse(json.value, { reportInput: true });
  if (!parsed.success) {
    throw new InputError(`${json.display} is not a valid resources file:\n${describeZodIssues(parsed.error.issues)}`);
  }
  const baseDir = dirname(json.path);
  const subflows = Object.entries(parsed.data.subflows ?? {}).map(([key, relativePath]): LoadedSubflow => {
    const display = displayPath(cwd, resolve(baseDir, relativePath));
    try {
      return { key, display, document: readJsonFile(baseDir, relativePath, display).value };
    } catch (error) {
      if (error instanceof InputError) {
        throw new InputError(`${json.display} names subflow "${key}" in ${relativePath}, but ${error.message}`);
      }
      throw error;
    }
  });
  const resolver = resolverFromBundle({
    schedules: parsed.data.schedules,
    skillGroups: parsed.data.skillGroups,
    integrations: parsed.data.integrations,
    // Parsed JSON only: validate() checks every subflow a flow calls, so invalid ones are refused before a run.
    subflows: Object.fromEntries(subflows.map((s) => [s.key, s.document as FlowDocument])),
  });
  return { display: json.display, resolver, subflows };
}
