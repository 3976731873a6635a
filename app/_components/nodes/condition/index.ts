// The studio's entry for the condition node type: palette and canvas icon, accent, the config a new node starts with, its form.

import { BranchesOutlined } from '@ant-design/icons';
import { accents, formLoader, type NodeUi } from '../node-ui';

export const conditionUi: NodeUi = {
  icon: BranchesOutlined,
  accent: accents.logic,
  newConfig: () => ({ rules: [{ name: 'rule1', when: '' }] }),
  inspector: formLoader(() => import('../forms').then((m) => m.ConditionInspector)),
};
