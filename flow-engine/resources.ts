// Shared resources referenced by stable key ({ "ref": "sales" }); each environment supplies a resolver.
// The CLI resolves from --resources FILE, the server from the database. Lookups are synchronous:
// callers load what a flow references before validate()/compile().

import type { FlowDocument } from './document';
import type { ScheduleDefinition } from './schedule/schedule-config';

export interface SkillGroupResource {
  name: string;
  description?: string;
}

export interface IntegrationResource {
  /** e.g. https://crm.example.com/api */
  baseUrl: string;
  /** Non-secret headers sent with every request (secrets stay server-side). */
  headers?: Record<string, string>;
  /** Permit requests to loopback / private addresses (off by default). */
  allowInternal?: boolean;
}

export interface ResourceResolver {
  schedule(key: string): ScheduleDefinition | undefined;
  skillGroup(key: string): SkillGroupResource | undefined;
  integration(key: string): IntegrationResource | undefined;
  subflow(key: string): FlowDocument | undefined;
  /**
   * Whether the prompt audio library has a recording of `key` (case-insensitive) in `language`; absent when the
   * environment does not know the library (the CLI without one), so nothing is said about recordings.
   */
  recording?(key: string, language: string): boolean;
}

/** The serialisable form of a resolver, as in a `--resources` file (subflows already loaded). */
export interface ResourceBundle {
  schedules?: Record<string, ScheduleDefinition>;
  skillGroups?: Record<string, SkillGroupResource>;
  integrations?: Record<string, IntegrationResource>;
  subflows?: Record<string, FlowDocument>;
  /** The prompt audio library: each key (lower case) with the languages it has a recording in. */
  recordings?: Record<string, string[]>;
}

/** The `recording` lookup of a bundle that lists the library (undefined when it does not). */
function recordingLookup(recordings: Record<string, string[]> | undefined): ResourceResolver['recording'] {
  if (!recordings) return undefined;
  return (key, language) => lookup(recordings, key.toLowerCase())?.includes(language) ?? false;
}

const lookup = <T>(table: Record<string, T> | undefined, key: string): T | undefined =>
  table && Object.hasOwn(table, key) ? table[key] : undefined;

/**
 * A resolver over in-memory tables.
 * @example
 * const resolver = resolverFromBundle({ skillGroups: { sales: { name: 'Sales' } } });
 * resolver.skillGroup('sales'); // { name: 'Sales' }
 */
export function resolverFromBundle(bundle: ResourceBundle): ResourceResolver {
  return {
    schedule: (key) => lookup(bundle.schedules, key),
    skillGroup: (key) => lookup(bundle.skillGroups, key),
    integration: (key) => lookup(bundle.integrations, key),
    subflow: (key) => lookup(bundle.subflows, key),
    ...(bundle.recordings ? { recording: recordingLookup(bundle.recordings) } : {}),
  };
}

/** A resolver that knows no resources (flows without refs, or validation without an environment). */
export const emptyResolver: ResourceResolver = resolverFromBundle({});
