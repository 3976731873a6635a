// Shared state of one compile() run: the node table, declared variables, and the NodeCompiler each node gets.

import type { FlowDocument, FlowNode, VariableDeclaration, VariableType } from '../document';
import { parseExpression, parseTemplate, type CompiledExpression, type CompiledTemplate } from '../expression';
import type { ResourceResolver } from '../resources';
import { CompileError } from './compile-error';
import type { NodeCompiler } from './node-compiler';
import type { NodeRuntime } from './node-runtime';
import type { Prompt } from '../nodes/shared-config';
import { getNodeDefinition } from '../nodes/index';
import { parseNodeConfig } from './parsed-config';
import { compilePrompt, type PromptRenderer, type TemplateSource } from './prompt-renderer';

/** Variables a node stores caller input in that is sensitive by its own settings (its references' `sensitive` writes). */
function sensitiveWrites(node: FlowNode): string[] {
  const definition = getNodeDefinition(node.type);
  if (!definition) return [];
  let config: unknown;
  try {
    config = parseNodeConfig(definition, node);
  } catch {
    return []; // an invalid config fails the compile with its own error when its state is built
  }
  return definition.references(config).writes.flatMap((w) => (w.sensitive ? [w.name] : []));
}

export class CompilerServices {
  readonly table = new Map<string, NodeRuntime>();
  readonly variables = new Map<string, VariableDeclaration>();
  readonly sensitive = new Set<string>();
  readonly subflowStack: string[] = [];

  constructor(
    readonly resources: ResourceResolver,
    readonly defaultLanguage: string,
  ) {}

  /** Declare a flow's variables (a subflow shares the call's variables; the first declaration wins). */
  addVariables(flow: FlowDocument): void {
    for (const v of flow.variables ?? []) {
      if (!this.variables.has(v.name)) this.variables.set(v.name, v);
      if (v.sensitive) this.sensitive.add(v.name);
    }
    // A sensitive collect masks its variable everywhere, even when the declaration does not say so.
    for (const node of flow.nodes) for (const name of sensitiveWrites(node)) this.sensitive.add(name);
  }

  nodeCompiler(node: FlowNode, id: string): NodeCompiler {
    return new ServicesNodeCompiler(this, node, id);
  }

  isSensitive(variable: string): boolean {
    return this.sensitive.has(variable);
  }
}

/** One node's view of the services (a class, not closures: compile builds one per node). */
class ServicesNodeCompiler implements NodeCompiler, TemplateSource {
  readonly resources: ResourceResolver;
  readonly defaultLanguage: string;

  constructor(
    private readonly services: CompilerServices,
    readonly node: FlowNode,
    readonly id: string,
  ) {
    this.resources = services.resources;
    this.defaultLanguage = services.defaultLanguage;
  }

  fail(message: string, path?: string): never {
    throw new CompileError(`Node "${this.id}" ${message}.`, this.id, path);
  }

  expression(source: string, path: string): CompiledExpression {
    const parsed = parseExpression(source);
    if (!parsed.ok)
      return this.fail(
        `has an expression that cannot be read at ${path} (column ${parsed.error.column}): ${parsed.error.message}`,
        path,
      );
    return parsed.value;
  }

  template(source: string, path: string): CompiledTemplate {
    const parsed = parseTemplate(source);
    if (!parsed.ok)
      return this.fail(
        `has a text template that cannot be read at ${path} (column ${parsed.error.column}): ${parsed.error.message}`,
        path,
      );
    return parsed.value;
  }

  prompt(prompt: Prompt, path: string): PromptRenderer {
    return compilePrompt(prompt, path, this);
  }

  optionalPrompt(prompt: Prompt | undefined, path: string): PromptRenderer | undefined {
    return prompt ? compilePrompt(prompt, path, this) : undefined;
  }

  isSensitive(variable: string): boolean {
    return this.services.sensitive.has(variable);
  }

  variableType(variable: string): VariableType | undefined {
    return this.services.variables.get(variable)?.type;
  }
}
