// Flow version diff: structured changes between two flow documents (pure, browser-safe).

export { diffFlows } from './diff-flows';
export type { CollectionDiff, EdgeChange, FlowDiff, NamedChange, NodeChange } from './diff-flows';
export { structuralDiff } from './structural-diff';
export type { ValueChange } from './structural-diff';
export { appendPointer, escapePointerSegment } from './json-pointer';
export { diffCallerExperience } from './caller-experience';
export type {
  CallerExperienceReview,
  ChangeKind,
  KeyPathChange,
  KeyStep,
  LanguageSettings,
  NodeSummary,
  PortChange,
  PortEnd,
  PromptChange,
  PromptRendering,
  SettingChange,
} from './caller-experience';
export { englishReviewWords, formatCallerExperience, reviewNodes } from './format-caller-experience';
export { mergeDrafts } from './merge-drafts';
export type { DraftMerge, MergeConflict, MergedChange, MergeSide } from './merge-drafts';
export { reviewLines, reviewSections } from './review-lines';
export type { ReviewLine, ReviewSection, ReviewWords } from './review-lines';
export { reviewMessagesEn } from './review-messages-en';
export type { ReviewMessageCode } from './review-messages-en';
