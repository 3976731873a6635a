// Monaco from the local package (no CDN) with its workers; import only from client components loaded with ssr:false.

import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor';
import { registerCelLanguage } from './cel-language';

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
  }
}

// Turbopack resolves these package paths (the `esm/vs/...` ones fail with monaco-editor 0.57); without
// getWorker the core worker fails to load and the diff editor never finishes.
self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    if (label === 'json')
      return new Worker(new URL('monaco-editor/language/json/json.worker.js', import.meta.url), { type: 'module' });
    return new Worker(new URL('monaco-editor/editor/editor.worker.js', import.meta.url), { type: 'module' });
  },
};

// Without this @monaco-editor/react would fetch Monaco from a CDN.
loader.config({ monaco });
registerCelLanguage(monaco);

/** Monaco's light theme with diff tints and a number colour that keep text at a 4.5:1 contrast (axe checks it). */
export const MONACO_THEME = 'callflow-light';
monaco.editor.defineTheme(MONACO_THEME, {
  base: 'vs',
  inherit: true,
  rules: [{ token: 'number', foreground: '05623f' }],
  colors: {
    'diffEditor.removedTextBackground': '#ff000026',
    'diffEditor.removedLineBackground': '#ff00000d',
    'diffEditor.insertedTextBackground': '#9ccc2c33',
    'diffEditor.insertedLineBackground': '#9bb9550d',
  },
});

export { monaco };
