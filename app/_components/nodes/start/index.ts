// The studio's entry for the start node type: palette and canvas icon, accent, the config a new node starts with, its form.

import { LoginOutlined } from '@ant-design/icons';
import { accents, formLoader, type NodeUi } from '../node-ui';

export const startUi: NodeUi = {
  icon: LoginOutlined,
  accent: accents.interaction,
  newConfig: () => ({}),
  inspector: formLoader(() => import('../forms').then((m) => m.StartInspector)),
};
