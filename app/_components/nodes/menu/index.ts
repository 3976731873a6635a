// The studio's entry for the menu node type: palette and canvas icon, accent, the config a new node starts with, its form.

import { AppstoreOutlined } from '@ant-design/icons';
import { accents, emptyPrompt, formLoader, type NodeUi } from '../node-ui';

export const menuUi: NodeUi = {
  icon: AppstoreOutlined,
  accent: accents.interaction,
  newConfig: (languages) => ({ prompt: emptyPrompt(languages), options: [{ key: '1' }, { key: '2' }] }),
  inspector: formLoader(() => import('../forms').then((m) => m.MenuInspector)),
};
