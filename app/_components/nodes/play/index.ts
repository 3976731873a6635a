// The studio's entry for the play node type: palette and canvas icon, accent, the config a new node starts with, its form.

import { SoundOutlined } from '@ant-design/icons';
import { accents, emptyPrompt, formLoader, type NodeUi } from '../node-ui';

export const playUi: NodeUi = {
  icon: SoundOutlined,
  accent: accents.interaction,
  newConfig: (languages) => ({ prompt: emptyPrompt(languages) }),
  inspector: formLoader(() => import('../forms').then((m) => m.PlayInspector)),
};
