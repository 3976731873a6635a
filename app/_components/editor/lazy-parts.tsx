'use client';
// The editor's dialogs and inspector, loaded apart from the canvas: a dialog's code (the publish review, the conflict
// diff, Monaco's drawer…) loads when it first opens, the inspector just after the canvas, so a big flow's first paint
// parses and runs only what it shows. Each keeps the props of the component it stands for.

import dynamic from 'next/dynamic';
import { useState, type ComponentType } from 'react';

/**
 * Mounts a lazily loaded component the first time `isOpen(props)` holds (its code loads then), and keeps it mounted
 * afterwards so closing animations still play.
 * @example
 * const Find = onceOpened(dynamic(() => import('./find/find-dialog').then((m) => m.FindDialog), { ssr: false }), (p) => p.open);
 */
export function onceOpened<P extends object>(Lazy: ComponentType<P>, isOpen: (props: P) => boolean): ComponentType<P> {
  return function OnceOpened(props: P) {
    const [opened, setOpened] = useState(false);
    const open = isOpen(props);
    if (open && !opened) setOpened(true);
    return opened || open ? <Lazy {...props} /> : null;
  };
}

// next/dynamic wants each import() written at its call.
export const FindDialog = onceOpened(
  dynamic(() => import('./find/find-dialog').then((m) => m.FindDialog), { ssr: false }),
  (p) => p.open,
);
export const HelpOverlay = onceOpened(
  dynamic(() => import('./shortcuts/help-overlay').then((m) => m.HelpOverlay), { ssr: false }),
  (p) => p.open,
);
export const PublishDialog = onceOpened(
  dynamic(() => import('./publish/publish-dialog').then((m) => m.PublishDialog), { ssr: false }),
  (p) => p.open,
);
export const JsonViewDrawer = onceOpened(
  dynamic(() => import('./json-view-drawer').then((m) => m.JsonViewDrawer), { ssr: false }),
  (p) => p.open,
);
export const CalendarDrawer = onceOpened(
  dynamic(() => import('./calendar/calendar-drawer').then((m) => m.CalendarDrawer), { ssr: false }),
  (p) => p.open,
);
export const SimulatePanel = onceOpened(
  dynamic(() => import('./simulate/simulate-panel').then((m) => m.SimulatePanel), { ssr: false }),
  (p) => p.open,
);
export const TestsPanel = onceOpened(
  dynamic(() => import('./tests/tests-panel').then((m) => m.TestsPanel), { ssr: false }),
  (p) => p.open,
);
export const PasteWarning = onceOpened(
  dynamic(() => import('./clipboard/paste-warning').then((m) => m.PasteWarning), { ssr: false }),
  (p) => p.pending !== undefined,
);
export const ConflictDialog = onceOpened(
  dynamic(() => import('./conflict/conflict-dialog').then((m) => m.ConflictDialog), { ssr: false }),
  (p) => p.value !== undefined,
);

/** The right panel, drawn after the canvas (an empty panel of the same width holds its place meanwhile). */
export const InspectorPanel = dynamic(() => import('./inspector/inspector-panel').then((m) => m.InspectorPanel), {
  ssr: false,
  loading: () => <aside className="cf-inspector" aria-busy="true" />,
});
