// Loads a flow file with its resources (--resources, or <flow dir>/resources/resources.json when present).

import { resolve } from 'node:path';
import type { NamedNode } from '../flow-engine/node-names';
import { defaultResourcesPath, loadResources, type LoadedResources } from '../flow-engine/node/load-resources';
import { readJsonFile } from '../flow-engine/node/read-input-file';

export interface LoadedFlow {
  /** The flow file as the user typed it. */
  display: string;
  /** Parsed JSON, not yet validated. */
  document: unknown;
  resources: LoadedResources;
}

/** Loads resources files once each, since several flows (validate/test FILE…) often share one. */
export class ResourcesCache {
  private readonly loaded = new Map<string | null, LoadedResources>();

  constructor(private readonly cwd: string) {}

  get(file: string | null): LoadedResources {
    const key = file === null ? null : resolve(this.cwd, file);
    let resources = this.loaded.get(key);
    if (!resources) {
      resources = loadResources(this.cwd, file);
      this.loaded.set(key, resources);
    }
    return resources;
  }
}

/**
 * Read a flow file and the resources it should be resolved against.
 * @param resourcesFlag the --resources value, if given (it wins over the default location)
 */
export function loadFlow(
  cwd: string,
  file: string,
  resourcesFlag: string | undefined,
  cache: ResourcesCache,
): LoadedFlow {
  const json = readJsonFile(cwd, file);
  const resources = cache.get(resourcesFlag ?? defaultResourcesPath(json.path));
  return { display: json.display, document: json.value, resources };
}

/** The nodes of a (possibly invalid) flow document that have an id and a type, to name them in sentences. */
export function namedNodes(document: unknown): NamedNode[] {
  const nodes = typeof document === 'object' && document !== null ? (document as { nodes?: unknown }).nodes : undefined;
  return Array.isArray(nodes)
    ? nodes.filter(
        (n): n is NamedNode =>
          typeof n === 'object' &&
          n !== null &&
          typeof (n as NamedNode).id === 'string' &&
          typeof (n as NamedNode).type === 'string',
      )
    : [];
}
