// The studio's entry for the record node type: palette and canvas icon, accent, the config a new node starts with, its form.

import { AudioOutlined } from '@ant-design/icons';
import { accents, formLoader, type NodeUi } from '../node-ui';

export const recordUi: NodeUi = {
  icon: AudioOutlined,
  accent: accents.interaction,
  newConfig: () => ({}),
  inspector: formLoader(() => import('../forms').then((m) => m.RecordInspector)),
};
