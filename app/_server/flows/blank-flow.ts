// The document a new blank flow starts from: a start node that hangs up, valid as it stands, in the language of the
// admin who made it (its prompt language and the hang-up node's label from the message catalogue).

import 'server-only';
import type { FlowDocument } from '../../../flow-engine/document';
import enUS from '../../../messages/en-US.json';
import zhCN from '../../../messages/zh-CN.json';
import type { Locale } from '../../_i18n/locales';

const hangUpLabel: Record<Locale, string> = {
  'en-US': enUS.flows.create.blankHangUpLabel,
  'zh-CN': zhCN.flows.create.blankHangUpLabel,
};

export function blankFlow(key: string, name: string, language: Locale = 'en-US'): FlowDocument {
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
      { id: 'end', type: 'hangup', label: hangUpLabel[language], position: { x: 0, y: 160 }, config: {} },
    ],
    edges: [{ id: 'start-next', source: 'start', port: 'next', target: 'end' }],
    tests: [],
  };
}
