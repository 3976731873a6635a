// The studio's entry for the hangup node type: palette and canvas icon, accent, the config a new node starts with, its form.

import { PoweroffOutlined } from '@ant-design/icons';
import { accents, formLoader, type NodeUi } from '../node-ui';

export const hangupUi: NodeUi = {
  icon: PoweroffOutlined,
  accent: accents.routing,
  newConfig: () => ({}),
  inspector: formLoader(() => import('../forms').then((m) => m.HangupInspector)),
};
