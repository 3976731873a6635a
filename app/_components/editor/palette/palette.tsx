'use client';
// The palette: node types grouped Interaction / Logic / Routing with icon, name and hint; drag onto the canvas, or Enter to add.

import { useReactFlow } from '@xyflow/react';
import { SearchOutlined } from '@ant-design/icons';
import { Button, Input } from 'antd';
import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import type { NodeCategory } from '../../../../flow-engine/define-node';
import { nodeDefinitions, nodeTypes, type NodeType } from '../../../../flow-engine/nodes/index';
import { nodeUi } from '../../nodes/index';
import { addNodeOfType, paletteDragType } from '../canvas/flow-canvas';
import { useNodeTypeHint, useNodeTypeTitle } from '../../nodes/node-texts';
import { useRevealNodes } from '../canvas/use-reveal-nodes';
import { useEditorStore, useEditorStoreApi } from '../store/editor-store-context';

const categories: NodeCategory[] = ['interaction', 'logic', 'routing'];
// A flow has exactly one start node, made with the flow.
const paletteTypes = nodeTypes.filter((type) => type !== 'start');

/** `onFind`: open Find with a query (a search that names no node type may be meant for the flow's own nodes). */
export function Palette({ onFind }: { onFind(query: string): void }) {
  const t = useTranslations('editor.palette');
  const title = useNodeTypeTitle();
  const hint = useNodeTypeHint();
  const store = useEditorStoreApi();
  const reactFlow = useReactFlow();
  const reveal = useRevealNodes();
  const readOnly = useEditorStore((s) => s.readOnly);
  const [search, setSearch] = useState('');

  const entries = useMemo(
    () =>
      paletteTypes.map((type) => {
        const definition = nodeDefinitions[type];
        return { type, category: definition.category, title: title(type), hint: hint(type) };
      }),
    [title, hint],
  );
  const needle = search.trim().toLowerCase();
  const shown = needle
    ? entries.filter((e) => `${e.title} ${e.hint} ${e.type}`.toLowerCase().includes(needle))
    : entries;

  // Chosen without a drop point (Enter, or a click): near the view's centre, clear of other nodes, and in view.
  const addAtCentre = (type: NodeType) => {
    const box = document.querySelector('.cf-canvas')?.getBoundingClientRect();
    const centre = box
      ? reactFlow.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 })
      : { x: 0, y: 0 };
    const id = addNodeOfType(store, type, { x: Math.round(centre.x), y: Math.round(centre.y) }, { clear: true });
    reveal([id]);
  };

  return (
    <aside
      className={readOnly ? 'cf-palette cf-palette-disabled' : 'cf-palette'}
      id="cf-palette"
      aria-label={t('aria')}
      aria-disabled={readOnly || undefined}
    >
      <Input.Search
        size="small"
        placeholder={t('search')}
        aria-label={t('search')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        allowClear
      />
      {needle && shown.length === 0 && (
        <div className="cf-palette-empty" role="status">
          <p>{t('noMatch', { search: search.trim() })}</p>
          <Button size="small" icon={<SearchOutlined />} onClick={() => onFind(search.trim())}>
            {t('findInFlow')}
          </Button>
        </div>
      )}
      {categories.map((category) => {
        const items = shown.filter((e) => e.category === category);
        if (items.length === 0) return null;
        return (
          <section key={category} aria-labelledby={`palette-${category}`}>
            <h2 id={`palette-${category}`} className="cf-palette-heading">
              {t(`categories.${category}`)}
            </h2>
            <ul className="cf-palette-list">
              {items.map((entry) => {
                const Icon = nodeUi[entry.type].icon;
                return (
                  <li key={entry.type}>
                    <button
                      type="button"
                      className="cf-palette-entry"
                      draggable={!readOnly}
                      disabled={readOnly}
                      title={entry.hint}
                      onDragStart={(event) => {
                        event.dataTransfer.setData(paletteDragType, entry.type);
                        event.dataTransfer.effectAllowed = 'copy';
                      }}
                      onClick={() => addAtCentre(entry.type)}
                    >
                      <Icon className="cf-palette-icon" aria-hidden style={{ color: nodeUi[entry.type].accent }} />
                      <span className="cf-palette-text">
                        <span className="cf-palette-title">{entry.title}</span>
                        {/* The name is the title alone; the hint is also the button's tooltip. */}
                        <span className="cf-palette-hint" aria-hidden>
                          {entry.hint}
                        </span>
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </aside>
  );
}
