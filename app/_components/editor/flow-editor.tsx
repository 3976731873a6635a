'use client';
// The editor screen of one flow: top bar, palette, canvas, inspector, problems; one store, one command layer.

import '@xyflow/react/dist/style.css';
import './editor.css';
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { Alert, App, Button, Space, Spin } from 'antd';
import { useFormatter, useTranslations } from 'next-intl';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import * as z from 'zod';
import type { FlowDocument, Position } from '../../../flow-engine/document';
import { useAutosave, type ServerDraft } from './autosave/use-autosave';
import { FlowCanvas } from './canvas/flow-canvas';
import { useRevealNodes } from './canvas/use-reveal-nodes';
import { useFitFlow } from './canvas/use-fit-flow';
import { useClipboard } from './clipboard/use-clipboard';
// Dialogs and the inspector load apart from the canvas (lazy-parts.tsx).
import {
  CalendarDrawer,
  ConflictDialog,
  FindDialog,
  HelpOverlay,
  InspectorPanel,
  JsonViewDrawer,
  PasteWarning,
  PublishDialog,
  SimulatePanel,
  TestsPanel,
} from './lazy-parts';
import { MergeNotice } from './conflict/merge-notice';
import { CreatableResourcesProvider, type CreatableResources } from '../form-kit/resources/creatable-resources';
import { useAutoLayout } from './layout/use-auto-layout';
import { Palette } from './palette/palette';
import { PanelToggle } from './panel-toggle';
import { ProblemsPanel } from './problems/problems-panel';
import { focusWhenShown, SkipLinks, type SkipTarget } from './skip-links';
import { useEditorShortcuts } from './shortcuts/use-editor-shortcuts';
import { DraftDiffersBanner } from './state/draft-differs-banner';
import { NoLineBanner } from './state/no-line-banner';
import { ReadOnlyBanner, type ReadOnlyReason } from './state/read-only-banner';
import { useServedVersion } from './state/use-served-version';
import { createEditorStore, type EditorStoreApi } from './store/create-editor-store';
import { EditorStoreProvider, useEditorStore } from './store/editor-store-context';
import { TopBar } from './top-bar';
import { useLiveValidation } from './validation/use-live-validation';

// zod compiles schemas with new Function unless told not to; the browser validates without it (STACK.md).
z.config({ jitless: true });

export interface FlowEditorProps {
  flowId: string;
  draft: FlowDocument;
  server: ServerDraft;
  canDesign: boolean;
  /** Tester and up on a flow that is not archived: the test cases can be edited and saved even when the design cannot. */
  canTest: boolean;
  /** Why the design cannot be changed here, for the banner (none for designers on a live flow). */
  readOnlyReason?: ReadOnlyReason;
  /** Node ids to highlight on arrival (`?highlight=a,b`, from the versions page's review). */
  highlight?: string[];
  /** Resource kinds the user may create from the inspector's pickers (the roles of their create procedures). */
  creatable?: CreatableResources;
  /** The role of lines.list and lines.create (admin): a published flow no line answers offers "bind a line". */
  canBindLines?: boolean;
}

export function FlowEditor({
  flowId,
  draft,
  server,
  canDesign,
  canTest,
  readOnlyReason,
  highlight = [],
  creatable = {},
  canBindLines = false,
}: FlowEditorProps) {
  const [store] = useState(() => {
    const created = createEditorStore({
      flowId,
      doc: draft,
      revision: server.revision,
      savedAt: server.updatedAt,
      readOnly: !canDesign,
      testsEditable: canDesign || canTest,
    });
    created.getState().setHighlighted(highlight.filter((id) => draft.nodes.some((n) => n.id === id)));
    return created;
  });
  return (
    <EditorStoreProvider store={store}>
      <CreatableResourcesProvider value={creatable}>
        <ReactFlowProvider>
          <EditorScreen
            store={store}
            server={server}
            canDesign={canDesign}
            readOnlyReason={readOnlyReason}
            canBindLines={canBindLines}
          />
        </ReactFlowProvider>
      </CreatableResourcesProvider>
    </EditorStoreProvider>
  );
}

