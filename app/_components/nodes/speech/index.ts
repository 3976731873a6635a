// The studio's entry for the speech node type: palette and canvas icon, accent, the config a new node starts with, its form.

import { MessageOutlined } from '@ant-design/icons';
import { accents, emptyPrompt, formLoader, type NodeUi } from '../node-ui';

export const speechUi: NodeUi = {
  icon: MessageOutlined,
  accent: accents.interaction,
  newConfig: (languages) => ({ prompt: emptyPrompt(languages), intents: [{ name: 'intent1', phrases: [] }] }),
  inspector: formLoader(() => import('../forms').then((m) => m.SpeechInspector)),
};
