'use client';
// The diff by caller experience: which keys, key paths, prompts per language, routing, schedules and integrations changed,
// each told in the UI language with nodes named by label, and a link that opens the editor with the changed nodes highlighted.

import { Alert, Card, Empty, List, Space, Tag, Typography } from 'antd';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import type { inferRouterOutputs } from '@trpc/server';
// The modules themselves, not the diff index: the index would bring the node registry (diffCallerExperience) to this page.
import type { CallerExperienceReview } from '../../../flow-engine/diff/caller-experience';
import { reviewLines, reviewSections, type ReviewLine } from '../../../flow-engine/diff/review-lines';
import type { NamedNode } from '../../../flow-engine/node-names';
import type { AppRouter } from '../../_server/routers/root';
import { hintText, tagStyles } from '../form-kit/accessible-colors';
import { useReviewWords } from './use-review-words';
import { editorHighlightHref } from './version-side';

/** Links in the review: darker than antd's link blue so small text keeps a 4.5:1 contrast. */
const linkStyle = { color: '#1d4ed8' };

/** The review as the API sends it (JSON: `unknown` values may be absent). */
type Review = inferRouterOutputs<AppRouter>['versions']['callerDiff']['review'];

function ChangeTag({ change }: { change: 'added' | 'removed' | 'changed' }) {
  const t = useTranslations('versions.review');
  return (
    <Tag style={change === 'added' ? tagStyles.success : change === 'removed' ? tagStyles.error : tagStyles.changed}>
      {t(`change.${change}`)}
    </Tag>
  );
}

export interface CallerReviewProps {
  flowId: string;
  review: Review;
  /** The nodes of both versions (the newer first), to name them by label. */
  nodes: readonly NamedNode[];
}

export function CallerReview({ flowId, review, nodes }: CallerReviewProps) {
  const t = useTranslations('versions.review');
  const words = useReviewWords(
    useMemo(() => [...nodes, ...review.nodes.added, ...review.nodes.removed], [nodes, review]),
  );
  const lines = useMemo(() => reviewLines(review as CallerExperienceReview, words), [review, words]);
  const showOnCanvas = (ids: readonly string[]) => (
    <Link
      href={editorHighlightHref(flowId, ids)}
      style={linkStyle}
      aria-label={t('showNodes', { nodes: ids.map(words.nodeName).join(words.listSeparator) })}
    >
      {t('showOnCanvas')}
    </Link>
  );
  const highlight = review.highlight.after.length > 0 ? review.highlight.after : review.highlight.before;
  const showAll = (
    <Link
      href={editorHighlightHref(flowId, highlight)}
      style={linkStyle}
      aria-label={t('showAllNodes', { count: highlight.length })}
    >
      {t('showAll')}
    </Link>
  );
  const renderLine = (line: ReviewLine) => (
    <List.Item actions={line.nodes.length > 0 ? [showOnCanvas(line.nodes)] : []}>
      <Space orientation="vertical" size={0}>
        <span>
          <ChangeTag change={line.change} /> {line.text}
        </span>
        {line.details.map((d) => (
          <Typography.Text key={d} style={{ color: hintText, fontSize: 12 }}>
            {d}
          </Typography.Text>
        ))}
      </Space>
    </List.Item>
  );

  return (
    <Card size="small" title={t('title')} data-testid="caller-review" extra={highlight.length > 0 && showAll}>
      {review.identical ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('identical')} />
      ) : (
        reviewSections.map((section) => {
          const inSection = lines.filter((l) => l.section === section);
          if (inSection.length === 0) return null;
          if (section === 'languages')
            return (
              <Alert
                key={section}
                type="info"
                style={{ marginBottom: 12 }}
                title={t('languages', { change: inSection[0]!.text })}
              />
            );
          return (
            <div key={section} style={{ marginBottom: 12 }}>
              <Typography.Title level={5} style={{ fontSize: 14, margin: '8px 0' }}>
                {t(section)} <Tag>{inSection.length}</Tag>
              </Typography.Title>
              <List size="small" dataSource={inSection} renderItem={renderLine} />
            </div>
          );
        })
      )}
    </Card>
  );
}
