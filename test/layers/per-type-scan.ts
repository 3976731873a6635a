// Finds per-node-type knowledge written outside a node type's own files (issue 16 point 2): a `switch` on a node's
// `type` with node type names as cases, `type === '<node type>'` comparisons, object literals keyed by several node
// type names, string lists naming several node types, and `Record<NodeType, …>` tables. Parsed with the TypeScript
// compiler, so comments and strings that merely mention a type do not count.

import ts from 'typescript';

/** One per-type switch or table, with the line it starts on and its source text (one line, trimmed). */
export interface PerTypeFinding {
  file: string;
  line: number;
  kind: 'switch' | 'comparison' | 'keyed-object' | 'type-list' | 'record-type';
  /** The node type names it names (empty for a `Record<NodeType, …>`). */
  names: string[];
  text: string;
}

/** `type`, `nodeType`, `node.type`, `a?.b.type`: an expression that reads a node's type. */
function readsType(expression: ts.Expression): boolean {
  let e = expression;
  while (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e) || ts.isAsExpression(e)) e = e.expression;
  if (ts.isIdentifier(e)) return /^(type|nodeType)$/.test(e.text);
  if (ts.isPropertyAccessExpression(e)) return e.name.text === 'type';
  return false;
}

const stringValue = (node: ts.Node): string | undefined =>
  ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : undefined;

const propertyName = (name: ts.PropertyName | undefined): string | undefined =>
  name && (ts.isIdentifier(name) || ts.isStringLiteral(name)) ? name.text : undefined;

const comparisons = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
]);

/** The node type names, and those of them that also name something else (an effect, a resource kind). */
export interface TypeNames {
  types: readonly string[];
  /** `play`, `http`, `schedule`, `subflow`…: a table keyed only by these is about effects or resources, not node types. */
  shared: ReadonlySet<string>;
}

/**
 * The per-type switches and tables in one source file. A switch or comparison on a `type` counts with any node type
 * name; an object or a string list counts when it names two node types or more, one of them not a shared name.
 */
export function scanPerType(file: string, source: string, { types, shared }: TypeNames): PerTypeFinding[] {
  const known = new Set(types);
  const isTable = (names: string[]) => names.length >= 2 && names.some((n) => !shared.has(n));
  const sf = ts.createSourceFile(
    file,
    source,
    ts.ScriptTarget.Latest,
    false,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const findings: PerTypeFinding[] = [];
  const add = (node: ts.Node, kind: PerTypeFinding['kind'], names: string[] = []) => {
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
    // A table is told by the names it is keyed by (its first line is often a lone brace); the rest by their source.
    const text =
      kind === 'keyed-object'
        ? `{ ${names.join(', ')} }`
        : kind === 'type-list'
          ? `[${names.join(', ')}]`
          : (node.getText(sf).split('\n')[0] ?? '').trim();
    findings.push({ file, line, kind, names, text });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isSwitchStatement(node) && readsType(node.expression)) {
      const named = node.caseBlock.clauses
        .flatMap((c) => (ts.isCaseClause(c) ? [stringValue(c.expression) ?? ''] : []))
        .filter((n) => known.has(n));
      if (named.length > 0) add(node, 'switch', named);
    } else if (ts.isBinaryExpression(node) && comparisons.has(node.operatorToken.kind)) {
      const literal = stringValue(node.left) ?? stringValue(node.right);
      const other = stringValue(node.left) !== undefined ? node.right : node.left;
      if (literal !== undefined && known.has(literal) && readsType(other)) add(node, 'comparison', [literal]);
    } else if (ts.isObjectLiteralExpression(node)) {
      const keys = node.properties
        .flatMap((p) => (ts.isSpreadAssignment(p) ? [] : [propertyName(p.name) ?? '']))
        .filter((k) => known.has(k));
      if (isTable(keys)) add(node, 'keyed-object', keys);
    } else if (ts.isArrayLiteralExpression(node)) {
      const names = node.elements.map((e) => stringValue(e) ?? '').filter((n) => known.has(n));
      if (isTable(names)) add(node, 'type-list', names);
    } else if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName) && node.typeName.text === 'Record') {
      const key = node.typeArguments?.[0];
      if (key && ts.isTypeReferenceNode(key) && ts.isIdentifier(key.typeName) && key.typeName.text === 'NodeType')
        add(node, 'record-type');
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return findings;
}
