// The semantic rules, in the order their issues are reported (structure first, then content, then tests).

import type { SemanticRule } from '../flow-context';
import { checkBoundedEvaluation } from './bounded-evaluation';
import { checkDuplicatePorts } from './duplicate-ports';
import { checkEdges } from './edges';
import { checkExpressions } from './expressions';
import { checkHttpCredentials } from './http-credentials';
import { checkIdleLoops } from './idle-loops';
import { checkLanguages } from './languages';
import { checkLogicLoops } from './logic-loops';
import { checkReachability } from './reachability';
import { checkRecordings } from './recordings';
import { checkResources } from './resources';
import { checkSchedules } from './schedules';
import { checkSensitive } from './sensitive';
import { checkSensitiveSentOut } from './sensitive-sent-out';
import { checkStartNode } from './start-node';
import { checkSubflows } from './subflows';
import { checkTestCases } from './test-cases';
import { checkTransferTargets } from './transfer-targets';
import { checkUnconnectedPorts } from './unconnected-ports';
import { checkUniqueIds } from './unique-ids';
import { checkVariables } from './variables';

export const semanticRules: readonly SemanticRule[] = [
  checkStartNode,
  checkUniqueIds,
  checkEdges,
  checkDuplicatePorts,
  checkUnconnectedPorts,
  checkReachability,
  checkLogicLoops,
  checkIdleLoops,
  checkVariables,
  checkExpressions,
  checkBoundedEvaluation,
  checkLanguages,
  checkSchedules,
  checkTransferTargets,
  checkResources,
  checkRecordings,
  checkHttpCredentials,
  checkSubflows,
  checkSensitive,
  checkSensitiveSentOut,
  checkTestCases,
];
