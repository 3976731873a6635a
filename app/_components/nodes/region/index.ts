// The studio's entry for the region node type: palette and canvas icon, accent, the config a new node starts with, its form.

import { EnvironmentOutlined } from '@ant-design/icons';
import { accents, formLoader, type NodeUi } from '../node-ui';

export const regionUi: NodeUi = {
  icon: EnvironmentOutlined,
  accent: accents.logic,
  newConfig: () => ({ regions: [{ name: 'region1', prefixes: [] }] }),
  inspector: formLoader(() => import('../forms').then((m) => m.RegionInspector)),
};
