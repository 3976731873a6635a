// The one registry of node types: palette, canvas handles, validation, JSON Schema and compile all read it.

import type { NodeDefinition } from '../define-node';
import { callback } from './callback';
import { collect } from './collect';
import { condition } from './condition';
import { hangup } from './hangup';
import { http } from './http';
import { menu } from './menu';
import { play } from './play';
import { queue } from './queue';
import { record } from './record';
import { region } from './region';
import { schedule } from './schedule';
import { set } from './set';
import { speech } from './speech';
import { start } from './start';
import { subflow } from './subflow';
import { survey } from './survey';
import { transfer } from './transfer';

export const nodeDefinitions = {
  start,
  play,
  menu,
  collect,
  speech,
  record,
  survey,
  condition,
  schedule,
  region,
  set,
  http,
  subflow,
  queue,
  callback,
  transfer,
  hangup,
} as const;

export type NodeType = keyof typeof nodeDefinitions;

export const nodeTypes = Object.keys(nodeDefinitions) as NodeType[];

export function isNodeType(type: string): type is NodeType {
  return Object.hasOwn(nodeDefinitions, type);
}

export function getNodeDefinition(type: string): NodeDefinition | undefined {
  return isNodeType(type) ? nodeDefinitions[type] : undefined;
}