function EditorScreen({
  store,
  server,
  canDesign,
  readOnlyReason,
  canBindLines,
}: {
  store: EditorStoreApi;
  server: ServerDraft;
  canDesign: boolean;
  readOnlyReason?: ReadOnlyReason;
  canBindLines: boolean;
}) {
  const t = useTranslations('editor');
  const format = useFormatter();
  const { message } = App.useApp();
  const reactFlow = useReactFlow();
  const flowId = useEditorStore((s) => s.flowId);
  const flowName = useEditorStore((s) => s.doc.name);
  const saveStatus = useEditorStore((s) => s.save.status);
  const conflict = useEditorStore((s) => s.save.conflict);
  const pendingMerge = useEditorStore((s) => s.save.merge);
  const [dialog, setDialog] = useState<'find' | 'help' | 'publish' | 'json' | 'calendar' | undefined>();
  // What Find opens with when the palette sends a search there (undefined: the last query).
  const [findSeed, setFindSeed] = useState<string | undefined>();
  const openFind = (seed?: string) => {
    setFindSeed(seed);
    setDialog('find');
  };
  const [problemsOpen, setProblemsOpen] = useState(false);
  // One side area: the inspector, or the simulator or tests in its place (closing them brings the inspector back).
  // The side area and the palette can be folded away so the canvas gets the screen.
  const [sidePanel, setSidePanel] = useState<'tests' | 'simulate' | undefined>();
  const [sideOpen, setSideOpen] = useState(true);
  const [paletteOpen, setPaletteOpen] = useState(true);
  const toggleSide = (panel: 'tests' | 'simulate') => {
    setSideOpen(true);
    setSidePanel((open) => (open === panel && sideOpen ? undefined : panel));
  };
  const fitFlow = useFitFlow();
  const skipTo = (target: SkipTarget) => {
    if (target === 'palette') {
      setPaletteOpen(true);
      focusWhenShown(['.cf-palette input', '.cf-palette']);
    } else if (target === 'canvas') {
      // The selected node, else the first node drawn, else the canvas itself.
      focusWhenShown(['.cf-canvas .react-flow__node.selected', '.cf-canvas .react-flow__node[tabindex]', '.cf-canvas']);
    } else if (target === 'side') {
      setSideOpen(true);
      focusWhenShown(['.cf-inspector', '.cf-tests-panel', '.cf-simulate']);
    } else {
      // The simulate panel moves the focus into itself when it opens.
      setSideOpen(true);
      setSidePanel('simulate');
      if (sideOpen && sidePanel === 'simulate') focusWhenShown(['.cf-simulate']);
    }
  };
  // A problem's click asks the inspector to focus a field: the inspector comes back into the side area for it.
  const focusPath = useEditorStore((s) => s.focusPath);
  useEffect(() => {
    if (!focusPath) return;
    setSideOpen(true);
    setSidePanel(undefined);
  }, [focusPath]);
  const pointer = useRef<Position | undefined>(undefined);

  useLiveValidation(store);
  const autosave = useAutosave(store, server);
  const serving = useServedVersion(flowId);
  const layout = useAutoLayout(
    store,
    useCallback((text: string) => void message.error(t('layoutFailed', { message: text })), [message, t]),
  );
  const viewCentre = useCallback(() => {
    const box = document.querySelector('.cf-canvas')?.getBoundingClientRect();
    return box
      ? reactFlow.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 })
      : { x: 0, y: 0 };
  }, [reactFlow]);
  const clipboard = useClipboard(store, pointer, viewCentre, useRevealNodes());

  useEditorShortcuts({
    undo: () => store.getState().undo(),
    redo: () => store.getState().redo(),
    copy: () => {
      const count = clipboard.copy();
      if (count) message.info(t('copied', { count }));
    },
    cut: () => clipboard.cut(),
    paste: () => void clipboard.paste(),
    selectAll: () =>
      store.getState().select(
        store.getState().doc.nodes.map((n) => n.id),
        store.getState().doc.edges.map((e) => e.id),
      ),
    find: () => openFind(),
    save: () => void autosave.flush(),
    fitView: () => void fitFlow({ duration: 250 }),
    layout: () => void layout.start(),
    help: () => setDialog('help'),
  });

  const conflictCase = useMemo(
    () =>
      saveStatus === 'conflict' && conflict
        ? { conflict, mine: store.getState().doc, merge: pendingMerge }
        : autosave.staleCopy,
    [saveStatus, conflict, pendingMerge, autosave.staleCopy, store],
  );

  return (
    <div className="cf-editor">
      <SkipLinks onSkip={skipTo} />
      <TopBar
        onFind={() => openFind()}
        onLayout={() => void layout.start()}
        onCancelLayout={layout.cancel}
        layoutRunning={layout.running}
        onPublish={() => setDialog('publish')}
        onJson={() => setDialog('json')}
        onCalendar={() => setDialog('calendar')}
        onProblems={() => setProblemsOpen((open) => !open)}
        onTests={() => toggleSide('tests')}
        onHelp={() => setDialog('help')}
        onSimulate={() => toggleSide('simulate')}
        canPublish={canDesign}
      />
      {autosave.restored && (
        <Alert
          type="info"
          showIcon
          banner
          title={t('restored', { time: format.dateTime(new Date(autosave.restored.writtenAt), 'short') })}
          action={
            <Space>
              <Button size="small" onClick={autosave.dismissRestored}>
                {t('keepRestored')}
              </Button>
              <Button size="small" danger onClick={autosave.discardRestored}>
                {t('discardRestored')}
              </Button>
            </Space>
          }
        />
      )}
      {readOnlyReason && <ReadOnlyBanner reason={readOnlyReason} />}
      {serving.served && serving.differs && (
        <DraftDiffersBanner
          version={serving.served.number}
          canDiscard={canDesign}
          flush={autosave.flush}
          adopt={autosave.adopt}
        />
      )}
      {serving.served && canBindLines && (
        <NoLineBanner flowId={flowId} flowName={flowName} version={serving.served.number} />
      )}
      {autosave.merged && autosave.merged.fromTheirs.length > 0 && (
        <MergeNotice merged={autosave.merged} onClose={autosave.dismissMerged} />
      )}
      <div className="cf-editor-body">
        {paletteOpen && <Palette onFind={openFind} />}
        <PanelToggle
          edge="start"
          open={paletteOpen}
          onToggle={() => setPaletteOpen((open) => !open)}
          showLabel={t('panels.showPalette')}
          hideLabel={t('panels.hidePalette')}
        />
        <FlowCanvas pointer={pointer} />
        {layout.slow !== undefined && (
          <div className="cf-layout-progress" role="status">
            <Spin size="small" /> {t('layoutRunning', { count: layout.slow })}
            <Button size="small" onClick={layout.cancel}>
              {t('toolbar.cancelLayout')}
            </Button>
          </div>
        )}
        <PanelToggle
          edge="end"
          open={sideOpen}
          onToggle={() => setSideOpen((open) => !open)}
          showLabel={t('panels.showSide')}
          hideLabel={t('panels.hideSide')}
        />
        {sideOpen && sidePanel === undefined && <InspectorPanel />}
        <TestsPanel open={sideOpen && sidePanel === 'tests'} onClose={() => setSidePanel(undefined)} />
        <SimulatePanel open={sideOpen && sidePanel === 'simulate'} onClose={() => setSidePanel(undefined)} />
      </div>
      <ProblemsPanel open={problemsOpen} onToggle={() => setProblemsOpen((open) => !open)} />
      <FindDialog open={dialog === 'find'} seed={findSeed} onClose={() => setDialog(undefined)} />
      <HelpOverlay open={dialog === 'help'} onClose={() => setDialog(undefined)} />
      <PublishDialog
        open={dialog === 'publish'}
        onClose={() => setDialog(undefined)}
        flush={autosave.flush}
        onPublished={() => void serving.refresh()}
      />
      <JsonViewDrawer open={dialog === 'json'} onClose={() => setDialog(undefined)} />
      <CalendarDrawer open={dialog === 'calendar'} onClose={() => setDialog(undefined)} />
      <PasteWarning pending={clipboard.pending} onConfirm={clipboard.confirm} onCancel={clipboard.cancel} />
      <ConflictDialog value={conflictCase} flowId={flowId} onReload={autosave.reload} onResolve={autosave.resolve} />
    </div>
  );
}
