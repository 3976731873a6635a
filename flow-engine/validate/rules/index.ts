// The semantic rules, in the order their issues are reported (structure first, then content, then tests). A node
// type's checks of its own settings (`checks` in its definition) run where nodeChecks() names their group.

import type { SemanticRule } from '../flow-context';
import { checkBoundedEvaluation } from './bounded-evaluation';
import { checkDuplicatePorts } from './duplicate-ports';
import { checkEdges } from './edges';
import { checkExpressions } from './expressions';
import { checkIdleLoops } from './idle-loops';
import { checkLanguages } from './languages';
import { checkLogicLoops } from './logic-loops';
import { nodeChecks } from './node-checks';
import { checkReachability } from './reachability';
import { checkRecordings } from './recordings';
import { checkResources } from './resources';
import { checkSensitiveSentOut } from './sensitive-sent-out';
import { checkStartNode } from './start-node';
import { checkSubflows } from './subflows';
import { checkTestCases } from './test-cases';
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
  nodeChecks('invalid-schedule'),
  nodeChecks('invalid-transfer-target'),
  checkResources,
  checkRecordings,
  nodeChecks('http-credentials'),
  checkSubflows,
  nodeChecks('sensitive-variable'),
  checkSensitiveSentOut,
  checkTestCases,
];
