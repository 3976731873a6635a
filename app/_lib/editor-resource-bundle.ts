// The resources the editor's live validation needs, as the server sends them and as the browser resolves them.

import type { FlowDocument } from '../../flow-engine/document';
import { referencedKeys } from '../../flow-engine/resource-references';
import {
  resolverFromBundle,
  type IntegrationResource,
  type ResourceBundle,
  type ResourceResolver,
} from '../../flow-engine/resources';

/** The keys a flow references, one sorted list per kind (the query's input). */
export interface EditorResourceKeys {
  schedule: string[];
  skillGroup: string[];
  integration: string[];
  subflow: string[];
}

/**
 * What `flows.resourceBundle` returns: a ResourceBundle whose integrations are listed by key only — where an
 * integration points is for administrators (resources.integrations.listDetails), and validate() only asks whether it
 * exists.
 */
export interface EditorResourceBundle extends Omit<ResourceBundle, 'integrations'> {
  integrationKeys: string[];
  /** The integrations an administrator keeps from the simulator's "call the real integration" (a mock answers them). */
  realCallsOff: string[];
}

/** The keys `doc` references, sorted so that equal sets give equal lists (and equal query inputs). */
export function editorResourceKeys(doc: FlowDocument): EditorResourceKeys {
  const keys = referencedKeys(doc);
  return {
    schedule: [...keys.schedule].sort(),
    skillGroup: [...keys.skillGroup].sort(),
    integration: [...keys.integration].sort(),
    subflow: [...keys.subflow].sort(),
  };
}

/**
 * Whether some prompt of `doc` plays a recording (an `audio` map of language → key): its validation then needs the
 * prompt audio library, which the bundle lists. Iterative: no recursion on user data.
 */
export function playsRecordings(doc: FlowDocument): boolean {
  const stack: unknown[] = doc.nodes.map((node) => node.config);
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      stack.push(...(value as unknown[]));
      continue;
    }
    const record = value as Record<string, unknown>;
    if (typeof record.audio === 'object' && record.audio !== null && !Array.isArray(record.audio)) return true;
    stack.push(...Object.values(record));
  }
  return false;
}

// The browser never learns an integration's address: requests read `integration://key/path` in the simulator's
// transcript, and the real call goes through the server (simulator.callIntegration).
const addressKeptOnServer = (key: string): IntegrationResource => ({ baseUrl: `integration://${key}` });

/** The bundle as plain data (what a worker can be sent), integrations at their placeholder address. */
export function bundleFromEditorBundle(bundle: EditorResourceBundle): ResourceBundle {
  const { integrationKeys, realCallsOff: _realCallsOff, ...rest } = bundle;
  return { ...rest, integrations: Object.fromEntries(integrationKeys.map((key) => [key, addressKeptOnServer(key)])) };
}

/**
 * The resolver the browser validates and simulates with: the server's bundle through flow-engine's
 * resolverFromBundle, so a flow behaves in the editor as publishing validates it.
 * @example
 * const resolver = resolverFromEditorBundle(await trpc.flows.resourceBundle.query(editorResourceKeys(doc)));
 * validate(doc, { resources: resolver });
 */
export function resolverFromEditorBundle(bundle: EditorResourceBundle): ResourceResolver {
  return resolverFromBundle(bundleFromEditorBundle(bundle));
}
