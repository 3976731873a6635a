// Turns JSON pointers into words an admin reads: `/nodes/3/config/options/1/key` → `Node "mainMenu": option 2 key`.

import { mockTables } from '../test-case';
import { tokensOf } from './json-pointer';

/** Singular nouns for list fields, so that `options/1` reads "option 2". */
const singular: Record<string, string> = {
  options: 'option',
  rules: 'rule',
  intents: 'intent',
  regions: 'region',
  assignments: 'assignment',
  outputs: 'output',
  questions: 'question',
  parts: 'part',
  prefixes: 'prefix',
  countries: 'country',
  holidays: 'holiday',
  specialDays: 'special day',
  phrases: 'phrase',
  hours: 'interval',
  okStatus: 'OK status',
  inputs: 'input',
  visits: 'visit',
  languages: 'language',
  tags: 'tag',
  mon: 'Monday interval',
  tue: 'Tuesday interval',
  wed: 'Wednesday interval',
  thu: 'Thursday interval',
  fri: 'Friday interval',
  sat: 'Saturday interval',
  sun: 'Sunday interval',
};

/** Fields whose keys are data (languages, header names, node ids in a test's mock tables), quoted rather than turned into words. */
const maps = new Set<string>(['tts', 'audio', 'fallbackTts', 'headers', 'query', 'json', 'vars', ...mockTables]);

const wordsFor: Record<string, string> = {
  tts: 'text',
  fallbackTts: 'fallback text',
  url: 'URL',
  okStatus: 'OK status',
  json: 'JSON body',
};

/** English words for a field name: `noInputPrompt` → "no input prompt". */
export const fieldWords = (name: string): string =>
  wordsFor[name] ?? name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();

/** The words a field path is told in: one language's nouns for list items and fields, its quotes and joiner. */
export interface FieldVocabulary {
  /** "option 2" for (`options`, 2), or undefined for a list without a noun (the number stands alone). */
  item(list: string, n: number): string | undefined;
  word(name: string): string;
  quote(key: string): string;
  join(parts: readonly string[]): string;
}

const english: FieldVocabulary = {
  item: (list, n) => (singular[list] !== undefined ? `${singular[list]} ${n}` : undefined),
  word: fieldWords,
  quote: (key) => `"${key}"`,
  join: (parts) => parts.join(' '),
};

/**
 * Words for a path inside a node, edge, variable or test (the part after `/nodes/3`) in a vocabulary.
 * `config` is left out: admins think of a node's settings as the node itself.
 */
export function describeTokensIn(tokens: readonly string[], vocabulary: FieldVocabulary): string {
  const out: string[] = [];
  tokens.forEach((token, i) => {
    const previous = tokens[i - 1];
    if (i === 0 && token === 'config') return;
    if (/^\d+$/.test(token) && previous !== undefined && !maps.has(previous)) {
      const item = vocabulary.item(previous, Number(token) + 1);
      if (item !== undefined) out[out.length - 1] = item;
      else out.push(`${Number(token) + 1}`);
      return;
    }
    if (previous !== undefined && maps.has(previous)) out.push(vocabulary.quote(token));
    else out.push(vocabulary.word(token));
  });
  return vocabulary.join(out);
}

/** Words for a path inside a node, edge, variable or test, in English, e.g. "option 2 key". */
export const describeTokens = (tokens: readonly string[]): string => describeTokensIn(tokens, english);

export interface DescribedPath {
  /** Who the problem belongs to: `Node "mainMenu"`, `Edge "e4"`, `Variable "tier"`, `Test "VIP"` or `The flow`. */
  subject: string;
  /** Where inside it, e.g. "option 2 key"; empty for the subject itself. */
  where: string;
  nodeId?: string;
  edgeId?: string;
}

const stringField = (value: unknown, field: string): string | undefined => {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = (value as Record<string, unknown>)[field];
  return typeof v === 'string' && v.length > 0 ? v : undefined;
};

const itemAt = (doc: unknown, list: string, index: number): unknown => {
  const items = typeof doc === 'object' && doc !== null ? (doc as Record<string, unknown>)[list] : undefined;
  return Array.isArray(items) ? items[index] : undefined;
};

const listSubjects: Record<string, { noun: string; key: string }> = {
  nodes: { noun: 'Node', key: 'id' },
  edges: { noun: 'Edge', key: 'id' },
  variables: { noun: 'Variable', key: 'name' },
  tests: { noun: 'Test', key: 'name' },
};

/**
 * Who and where a JSON pointer designates in a (possibly malformed) flow document.
 * @example
 * describePath(doc, '/nodes/0/config/options/1/key'); // { subject: 'Node "mainMenu"', where: 'option 2 key', nodeId: 'mainMenu' }
 */
export function describePath(doc: unknown, path: string): DescribedPath {
  const tokens = tokensOf(path);
  const [list, indexToken, ...rest] = tokens;
  const known = list !== undefined ? listSubjects[list] : undefined;
  if (known && indexToken !== undefined && /^\d+$/.test(indexToken)) {
    const index = Number(indexToken);
    const name = stringField(itemAt(doc, list!, index), known.key);
    const subject = name !== undefined ? `${known.noun} "${name}"` : `${known.noun} ${index + 1}`;
    return {
      subject,
      where: describeTokens(rest),
      ...(list === 'nodes' && name !== undefined ? { nodeId: name } : {}),
      ...(list === 'edges' && name !== undefined ? { edgeId: name } : {}),
    };
  }
  return { subject: 'The flow', where: describeTokens(tokens) };
}

/** Join subject, place and predicate into one sentence: `Node "m": option 2 key "12" must be one key`. */
export function sentence(described: DescribedPath, predicate: string): string {
  if (described.where === '') return `${described.subject} ${predicate}`;
  if (described.subject === 'The flow') {
    return `${described.where.charAt(0).toUpperCase()}${described.where.slice(1)} ${predicate}`;
  }
  return `${described.subject}: ${described.where} ${predicate}`;
}
