// Every node type's inspector form, re-exported so that they load as one chunk when the first node is shown (each
// type's entry, ./<type>/index.ts, picks its own form from here). A chunk per type would carry its own copy of the form
// kit and antd's form parts: measured on the editor route, 17 per-type chunks made 76 KB (gzipped) more JavaScript in
// all and 1.4 KB more in the first load than this one chunk.

export { CallbackInspector } from './callback/inspector';
export { CollectInspector } from './collect/inspector';
export { ConditionInspector } from './condition/inspector';
export { HangupInspector } from './hangup/inspector';
export { HttpInspector } from './http/inspector';
export { MenuInspector } from './menu/inspector';
export { PlayInspector } from './play/inspector';
export { QueueInspector } from './queue/inspector';
export { RecordInspector } from './record/inspector';
export { RegionInspector } from './region/inspector';
export { ScheduleInspector } from './schedule/inspector';
export { SetInspector } from './set/inspector';
export { SpeechInspector } from './speech/inspector';
export { StartInspector } from './start/inspector';
export { SubflowInspector } from './subflow/inspector';
export { SurveyInspector } from './survey/inspector';
export { TransferInspector } from './transfer/inspector';
