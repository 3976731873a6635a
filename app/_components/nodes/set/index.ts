// The studio's entry for the set node type: palette and canvas icon, accent, the config a new node starts with, its form.

import { EditOutlined } from '@ant-design/icons';
import { accents, formLoader, type NodeUi } from '../node-ui';

export const setUi: NodeUi = {
  icon: EditOutlined,
  accent: accents.logic,
  newConfig: () => ({ assignments: [] }),
  inspector: formLoader(() => import('../forms').then((m) => m.SetInspector)),
};
