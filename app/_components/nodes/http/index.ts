// The studio's entry for the http node type: palette and canvas icon, accent, the config a new node starts with, its form.

import { ApiOutlined } from '@ant-design/icons';
import { accents, formLoader, type NodeUi } from '../node-ui';

export const httpUi: NodeUi = {
  icon: ApiOutlined,
  accent: accents.logic,
  newConfig: () => ({ method: 'GET', url: '' }),
  inspector: formLoader(() => import('../forms').then((m) => m.HttpInspector)),
};
