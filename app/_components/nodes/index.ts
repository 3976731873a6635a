// The studio's registry of node types: it collects each type's entry (app/_components/nodes/<type>/index.ts: icon,
// accent, new-node config, inspector form), keyed by the engine's NodeType so a missing type fails to compile.

import type { NodeType } from '../../../flow-engine/nodes/index';
import { callbackUi } from './callback/index';
import { collectUi } from './collect/index';
import { conditionUi } from './condition/index';
import { hangupUi } from './hangup/index';
import { httpUi } from './http/index';
import { menuUi } from './menu/index';
import { playUi } from './play/index';
import { queueUi } from './queue/index';
import { recordUi } from './record/index';
import { regionUi } from './region/index';
import { scheduleUi } from './schedule/index';
import { setUi } from './set/index';
import { speechUi } from './speech/index';
import { startUi } from './start/index';
import { subflowUi } from './subflow/index';
import { surveyUi } from './survey/index';
import { transferUi } from './transfer/index';
import type { NodeUi } from './node-ui';

export type { NodeUi } from './node-ui';

export const nodeUi: { [T in NodeType]: NodeUi } = {
  start: startUi,
  play: playUi,
  menu: menuUi,
  collect: collectUi,
  speech: speechUi,
  record: recordUi,
  survey: surveyUi,
  condition: conditionUi,
  schedule: scheduleUi,
  region: regionUi,
  set: setUi,
  http: httpUi,
  subflow: subflowUi,
  queue: queueUi,
  callback: callbackUi,
  transfer: transferUi,
  hangup: hangupUi,
};

export function nodeUiOf(type: string): NodeUi | undefined {
  return Object.hasOwn(nodeUi, type) ? nodeUi[type as NodeType] : undefined;
}
