// The studio's entry for the subflow node type: palette and canvas icon, accent, the config a new node starts with, its form.

import { PartitionOutlined } from '@ant-design/icons';
import { accents, formLoader, type NodeUi } from '../node-ui';

export const subflowUi: NodeUi = {
  icon: PartitionOutlined,
  accent: accents.logic,
  newConfig: () => ({ flow: { ref: '' } }),
  inspector: formLoader(() => import('../forms').then((m) => m.SubflowInspector)),
};
