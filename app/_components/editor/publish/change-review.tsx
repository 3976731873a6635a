'use client';
// What changed for callers since the last version: the caller-experience review in translated sections.

import { Typography } from 'antd';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { CallerExperienceReview, KeyStep } from '../../../../flow-engine/diff/index';
import type { FlowDiff } from '../../../../flow-engine/diff/index';

const show = (value: unknown) => (value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value));
const keyPath = (path: KeyStep[] | undefined) => (path ? path.map((s) => `${s.node} ${s.port}`).join(' › ') : '—');

function Section({ title, items }: { title: string; items: ReactNode[] }) {
  if (items.length === 0) return null;
  return (
    <section className="cf-review-section">
      <Typography.Text strong>{title}</Typography.Text>
      <ul>
        {items.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
    </section>
  );
}

/** `diff` adds the node counts line (left out where the review is of one node, in the conflict dialog). */
export function ChangeReview({ review, diff, labelOf }: { review: CallerExperienceReview; diff?: FlowDiff; labelOf(id: string): string }) {
  const t = useTranslations('editor.publish.review');
  const s = diff?.summary;
  return (
    <div className="cf-review" aria-label={t('aria')}>
      {s && <p>{t('counts', { added: s.nodesAdded, removed: s.nodesRemoved, changed: s.nodesChanged, moved: s.nodesMoved })}</p>}
      {review.identical && <p>{t('identical')}</p>}
      <Section title={t('nodesAdded')} items={review.nodes.added.map((n) => n.label ?? n.id)} />
      <Section title={t('nodesRemoved')} items={review.nodes.removed.map((n) => n.label ?? n.id)} />
      {review.languages && (
        <Section title={t('languages')} items={[`${review.languages.before.languages.join(', ')} → ${review.languages.after.languages.join(', ')}`]} />
      )}
      <Section
        title={t('ports')}
        items={review.ports.map((p) => `${labelOf(p.node)} · ${p.label ? `${p.port} ${p.label}` : p.port}: ${p.before?.target ? labelOf(p.before.target) : '—'} → ${p.after?.target ? labelOf(p.after.target) : '—'}`)}
      />
      <Section title={t('keyPaths')} items={review.keyPaths.map((k) => `${labelOf(k.node)}: ${keyPath(k.before)} → ${keyPath(k.after)}`)} />
      <Section title={t('prompts')} items={review.prompts.map((p) => `${labelOf(p.node)} · ${p.language}: ${p.before?.text ?? '—'} → ${p.after?.text ?? '—'}`)} />
      <Section title={t('routing')} items={review.routing.map((r) => `${labelOf(r.node)} · ${r.field}: ${show(r.before)} → ${show(r.after)}`)} />
      <Section title={t('schedules')} items={review.schedules.map((r) => `${labelOf(r.node)} · ${r.field}: ${show(r.before)} → ${show(r.after)}`)} />
      <Section title={t('integrations')} items={review.integrations.map((r) => `${labelOf(r.node)} · ${r.field}: ${show(r.before)} → ${show(r.after)}`)} />
    </div>
  );
}
