// The studio's entry for the queue node type: palette and canvas icon, accent, the config a new node starts with, its form.

import { CustomerServiceOutlined } from '@ant-design/icons';
import { accents, formLoader, type NodeUi } from '../node-ui';

export const queueUi: NodeUi = {
  icon: CustomerServiceOutlined,
  accent: accents.routing,
  // Its "callback requested" exit must lead somewhere in any case, so a new queue offers the callback (after two
  // minutes) as most hotlines do; the position and wait time are announced by the config's defaults.
  newConfig: () => ({ skillGroup: { ref: '' }, callbackOfferAfterSeconds: 120 }),
  inspector: formLoader(() => import('../forms').then((m) => m.QueueInspector)),
};
