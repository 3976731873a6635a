'use client';
// One node's inspector form: react-hook-form checked by the node's own zod schema (messages in the UI's language),
// edits sent as one config per burst.

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef } from 'react';
import { useForm, type DefaultValues, type FieldValues, type UseFormReturn } from 'react-hook-form';
import type * as z from 'zod';
import { getNodeDefinition } from '../../../flow-engine/nodes/index';
import { flushEditsEvent } from '../editor/shortcuts/field-undo';
import type { InspectorProps } from './inspector-props';
import { plainConfig } from './plain-config';
import { translatedZodResolver } from './zod-messages';

/** Edits closer together than this are one change: one command, one undo entry. */
export const EDIT_BURST_MS = 400;

export type NodeForm<S extends z.ZodType> = UseFormReturn<z.input<S> & FieldValues, unknown, z.output<S> & FieldValues>;

/**
 * A form over `props.node.config`, validated by the node type's config schema. Edits are debounced into one
 * `onConfigChange` per burst (flushed on leaving a field and on unmount); a config changed elsewhere
 * (undo, the JSON view) resets the form unless it is what this form just sent.
 */
export function useNodeForm<S extends z.ZodType>(props: InspectorProps, schema: S): NodeForm<S> {
  type Values = z.input<S> & FieldValues;
  const t = useTranslations('zod');
  const form = useForm<Values, unknown, z.output<S> & FieldValues>({
    // The resolver's generic types cannot follow an arbitrary schema S; its runtime contract is the same.
    resolver: translatedZodResolver(schema, t) as never,
    defaultValues: props.node.config as DefaultValues<Values>,
    mode: 'onChange',
  });
  const onConfigChange = useRef(props.onConfigChange);
  onConfigChange.current = props.onConfigChange;
  const lastSent = useRef(JSON.stringify(props.node.config));
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const config = plainConfig(form.getValues());
    const text = JSON.stringify(config);
    if (text === lastSent.current) return;
    lastSent.current = text;
    onConfigChange.current(config);
  }, [form]);

  useEffect(() => {
    // Show the problems of the config as it is, before the admin touches anything.
    void form.trigger();
    // Every value change schedules a send; flush() sends nothing when the config is what was last sent or received
    // (a reset from outside, a field array re-render).
    const subscription = form.watch(() => {
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, EDIT_BURST_MS);
    });
    // Undo from a field sends the pending burst first, so that it is undone as one step (field-undo.ts).
    const flushPending = () => {
      if (timer.current !== undefined) flush();
    };
    window.addEventListener(flushEditsEvent, flushPending);
    return () => {
      subscription.unsubscribe();
      window.removeEventListener(flushEditsEvent, flushPending);
      if (timer.current !== undefined) flush();
    };
  }, [form, flush]);

  const incoming = JSON.stringify(props.node.config);
  useEffect(() => {
    if (incoming === lastSent.current) return;
    clearTimeout(timer.current);
    timer.current = undefined;
    lastSent.current = incoming;
    form.reset(JSON.parse(incoming) as Values);
    void form.trigger();
  }, [incoming, form]);

  return form;
}

/** The schema of a node type's config (every node form validates with the engine's own). */
export function configSchemaOf(type: string): z.ZodType {
  const definition = getNodeDefinition(type);
  if (!definition) throw new Error(`Unknown node type "${type}"`);
  return definition.config;
}
