'use client';
// The conflict dialog's choices when both sides changed the same nodes: each conflict shown side by side by what a
// caller would notice, with "keep mine" (the default, so typing is never dropped) or "take theirs".

import { Button, Radio, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import {
  diffCallerExperience,
  mergeDrafts,
  type MergeConflict,
  type MergeSide,
} from '../../../../flow-engine/diff/index';
import type { FlowDocument } from '../../../../flow-engine/document';
import { useNodeTypeTitle } from '../../nodes/node-texts';
import { nodeNamer } from '../problems/node-names';
import { ChangeReview } from '../publish/change-review';
import type { PendingMerge } from '../store/editor-state';
import { reviewOfNode } from './node-review';

const show = (value: unknown) =>
  value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value);

export interface MergeChoicesProps {
  merge: PendingMerge;
  /** What the editor holds now. */
  mine: FlowDocument;
  /** Who saved theirs, as the dialog names them. */
  who: string;
  onApply(choices: Record<string, MergeSide>): void;
}

export function MergeChoices({ merge, mine, who, onApply }: MergeChoicesProps) {
  const t = useTranslations('editor.conflict');
  const typeTitle = useNodeTypeTitle();
  const [choices, setChoices] = useState<Record<string, MergeSide>>({});
  const { conflicts, nodes, labelOf, theirsReview, mineReview } = useMemo(() => {
    const nodes = [
      ...mine.nodes,
      ...merge.theirs.nodes.filter((n) => !mine.nodes.some((m) => m.id === n.id)),
      ...merge.base.nodes,
    ];
    const unique = nodes.filter((n, i) => nodes.findIndex((m) => m.id === n.id) === i);
    return {
      conflicts: mergeDrafts(merge.base, merge.theirs, mine).conflicts,
      nodes: unique,
      labelOf: nodeNamer(unique, (type) => typeTitle(type)),
      theirsReview: diffCallerExperience(merge.base, merge.theirs),
      mineReview: diffCallerExperience(merge.base, mine),
    };
  }, [merge, mine, typeTitle]);

  const titleOf = (c: MergeConflict) =>
    c.kind === 'node'
      ? labelOf(c.id)
      : c.kind === 'variable'
        ? t('merge.variable', { name: c.id })
        : c.kind === 'test'
          ? t('merge.test', { name: c.id })
          : t('merge.setting', { field: t(`merge.fields.${c.id}`) });

  const side = (c: MergeConflict, doc: FlowDocument, review: typeof theirsReview) => {
    if (c.kind === 'node') {
      const node = doc.nodes.find((n) => n.id === c.id);
      if (!node) return <p>{t('merge.removed')}</p>;
      const narrowed = reviewOfNode(review, c.id);
      return (
        <>
          <p>{t('merge.name', { label: node.label?.trim() || typeTitle(node.type) })}</p>
          {narrowed.identical ? <p>{t('merge.noCallerChange')}</p> : <ChangeReview review={narrowed} nodes={nodes} />}
        </>
      );
    }
    const value =
      c.kind === 'variable'
        ? doc.variables.find((v) => v.name === c.id)
        : c.kind === 'test'
          ? doc.tests?.find((x) => x.name === c.id)
          : (doc as unknown as Record<string, unknown>)[c.id];
    return (
      <p className="cf-merge-value">
        {value === undefined ? t('merge.removed') : c.kind === 'test' ? t('merge.testChanged') : show(value)}
      </p>
    );
  };

  return (
    <div className="cf-merge" role="region" aria-label={t('merge.aria')}>
      <p>{t('merge.explain', { count: conflicts.length })}</p>
      {conflicts.map((c) => (
        <section key={c.key} className="cf-merge-item" aria-label={titleOf(c)}>
          <Typography.Text strong>{titleOf(c)}</Typography.Text>
          <div className="cf-merge-sides">
            <div>
              <Typography.Text type="secondary">{t('merge.theirs', { who })}</Typography.Text>
              {side(c, merge.theirs, theirsReview)}
            </div>
            <div>
              <Typography.Text type="secondary">{t('merge.mine')}</Typography.Text>
              {side(c, mine, mineReview)}
            </div>
          </div>
          <Radio.Group
            value={choices[c.key] ?? 'mine'}
            onChange={(event) => setChoices((all) => ({ ...all, [c.key]: event.target.value as MergeSide }))}
            options={[
              { value: 'mine', label: t('merge.keepMine') },
              { value: 'theirs', label: t('merge.takeTheirs') },
            ]}
          />
        </section>
      ))}
      <Button type="primary" autoFocus onClick={() => onApply(choices)}>
        {t('merge.apply')}
      </Button>
    </div>
  );
}
