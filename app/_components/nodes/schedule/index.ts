// The studio's entry for the schedule node type: palette and canvas icon, accent, the config a new node starts with, its form.

import { ClockCircleOutlined } from '@ant-design/icons';
import { accents, formLoader, type NodeUi } from '../node-ui';

export const scheduleUi: NodeUi = {
  icon: ClockCircleOutlined,
  accent: accents.logic,
  newConfig: () => ({ schedule: { ref: '' } }),
  inspector: formLoader(() => import('../forms').then((m) => m.ScheduleInspector)),
};
