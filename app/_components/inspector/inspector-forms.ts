// The inspector form of every node type, keyed by the engine registry's NodeType (a missing type fails to compile and a test).

import type { ComponentType } from 'react';
import type { NodeType } from '../../../flow-engine/nodes/index';
import { CallbackInspector } from '../nodes/callback/inspector';
import { CollectInspector } from '../nodes/collect/inspector';
import { ConditionInspector } from '../nodes/condition/inspector';
import { HangupInspector } from '../nodes/hangup/inspector';
import { HttpInspector } from '../nodes/http/inspector';
import type { InspectorProps } from '../nodes/inspector-props';
import { MenuInspector } from '../nodes/menu/inspector';
import { PlayInspector } from '../nodes/play/inspector';
import { QueueInspector } from '../nodes/queue/inspector';
import { RecordInspector } from '../nodes/record/inspector';
import { RegionInspector } from '../nodes/region/inspector';
import { ScheduleInspector } from '../nodes/schedule/inspector';
import { SetInspector } from '../nodes/set/inspector';
import { SpeechInspector } from '../nodes/speech/inspector';
import { StartInspector } from '../nodes/start/inspector';
import { SubflowInspector } from '../nodes/subflow/inspector';
import { SurveyInspector } from '../nodes/survey/inspector';
import { TransferInspector } from '../nodes/transfer/inspector';

export const inspectorForms: Record<NodeType, ComponentType<InspectorProps>> = {
  start: StartInspector,
  play: PlayInspector,
  menu: MenuInspector,
  collect: CollectInspector,
  speech: SpeechInspector,
  record: RecordInspector,
  survey: SurveyInspector,
  condition: ConditionInspector,
  schedule: ScheduleInspector,
  region: RegionInspector,
  set: SetInspector,
  http: HttpInspector,
  subflow: SubflowInspector,
  queue: QueueInspector,
  callback: CallbackInspector,
  transfer: TransferInspector,
  hangup: HangupInspector,
};
