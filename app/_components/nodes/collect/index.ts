// The studio's entry for the collect node type: palette and canvas icon, accent, the config a new node starts with, its form.

import { NumberOutlined } from '@ant-design/icons';
import { accents, emptyPrompt, formLoader, type NodeUi } from '../node-ui';

export const collectUi: NodeUi = {
  icon: NumberOutlined,
  accent: accents.interaction,
  newConfig: (languages) => ({ prompt: emptyPrompt(languages), variable: '' }),
  inspector: formLoader(() => import('../forms').then((m) => m.CollectInspector)),
};
