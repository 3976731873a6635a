// The document a new blank flow starts from: a start node that hangs up, valid as it stands.

import type { FlowDocument } from '../../../flow-engine/document';

export function blankFlow(key: string, name: string, language = 'en-US'): FlowDocument {
  return {
    schemaVersion: 1,
    id: key,
    name,
    kind: 'flow',
    languages: [language],
    defaultLanguage: language,
    variables: [],
    nodes: [
      { id: 'start', type: 'start', position: { x: 0, y: 0 }, config: {} },
      { id: 'end', type: 'hangup', label: 'Hang up', position: { x: 0, y: 160 }, config: {} },
    ],
    edges: [{ id: 'start-next', source: 'start', port: 'next', target: 'end' }],
    tests: [],
  };
}
