// The shape of a node type's studio entry (app/_components/nodes/<type>/index.ts) and the parts entries share: the
// canvas accents per category, the empty prompt a new node starts with, and the once-only loader of a type's form.

import type { ComponentType, CSSProperties } from 'react';
import type { NodeCategory } from '../../../flow-engine/define-node';
import type { InspectorProps } from '../form-kit/inspector-props';

export type NodeForm = ComponentType<InspectorProps>;

/**
 * Loads a node type's inspector form (its `inspector.tsx`, through the one chunk of all forms, ../forms.ts) apart from
 * the canvas, once: the palette and the canvas read the entries for icons and accents and should not carry the forms
 * (react-hook-form, the form kit) into the editor's first load.
 */
export interface NodeFormLoader {
  (): Promise<NodeForm>;
  /** The form once it has loaded, so the inspector shows it in the same render. */
  readonly loaded: NodeForm | undefined;
}

export interface NodeUi {
  icon: ComponentType<{ className?: string; style?: CSSProperties; 'aria-hidden'?: boolean }>;
  /** Canvas body: the colour of the card's header strip, per category family. */
  accent: string;
  /**
   * The config a node dropped from the palette starts with: the fields the admin must fill are present but empty,
   * so the node shows its ports at once and validation lists what is missing.
   */
  newConfig(languages: string[]): Record<string, unknown>;
  /** The type's inspector form; the inspector panel (app/_components/inspector/) picks it by the node's type. */
  inspector: NodeFormLoader;
}

export const accents: Record<NodeCategory, string> = { interaction: '#1677ff', logic: '#722ed1', routing: '#13a8a8' };

/** An empty TTS prompt with a slot per language: the inspector fills them, validation names the missing ones. */
export const emptyPrompt = (languages: string[]) => ({ tts: Object.fromEntries(languages.map((l) => [l, ''])) });

/**
 * Wraps the import of a type's form so that it runs once; a failed load (a chunk lost in a redeploy) is tried
 * again the next time the form is asked for.
 * @example
 * inspector: formLoader(() => import('../forms').then((m) => m.MenuInspector)),
 */
export function formLoader(load: () => Promise<NodeForm>): NodeFormLoader {
  let pending: Promise<NodeForm> | undefined;
  let loaded: NodeForm | undefined;
  const loader = () =>
    (pending ??= load().then(
      (form) => (loaded = form),
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    ));
  return Object.defineProperty(loader, 'loaded', { get: () => loaded }) as NodeFormLoader;
}
