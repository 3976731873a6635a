// CEL in Monaco: a Monarch tokenizer for highlighting and completion of the names a model's node may read.

import type * as Monaco from 'monaco-editor';

export const CEL_LANGUAGE = 'cel';

/** Names offered per model (the inspector sets them for the node being edited). */
const namesByModel = new Map<string, readonly string[]>();

export function setCelNames(model: Monaco.editor.ITextModel, names: readonly string[]): void {
  namesByModel.set(model.uri.toString(), names);
}

export function forgetCelNames(model: Monaco.editor.ITextModel): void {
  namesByModel.delete(model.uri.toString());
}

const FUNCTIONS = [
  'size',
  'has',
  'int',
  'uint',
  'double',
  'string',
  'bool',
  'bytes',
  'timestamp',
  'duration',
  'dyn',
  'type',
];
const METHODS = [
  'startsWith',
  'endsWith',
  'contains',
  'matches',
  'exists',
  'all',
  'exists_one',
  'map',
  'filter',
  'size',
];

let registered = false;

export function registerCelLanguage(monaco: typeof Monaco): void {
  if (registered) return;
  registered = true;
  monaco.languages.register({ id: CEL_LANGUAGE });
  monaco.languages.setMonarchTokensProvider(CEL_LANGUAGE, {
    keywords: ['true', 'false', 'null', 'in'],
    functions: FUNCTIONS,
    operators: ['==', '!=', '<', '<=', '>', '>=', '&&', '||', '!', '+', '-', '*', '/', '%', '?', ':'],
    symbols: /[=><!~?:&|+\-*/^%]+/,
    tokenizer: {
      root: [
        [/[A-Za-z_][\w]*(?=\s*\()/, { cases: { '@functions': 'predefined', '@default': 'function' } }],
        [/[A-Za-z_][\w]*/, { cases: { '@keywords': 'keyword', '@default': 'identifier' } }],
        [/[{}()[\]]/, '@brackets'],
        [/@symbols/, { cases: { '@operators': 'operator', '@default': '' } }],
        [/\d+\.\d+([eE][-+]?\d+)?/, 'number.float'],
        [/0[xX][0-9a-fA-F]+u?/, 'number.hex'],
        [/\d+u?/, 'number'],
        [/[,.]/, 'delimiter'],
        [/"([^"\\]|\\.)*$/, 'string.invalid'],
        [/'([^'\\]|\\.)*$/, 'string.invalid'],
        [/"/, 'string', '@stringDouble'],
        [/'/, 'string', '@stringSingle'],
        [/\s+/, 'white'],
      ],
      stringDouble: [
        [/[^\\"]+/, 'string'],
        [/\\./, 'string.escape'],
        [/"/, 'string', '@pop'],
      ],
      stringSingle: [
        [/[^\\']+/, 'string'],
        [/\\./, 'string.escape'],
        [/'/, 'string', '@pop'],
      ],
    },
  });
  monaco.languages.setLanguageConfiguration(CEL_LANGUAGE, {
    brackets: [
      ['(', ')'],
      ['[', ']'],
      ['{', '}'],
    ],
    autoClosingPairs: [
      { open: '(', close: ')' },
      { open: '[', close: ']' },
      { open: '{', close: '}' },
      { open: '"', close: '"', notIn: ['string'] },
      { open: "'", close: "'", notIn: ['string'] },
    ],
  });
  monaco.languages.registerCompletionItemProvider(CEL_LANGUAGE, {
    triggerCharacters: ['.'],
    provideCompletionItems(model, position) {
      const line = model.getLineContent(position.lineNumber).slice(0, position.column - 1);
      const typed = /[A-Za-z_][\w.]*$/.exec(line)?.[0] ?? '';
      const range = new monaco.Range(
        position.lineNumber,
        position.column - typed.length,
        position.lineNumber,
        position.column,
      );
      const names = namesByModel.get(model.uri.toString()) ?? [];
      const suggestions: Monaco.languages.CompletionItem[] = names
        .filter((name) => name.startsWith(typed))
        .map((name) => ({ label: name, kind: monaco.languages.CompletionItemKind.Variable, insertText: name, range }));
      if (!typed.includes('.')) {
        for (const fn of FUNCTIONS)
          if (fn.startsWith(typed))
            suggestions.push({
              label: fn,
              kind: monaco.languages.CompletionItemKind.Function,
              insertText: `${fn}($0)`,
              insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet,
              range,
            });
      } else {
        const method = typed.slice(typed.lastIndexOf('.') + 1);
        const methodRange = new monaco.Range(
          position.lineNumber,
          position.column - method.length,
          position.lineNumber,
          position.column,
        );
        for (const m of METHODS)
          if (m.startsWith(method))
            suggestions.push({
              label: m,
              kind: monaco.languages.CompletionItemKind.Method,
              insertText: `${m}($0)`,
              insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet,
              range: methodRange,
            });
      }
      return { suggestions };
    },
  });
}
