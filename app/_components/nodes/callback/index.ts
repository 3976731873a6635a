// The studio's entry for the callback node type: palette and canvas icon, accent, the config a new node starts with, its form.

import { RetweetOutlined } from '@ant-design/icons';
import { accents, formLoader, type NodeUi } from '../node-ui';

export const callbackUi: NodeUi = {
  icon: RetweetOutlined,
  accent: accents.routing,
  newConfig: () => ({}),
  inspector: formLoader(() => import('../forms').then((m) => m.CallbackInspector)),
};
