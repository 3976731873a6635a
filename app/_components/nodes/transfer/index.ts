// The studio's entry for the transfer node type: palette and canvas icon, accent, the config a new node starts with, its form.

import { PhoneOutlined } from '@ant-design/icons';
import { accents, formLoader, type NodeUi } from '../node-ui';

export const transferUi: NodeUi = {
  icon: PhoneOutlined,
  accent: accents.routing,
  newConfig: () => ({ to: '' }),
  inspector: formLoader(() => import('../forms').then((m) => m.TransferInspector)),
};
