// The studio's registry of UI parts per node type, keyed by the engine's NodeType: icon, canvas accent, new-node config.

import {
  ApiOutlined,
  AppstoreOutlined,
  AudioOutlined,
  BranchesOutlined,
  ClockCircleOutlined,
  CustomerServiceOutlined,
  EditOutlined,
  EnvironmentOutlined,
  FormOutlined,
  LoginOutlined,
  MessageOutlined,
  NumberOutlined,
  PartitionOutlined,
  PhoneOutlined,
  PoweroffOutlined,
  RetweetOutlined,
  SoundOutlined,
} from '@ant-design/icons';
import type { ComponentType, CSSProperties } from 'react';
import type { NodeCategory } from '../../../flow-engine/define-node';
import type { NodeType } from '../../../flow-engine/nodes/index';
import { NodeInspector } from './lazy-node-inspector';
import type { InspectorProps } from './inspector-props';

export interface NodeUi {
  icon: ComponentType<{ className?: string; style?: CSSProperties; 'aria-hidden'?: boolean }>;
  /** Canvas body: the colour of the card's header strip, per category family. */
  accent: string;
  /**
   * The config a node dropped from the palette starts with: the fields the admin must fill are present but empty,
   * so the node shows its ports at once and validation lists what is missing.
   */
  newConfig(languages: string[]): Record<string, unknown>;
  /** The inspector form; NodeInspector picks the type's own form (app/_components/nodes/<type>/inspector.tsx). */
  inspector: ComponentType<InspectorProps>;
}

const accents: Record<NodeCategory, string> = { interaction: '#1677ff', logic: '#722ed1', routing: '#13a8a8' };

/** An empty TTS prompt with a slot per language: the inspector fills them, validation names the missing ones. */
const emptyPrompt = (languages: string[]) => ({ tts: Object.fromEntries(languages.map((l) => [l, ''])) });

export const nodeUi: { [T in NodeType]: NodeUi } = {
  start: { icon: LoginOutlined, accent: accents.interaction, newConfig: () => ({}), inspector: NodeInspector },
  play: { icon: SoundOutlined, accent: accents.interaction, newConfig: (l) => ({ prompt: emptyPrompt(l) }), inspector: NodeInspector },
  menu: { icon: AppstoreOutlined, accent: accents.interaction, newConfig: (l) => ({ prompt: emptyPrompt(l), options: [{ key: '1' }, { key: '2' }] }), inspector: NodeInspector },
  collect: { icon: NumberOutlined, accent: accents.interaction, newConfig: (l) => ({ prompt: emptyPrompt(l), variable: '' }), inspector: NodeInspector },
  speech: {
    icon: MessageOutlined,
    accent: accents.interaction,
    newConfig: (l) => ({ prompt: emptyPrompt(l), intents: [{ name: 'intent1', phrases: [] }] }),
    inspector: NodeInspector,
  },
  record: { icon: AudioOutlined, accent: accents.interaction, newConfig: () => ({}), inspector: NodeInspector },
  survey: { icon: FormOutlined, accent: accents.interaction, newConfig: (l) => ({ questions: [{ prompt: emptyPrompt(l), variable: '' }] }), inspector: NodeInspector },
  condition: { icon: BranchesOutlined, accent: accents.logic, newConfig: () => ({ rules: [{ name: 'rule1', when: '' }] }), inspector: NodeInspector },
  schedule: { icon: ClockCircleOutlined, accent: accents.logic, newConfig: () => ({ schedule: { ref: '' } }), inspector: NodeInspector },
  region: { icon: EnvironmentOutlined, accent: accents.logic, newConfig: () => ({ regions: [{ name: 'region1', prefixes: [] }] }), inspector: NodeInspector },
  set: { icon: EditOutlined, accent: accents.logic, newConfig: () => ({ assignments: [] }), inspector: NodeInspector },
  http: { icon: ApiOutlined, accent: accents.logic, newConfig: () => ({ method: 'GET', url: '' }), inspector: NodeInspector },
  subflow: { icon: PartitionOutlined, accent: accents.logic, newConfig: () => ({ flow: { ref: '' } }), inspector: NodeInspector },
  // Its "callback requested" exit must lead somewhere in any case, so a new queue offers the callback (after two
  // minutes) as most hotlines do; the position and wait time are announced by the config's defaults.
  queue: { icon: CustomerServiceOutlined, accent: accents.routing, newConfig: () => ({ skillGroup: { ref: '' }, callbackOfferAfterSeconds: 120 }), inspector: NodeInspector },
  callback: { icon: RetweetOutlined, accent: accents.routing, newConfig: () => ({}), inspector: NodeInspector },
  transfer: { icon: PhoneOutlined, accent: accents.routing, newConfig: () => ({ to: '' }), inspector: NodeInspector },
  hangup: { icon: PoweroffOutlined, accent: accents.routing, newConfig: () => ({}), inspector: NodeInspector },
};

export function nodeUiOf(type: string): NodeUi | undefined {
  return Object.hasOwn(nodeUi, type) ? nodeUi[type as NodeType] : undefined;
}
