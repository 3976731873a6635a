// The compile-time services a node type's compile() gets: pre-parsed expressions, templates, prompts, resources.

import type { CompiledExpression, CompiledTemplate } from '../expression';
import type { FlowNode, VariableType } from '../document';
import type { Prompt } from '../nodes/shared-config';
import type { ResourceResolver } from '../resources';
import type { PromptRenderer } from './prompt-renderer';

export interface NodeCompiler {
  readonly node: FlowNode;
  /** The node's id in the machine: `subflowNode/innerNode` inside an inlined subflow. */
  readonly id: string;
  readonly resources: ResourceResolver;
  readonly defaultLanguage: string;
  /** Parse a CEL expression once; a syntax error is a CompileError naming the node and path. */
  expression(source: string, path: string): CompiledExpression;
  template(source: string, path: string): CompiledTemplate;
  prompt(prompt: Prompt, path: string): PromptRenderer;
  optionalPrompt(prompt: Prompt | undefined, path: string): PromptRenderer | undefined;
  isSensitive(variable: string): boolean;
  /** The declared type of a variable (undefined when the flow does not declare it). */
  variableType(variable: string): VariableType | undefined;
  /** Fail compilation of this node with a message for the flow's author. */
  fail(message: string, path?: string): never;
}
