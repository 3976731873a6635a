// Shared state of one compile() run: the node table, declared variables, and the NodeCompiler each node gets.

import type { FlowDocument, FlowNode, VariableDeclaration } from '../document';
import { parseExpression, parseTemplate, type CompiledExpression, type CompiledTemplate } from '../expression';
import type { ResourceResolver } from '../resources';
import { CompileError } from './compile-error';
import type { NodeCompiler } from './node-compiler';
import type { NodeRuntime } from './node-runtime';
import { compilePrompt, type TemplateSource } from './prompt-renderer';

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
    for (const node of flow.nodes) {
      const config = node.config as { sensitive?: unknown; variable?: unknown } | undefined;
      if (node.type === 'collect' && config?.sensitive === true && typeof config.variable === 'string') this.sensitive.add(config.variable);
    }
  }

  nodeCompiler(node: FlowNode, id: string): NodeCompiler {
    const services = this;
    const fail = (message: string, path?: string): never => {
      throw new CompileError(`Node "${id}" ${message}.`, id, path);
    };
    const expression = (source: string, path: string): CompiledExpression => {
      const parsed = parseExpression(source);
      if (!parsed.ok) return fail(`has an expression that cannot be read at ${path} (column ${parsed.error.column}): ${parsed.error.message}`, path);
      return parsed.value;
    };
    const template = (source: string, path: string): CompiledTemplate => {
      const parsed = parseTemplate(source);
      if (!parsed.ok) return fail(`has a text template that cannot be read at ${path} (column ${parsed.error.column}): ${parsed.error.message}`, path);
      return parsed.value;
    };
    const templates: TemplateSource = {
      defaultLanguage: this.defaultLanguage,
      template,
      isSensitive: (name) => services.sensitive.has(name),
    };
    return {
      node,
      id,
      resources: this.resources,
      defaultLanguage: this.defaultLanguage,
      expression,
      template,
      prompt: (prompt, path) => compilePrompt(prompt, path, templates),
      optionalPrompt: (prompt, path) => (prompt ? compilePrompt(prompt, path, templates) : undefined),
      isSensitive: (name) => services.sensitive.has(name),
      variableType: (name) => services.variables.get(name)?.type,
      fail,
    };
  }
}
