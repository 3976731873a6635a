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

export interface NodeUi {
  icon: ComponentType<{ className?: string; style?: CSSProperties; 'aria-hidden'?: boolean }>;
  /** Canvas body: the colour of the card's header strip, per category family. */
  accent: string;
  /**
   * The config a node dropped from the palette starts with: the fields the admin must fill are present but empty,
   * so the node shows its ports at once and validation lists what is missing.
   */
  newConfig(languages: string[]): Record<string, unknown>;
}

const accents: Record<NodeCategory, string> = { interaction: '#1677ff', logic: '#722ed1', routing: '#13a8a8' };

/** An empty TTS prompt with a slot per language: the inspector fills them, validation names the missing ones. */
const emptyPrompt = (languages: string[]) => ({ tts: Object.fromEntries(languages.map((l) => [l, ''])) });

export const nodeUi: { [T in NodeType]: NodeUi } = {
  start: { icon: LoginOutlined, accent: accents.interaction, newConfig: () => ({}) },
  play: { icon: SoundOutlined, accent: accents.interaction, newConfig: (l) => ({ prompt: emptyPrompt(l) }) },
  menu: { icon: AppstoreOutlined, accent: accents.interaction, newConfig: (l) => ({ prompt: emptyPrompt(l), options: [{ key: '1' }, { key: '2' }] }) },
  collect: { icon: NumberOutlined, accent: accents.interaction, newConfig: (l) => ({ prompt: emptyPrompt(l), variable: '' }) },
  speech: {
    icon: MessageOutlined,
    accent: accents.interaction,
    newConfig: (l) => ({ prompt: emptyPrompt(l), intents: [{ name: 'intent1', phrases: [] }] }),
  },
  record: { icon: AudioOutlined, accent: accents.interaction, newConfig: () => ({}) },
  survey: { icon: FormOutlined, accent: accents.interaction, newConfig: (l) => ({ questions: [{ prompt: emptyPrompt(l), variable: '' }] }) },
  condition: { icon: BranchesOutlined, accent: accents.logic, newConfig: () => ({ rules: [{ name: 'rule1', when: '' }] }) },
  schedule: { icon: ClockCircleOutlined, accent: accents.logic, newConfig: () => ({ schedule: { ref: '' } }) },
  region: { icon: EnvironmentOutlined, accent: accents.logic, newConfig: () => ({ regions: [{ name: 'region1', prefixes: [] }] }) },
  set: { icon: EditOutlined, accent: accents.logic, newConfig: () => ({ assignments: [] }) },
  http: { icon: ApiOutlined, accent: accents.logic, newConfig: () => ({ method: 'GET', url: '' }) },
  subflow: { icon: PartitionOutlined, accent: accents.logic, newConfig: () => ({ flow: { ref: '' } }) },
  queue: { icon: CustomerServiceOutlined, accent: accents.routing, newConfig: () => ({ skillGroup: { ref: '' } }) },
  callback: { icon: RetweetOutlined, accent: accents.routing, newConfig: () => ({}) },
  transfer: { icon: PhoneOutlined, accent: accents.routing, newConfig: () => ({ to: '' }) },
  hangup: { icon: PoweroffOutlined, accent: accents.routing, newConfig: () => ({}) },
};

export function nodeUiOf(type: string): NodeUi | undefined {
  return Object.hasOwn(nodeUi, type) ? nodeUi[type as NodeType] : undefined;
}
