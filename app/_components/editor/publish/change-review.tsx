'use client';
// What changed for callers since the last version: the caller-experience review in translated sections, nodes by label.

import { Typography } from 'antd';
import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import {
  reviewLines,
  reviewSections,
  type CallerExperienceReview,
  type FlowDiff,
} from '../../../../flow-engine/diff/index';
import type { NamedNode } from '../../../../flow-engine/node-names';
import { useReviewWords } from '../../versions/use-review-words';

/** `diff` adds the node counts line (left out where the review is of one node, in the conflict dialog). */
export function ChangeReview({
  review,
  diff,
  nodes,
}: {
  review: CallerExperienceReview;
  diff?: FlowDiff;
  nodes: readonly NamedNode[];
}) {
  const t = useTranslations('editor.publish.review');
  const words = useReviewWords(nodes);
  const lines = useMemo(() => reviewLines(review, words), [review, words]);
  const s = diff?.summary;
  return (
    <div className="cf-review" aria-label={t('aria')}>
      {s && (
        <p>
          {t('counts', { added: s.nodesAdded, removed: s.nodesRemoved, changed: s.nodesChanged, moved: s.nodesMoved })}
        </p>
      )}
      {review.identical && <p>{t('identical')}</p>}
      {reviewSections.map((section) => {
        const inSection = lines.filter((l) => l.section === section);
        if (inSection.length === 0) return null;
        return (
          <section key={section} className="cf-review-section">
            <Typography.Text strong>{t(section)}</Typography.Text>
            <ul>
              {inSection.map((line, i) => (
                <li key={i}>
                  {line.text}
                  {line.details.length > 0 && (
                    <ul>
                      {line.details.map((d) => (
                        <li key={d}>{d}</li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
