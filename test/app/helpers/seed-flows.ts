// Flow documents and flow rows for API tests: a small valid flow, variants of it, and a direct insert of a draft.

import { eq } from 'drizzle-orm';
import type { FlowDocument } from '../../../flow-engine/document';
import { flows } from '../../../schemas/db';
import type { Database } from '../../../schemas/database';

const tts = (text: string) => ({ tts: { 'en-US': text } });

/** A valid flow: start → welcome (play) → menu; 1 → queue of skill group `queueKey` (when given) or goodbye. */
export function helpdeskFlow(key: string, options: { welcome?: string; queueKey?: string } = {}): FlowDocument {
  const menuTarget = options.queueKey ? 'agents' : 'goodbye';
  return {
    schemaVersion: 1,
    id: key,
    name: `Helpdesk ${key}`,
    languages: ['en-US'],
    defaultLanguage: 'en-US',
    variables: [],
    nodes: [
      { id: 'start', type: 'start', position: { x: 0, y: 0 }, config: {} },
      {
        id: 'welcome',
        type: 'play',
        label: 'Welcome',
        position: { x: 0, y: 100 },
        config: { prompt: tts(options.welcome ?? 'Welcome to the helpdesk.') },
      },
      {
        id: 'menu',
        type: 'menu',
        position: { x: 0, y: 200 },
        config: { prompt: tts('Press 1 for help.'), options: [{ key: '1', label: 'Help' }] },
      },
      { id: 'goodbye', type: 'hangup', position: { x: 0, y: 300 }, config: { prompt: tts('Goodbye.') } },
      ...(options.queueKey
        ? [
            {
              id: 'agents',
              type: 'queue',
              position: { x: 200, y: 300 },
              config: { skillGroup: { ref: options.queueKey } },
            },
          ]
        : []),
    ],
    edges: [
      { id: 'e1', source: 'start', port: 'next', target: 'welcome' },
      { id: 'e2', source: 'welcome', port: 'next', target: 'menu' },
      { id: 'e3', source: 'menu', port: '1', target: menuTarget },
      { id: 'e4', source: 'menu', port: 'noInput', target: 'goodbye' },
      { id: 'e5', source: 'menu', port: 'invalid', target: 'goodbye' },
      ...(options.queueKey
        ? [
            { id: 'e6', source: 'agents', port: 'overflow', target: 'goodbye' },
            { id: 'e7', source: 'agents', port: 'noAgents', target: 'goodbye' },
            { id: 'e8', source: 'agents', port: 'callback', target: 'goodbye' },
          ]
        : []),
    ],
  };
}

/** Two problems at once: an edge to a node that does not exist, and a menu key listed twice. */
export function brokenFlow(key: string): FlowDocument {
  const flow = helpdeskFlow(key);
  flow.edges.push({ id: 'e9', source: 'welcome', port: 'next', target: 'nowhere' });
  const menu = flow.nodes[2];
  if (!menu) throw new Error('helpdeskFlow has no third node (the menu)');
  (menu.config.options as { key: string }[]).push({ key: '1' });
  return flow;
}

/** Inserts a flow row with `draft` as its draft (the flows router is not needed to set up versions tests). */
export async function insertFlow(db: Database, draft: FlowDocument): Promise<string> {
  const [row] = await db.insert(flows).values({ key: draft.id, name: draft.name, draft }).returning({ id: flows.id });
  if (!row) throw new Error(`inserting flow ${draft.id} returned no row`);
  return row.id;
}

/** Replaces a flow's draft. */
export async function setDraft(db: Database, flowId: string, draft: FlowDocument): Promise<void> {
  await db.update(flows).set({ draft }).where(eq(flows.id, flowId));
}
