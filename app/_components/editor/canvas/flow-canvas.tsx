'use client';
// The canvas: React Flow drawing the store's document; every change goes back as a command.

import { CompressOutlined, EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import {
  Background,
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  useStore,
  type Connection,
  type Edge,
  type EdgeChange,
  type NodeChange,
  type OnBeforeDelete,
  type ReactFlowInstance,
} from '@xyflow/react';
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import type { FlowNode, Position } from '../../../../flow-engine/document';
import { isNodeType } from '../../../../flow-engine/nodes/index';
import { nodeUi } from '../../nodes/index';
import { newElementId } from '../commands/new-id';
import { useEditorStore, useEditorStoreApi } from '../store/editor-store-context';
import { useProblemText } from '../problems/use-problem-text';
import { useContentNodes } from '../store/use-content';
import { useEdgeAriaLabel, useReactFlowAria } from './canvas-aria';
import { CardDecorations, CardDecorationsContext } from './card-decorations';
import { FlowNodeCard } from './flow-node-card';
import { ProblemTextContext } from './issue-badge';
import { nodeBox, placeClear } from './place-nodes';
import { useFitFlow } from './use-fit-flow';
import { useWholeFlowInView } from './use-whole-flow-in-view';
import { newCanvasCache, toCanvasEdges, toCanvasNodes, type CanvasNode } from './to-react-flow';

/** The drag payload type of a palette entry. */
export const paletteDragType = 'application/x-callflow-node-type';

// Module scope: a nodeTypes object made during render makes React Flow re-mount every node.
const nodeTypes = { flow: FlowNodeCard };
const proOptions = { hideAttribution: false };
// Module scope too: React Flow copies most props into its store whenever they change identity, and every store update
// runs every node's, handle's and edge's selector. The canvas re-renders on each frame of a drag (the document
// moves), so an inline callback or array here cost four or five extra passes over 1,000 nodes per frame.
const deleteKeys = ['Delete', 'Backspace'];
const multiSelectionKeys = ['Meta', 'Control', 'Shift'];
/** Above this many nodes the editor opens at the start node instead of fitting the whole flow. */
const bigFlowNodes = 150;
/**
 * Below this zoom the cards' small print (type, summary, port names, icons, notes) is unreadable: it is hidden
 * (editor.css, `.cf-low-detail`), which leaves the browser far less to paint on every frame of a drag. The layout
 * stays the same, so handles and edges do not move and nothing is measured again.
 */
const lowDetailZoom = 0.4;

export interface FlowCanvasProps {
  /** Where the pointer last was, in flow coordinates: paste puts nodes there. */
  pointer: { current: Position | undefined };
}

export function FlowCanvas({ pointer }: FlowCanvasProps) {
  const t = useTranslations('editor');
  const store = useEditorStoreApi();
  const reactFlow = useReactFlow();
  const docNodes = useEditorStore((s) => s.doc.nodes);
  const docEdges = useEditorStore((s) => s.doc.edges);
  const selectedNodeIds = useEditorStore((s) => s.selectedNodeIds);
  const selectedEdgeIds = useEditorStore((s) => s.selectedEdgeIds);
  const measured = useEditorStore((s) => s.measured);
  const marks = useEditorStore((s) => s.marks);
  const readOnly = useEditorStore((s) => s.readOnly);
  // A boolean: the canvas re-renders when the zoom crosses the threshold, not on every zoom step.
  const lowDetail = useStore((s) => s.transform[2] < lowDetailZoom);
  const cache = useRef(newCanvasCache());
  // The cards' issue counts, highlights and marks: one store subscription for all of them (card-decorations.ts).
  const [decorations] = useState(() => {
    const made = new CardDecorations();
    made.update(store.getState());
    return made;
  });
  useEffect(() => {
    decorations.update(store.getState());
    return store.subscribe((state) => decorations.update(state));
  }, [decorations, store]);
  const problemText = useProblemText();
  const wholeFlowInView = useWholeFlowInView(docNodes, measured);
  const fitFlow = useFitFlow();
  // The minimap can be hidden: on a small screen it covers a corner of the flow.
  const [minimapShown, setMinimapShown] = useState(true);
  // Arriving with highlighted nodes (from the versions page): frame them. A big flow opens at its start node at full
  // size (fitting hundreds of nodes makes them unreadable); "zoom to fit" shows the whole flow on demand.
  const [fitViewOptions] = useState(() => {
    const { highlighted, doc } = store.getState();
    const ids = Object.keys(highlighted);
    if (ids.length) return { nodes: ids.map((id) => ({ id })), maxZoom: 1.2 };
    const start = doc.nodes.find((n) => n.type === 'start');
    // Never zoomed in past full size: a small flow fitted at 2× leaves no room to work.
    return doc.nodes.length > bigFlowNodes && start ? { nodes: [{ id: start.id }], minZoom: 1, maxZoom: 1 } : undefined;
  });

  const nodes = useMemo(
    () => toCanvasNodes(docNodes, selectedNodeIds, measured, cache.current),
    [docNodes, selectedNodeIds, measured],
  );
  // Names come from the nodes' content: a drag's frames neither re-word every edge's label nor re-create the edges.
  const edgeAria = useEdgeAriaLabel(useContentNodes());
  const reactFlowAria = useReactFlowAria();
  const edges = useMemo(
    () => toCanvasEdges(docEdges, selectedEdgeIds, marks, cache.current, edgeAria),
    [docEdges, selectedEdgeIds, marks, edgeAria],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      const positions: Record<string, Position> = {};
      const sizes: Record<string, { width: number; height: number }> = {};
      let selection: Set<string> | undefined;
      for (const change of changes) {
        if (change.type === 'position' && change.position) positions[change.id] = change.position;
        else if (change.type === 'dimensions' && change.dimensions) sizes[change.id] = change.dimensions;
        else if (change.type === 'select') {
          selection ??= new Set(store.getState().selectedNodeIds);
          if (change.selected) selection.add(change.id);
          else selection.delete(change.id);
        }
        // 'remove' arrives through onDelete as one command; 'add'/'replace' are never produced by this canvas.
      }
      const state = store.getState();
      if (Object.keys(positions).length) state.dispatch({ kind: 'moveNodes', positions });
      if (Object.keys(sizes).length) state.setMeasured(sizes);
      if (selection) state.select([...selection], state.selectedEdgeIds);
    },
    [store],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      let selection: Set<string> | undefined;
      for (const change of changes) {
        if (change.type !== 'select') continue;
        selection ??= new Set(store.getState().selectedEdgeIds);
        if (change.selected) selection.add(change.id);
        else selection.delete(change.id);
      }
      if (selection) store.getState().select(store.getState().selectedNodeIds, [...selection]);
    },
    [store],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      if (!connection.sourceHandle) return;
      const taken = new Set(store.getState().doc.edges.map((e) => e.id));
      store.getState().dispatch({
        kind: 'connect',
        edge: {
          id: newElementId('e', taken),
          source: connection.source,
          port: connection.sourceHandle,
          target: connection.target,
        },
      });
    },
    [store],
  );

  const onReconnect = useCallback(
    (old: Edge, connection: Connection) => {
      if (!connection.sourceHandle) return;
      store.getState().dispatch({
        kind: 'reconnect',
        edgeId: old.id,
        source: connection.source,
        port: connection.sourceHandle,
        target: connection.target,
      });
    },
    [store],
  );

  const onBeforeDelete: OnBeforeDelete<CanvasNode> = useCallback(async ({ nodes: doomed, edges: doomedEdges }) => {
    // The start node stays: a flow has exactly one.
    return { nodes: doomed.filter((n) => n.data.node.type !== 'start'), edges: doomedEdges };
  }, []);

  const onDelete = useCallback(
    ({ nodes: removed, edges: removedEdges }: { nodes: CanvasNode[]; edges: Edge[] }) => {
      store.getState().dispatch({
        kind: 'removeElements',
        nodeIds: removed.map((n) => n.id),
        edgeIds: removedEdges.map((e) => e.id),
      });
    },
    [store],
  );

  // A drag (or a selection drag) is one undo step.
  const beginGesture = useCallback(() => store.getState().beginGesture(), [store]);
  const endGesture = useCallback(() => store.getState().endGesture(), [store]);
  const onPaneClick = useCallback(() => store.getState().select([], []), [store]);
  const onInit = useCallback(
    (instance: ReactFlowInstance<CanvasNode>) =>
      void ((!fitViewOptions && fitFlow()) || instance.fitView(fitViewOptions ?? { maxZoom: 1 })),
    [fitFlow, fitViewOptions],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(paletteDragType)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const type = event.dataTransfer.getData(paletteDragType);
      if (!type || !isNodeType(type)) return;
      event.preventDefault();
      const position = reactFlow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      addNodeOfType(store, type, { x: Math.round(position.x), y: Math.round(position.y) });
    },
    [reactFlow, store],
  );

  // The background, minimap and controls do not change while nodes move: made once per setting, so the canvas's
  // re-render on each frame of a drag does not re-render the controls' antd icons.
  const chrome = useMemo(
    () => (
      <>
        <Background gap={20} />
        {minimapShown && <MiniMap pannable zoomable ariaLabel={t('canvas.minimap')} />}
        <Controls aria-label={t('canvas.controls')} showFitView={false}>
          <ControlButton
            onClick={() => fitFlow({ duration: 250 })}
            aria-label={t('canvas.fitView')}
            title={t('canvas.fitView')}
          >
            <CompressOutlined />
          </ControlButton>
          <ControlButton
            onClick={() => setMinimapShown((shown) => !shown)}
            aria-label={minimapShown ? t('canvas.hideMinimap') : t('canvas.showMinimap')}
            title={minimapShown ? t('canvas.hideMinimap') : t('canvas.showMinimap')}
          >
            {minimapShown ? <EyeInvisibleOutlined /> : <EyeOutlined />}
          </ControlButton>
        </Controls>
      </>
    ),
    [t, minimapShown, fitFlow],
  );

  return (
    <CardDecorationsContext.Provider value={decorations}>
      <ProblemTextContext.Provider value={problemText}>
        <div
          className={lowDetail ? 'cf-canvas cf-low-detail' : 'cf-canvas'}
          id="cf-canvas"
          // A skip link's target when no node is drawn yet.
          tabIndex={-1}
          // Not while a button is held (a drag, a pan, a new connection): converting reads the canvas's box, which made the
          // browser lay the page out again on every frame of a drag. Letting go records where the pointer is.
          onPointerMove={(event) => {
            if (event.buttons === 0)
              pointer.current = reactFlow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
          }}
          onPointerUp={(event) => {
            pointer.current = reactFlow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
          }}
          onPointerLeave={() => {
            pointer.current = undefined;
          }}
        >
          <ReactFlow<CanvasNode>
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            onNodesChange={onNodesChange}
            onEdgesChange={onEdgesChange}
            onConnect={onConnect}
            onReconnect={onReconnect}
            onBeforeDelete={onBeforeDelete}
            onDelete={onDelete}
            onNodeDragStart={beginGesture}
            onNodeDragStop={endGesture}
            onSelectionDragStart={beginGesture}
            onSelectionDragStop={endGesture}
            onDragOver={onDragOver}
            onDrop={onDrop}
            onPaneClick={onPaneClick}
            nodesDraggable={!readOnly}
            nodesConnectable={!readOnly}
            edgesReconnectable={!readOnly}
            deleteKeyCode={readOnly ? null : deleteKeys}
            multiSelectionKeyCode={multiSelectionKeys}
            selectionKeyCode="Shift"
            // Only nodes in view are in the DOM: 1,000-node drags measured 36 ms → 18 ms per frame (STACK.md). Not while the
            // whole flow is in view: culling would draw every node anyway, after a pass over all nodes and edges per frame.
            onlyRenderVisibleElements={!wholeFlowInView}
            // Not the fitView prop: it waits for a node to be measured, and with estimated sizes (card-geometry.ts) no node
            // is drawn until one is in view. Nodes have sizes from the start, so the view is fitted as soon as it exists.
            // The whole flow is framed clear of the minimap and controls (use-fit-flow.ts), at most at full size.
            onInit={onInit}
            minZoom={0.05}
            proOptions={proOptions}
            aria-label={t('canvas.aria')}
            ariaLabelConfig={reactFlowAria}
          >
            {chrome}
          </ReactFlow>
        </div>
      </ProblemTextContext.Provider>
    </CardDecorationsContext.Provider>
  );
}

/**
 * Add a new node of a type at a position (palette drop, or palette entry with Enter) and select it. With `clear`, the
 * position is the wanted centre of the card and the node moves to the nearest place that covers no other node.
 */
export function addNodeOfType(
  store: ReturnType<typeof useEditorStoreApi>,
  type: keyof typeof nodeUi,
  position: Position,
  options: { clear?: boolean } = {},
): string {
  const { doc, measured } = store.getState();
  const id = newElementId(type, new Set(doc.nodes.map((n) => n.id)));
  let node: FlowNode = { id, type, position, config: nodeUi[type].newConfig(doc.languages) };
  if (options.clear) {
    const box = nodeBox(node, measured);
    node = {
      ...node,
      position: { x: Math.round(position.x - box.width / 2), y: Math.round(position.y - box.height / 2) },
    };
    node = placeClear(doc.nodes, measured, [node])[0] ?? node;
  }
  store.getState().dispatch({ kind: 'addElements', nodes: [node], edges: [] });
  store.getState().select([id], []);
  return id;
}
