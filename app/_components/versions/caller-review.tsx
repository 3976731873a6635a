'use client';
// The diff by caller experience: which keys, key paths, prompts per language, routing, schedules and integrations changed,
// each with a link that opens the editor with the changed nodes highlighted.

import { Alert, Card, Empty, List, Space, Tag, Typography } from 'antd';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { inferRouterOutputs } from '@trpc/server';
import type { KeyStep, PromptRendering } from '../../../flow-engine/diff';
import type { AppRouter } from '../../_server/routers/root';
import { hintText, tagStyles } from '../inspector/accessible-colors';
import { editorHighlightHref } from './version-side';

/** Links in the review: darker than antd's link blue so small text keeps a 4.5:1 contrast. */
const linkStyle = { color: '#1d4ed8' };

/** The review as the API sends it (JSON: `unknown` values may be absent). */
type Review = inferRouterOutputs<AppRouter>['versions']['callerDiff']['review'];
type SettingChange = Review['routing'][number];

const show = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value) ?? '—');

function Section({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  if (count === 0) return null;
  return (
    <div style={{ marginBottom: 12 }}>
      <Typography.Title level={5} style={{ fontSize: 14, margin: '8px 0' }}>
        {title} <Tag>{count}</Tag>
      </Typography.Title>
      {children}
    </div>
  );
}

function ChangeTag({ change }: { change: 'added' | 'removed' | 'changed' }) {
  const t = useTranslations('versions.review');
  return <Tag style={change === 'added' ? tagStyles.success : change === 'removed' ? tagStyles.error : tagStyles.changed}>{t(`change.${change}`)}</Tag>;
}

export interface CallerReviewProps {
  flowId: string;
  review: Review;
}

export function CallerReview({ flowId, review }: CallerReviewProps) {
  const t = useTranslations('versions.review');
  const path = (steps: readonly KeyStep[] | undefined) => (steps === undefined ? '—' : steps.length === 0 ? t('noKey') : steps.map((s) => `${s.node} ${s.port}`).join(' › '));
  const rendering = (r: PromptRendering | undefined) => (r === undefined ? '—' : r.kind === 'audio' ? t('audio', { file: r.text }) : r.text);
  const showOnCanvas = (nodes: readonly string[]) => (
    <Link href={editorHighlightHref(flowId, nodes)} style={linkStyle} aria-label={t('showNodes', { nodes: nodes.join(', ') })}>
      {t('showOnCanvas')}
    </Link>
  );
  const settingList = (items: SettingChange[]) => (
    <List
      size="small"
      dataSource={items}
      renderItem={(c) => (
        <List.Item actions={[showOnCanvas(c.nodes)]}>
          <Space orientation="vertical" size={0}>
            <span>
              <ChangeTag change={c.change} /> <Typography.Text strong>{c.node}</Typography.Text> · {c.field}
            </span>
            <Typography.Text style={{ color: hintText }}>{c.change === 'added' ? show(c.after) : c.change === 'removed' ? show(c.before) : `${show(c.before)} → ${show(c.after)}`}</Typography.Text>
            {c.details?.map((d) => (
              <Typography.Text key={d.path} type="secondary" style={{ fontSize: 12 }}>
                {d.path}: {d.kind === 'added' ? `+ ${show(d.after)}` : d.kind === 'removed' ? `− ${show(d.before)}` : `${show(d.before)} → ${show(d.after)}`}
              </Typography.Text>
            ))}
          </Space>
        </List.Item>
      )}
    />
  );
  const highlight = review.highlight.after.length > 0 ? review.highlight.after : review.highlight.before;
  const showAll = (
    <Link href={editorHighlightHref(flowId, highlight)} style={linkStyle} aria-label={t('showAllNodes', { count: highlight.length })}>
      {t('showAll')}
    </Link>
  );

  return (
    <Card size="small" title={t('title')} data-testid="caller-review" extra={highlight.length > 0 && showAll}>
      {review.identical ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('identical')} />
      ) : (
        <>
          {review.languages && (
            <Alert
              type="info"
              style={{ marginBottom: 12 }}
              title={t('languages', {
                before: `${review.languages.before.languages.join(', ')} (${review.languages.before.defaultLanguage})`,
                after: `${review.languages.after.languages.join(', ')} (${review.languages.after.defaultLanguage})`,
              })}
            />
          )}
          <Section title={t('nodes')} count={review.nodes.added.length + review.nodes.removed.length}>
            <List
              size="small"
              dataSource={[...review.nodes.added.map((n) => ({ ...n, change: 'added' as const })), ...review.nodes.removed.map((n) => ({ ...n, change: 'removed' as const }))]}
              renderItem={(n) => (
                <List.Item actions={n.change === 'added' ? [showOnCanvas([n.id])] : []}>
                  <ChangeTag change={n.change} /> <Typography.Text strong>{n.label ?? n.id}</Typography.Text> <Typography.Text style={{ color: hintText }}>({n.type})</Typography.Text>
                </List.Item>
              )}
            />
          </Section>
          <Section title={t('ports')} count={review.ports.length}>
            <List
              size="small"
              dataSource={review.ports}
              renderItem={(c) => {
                const what = /^[0-9*#]$/.test(c.port) ? t('key', { key: c.port }) : t('port', { port: c.port });
                const to = (end: { target: string | null } | undefined) => end?.target ?? t('nowhere');
                return (
                  <List.Item actions={[showOnCanvas(c.nodes)]}>
                    <span>
                      <ChangeTag change={c.change} /> <Typography.Text strong>{c.node}</Typography.Text> · {what}
                      {c.label ? ` (${c.label})` : ''}:{' '}
                      {c.change === 'added' ? t('portAdded', { target: to(c.after) }) : c.change === 'removed' ? t('portRemoved', { target: to(c.before) }) : t('portChanged', { before: to(c.before), after: to(c.after) })}
                    </span>
                  </List.Item>
                );
              }}
            />
          </Section>
          <Section title={t('keyPaths')} count={review.keyPaths.length}>
            <List
              size="small"
              dataSource={review.keyPaths}
              renderItem={(c) => (
                <List.Item actions={[showOnCanvas(c.nodes)]}>
                  <span>
                    <ChangeTag change={c.change} /> <Typography.Text strong>{c.node}</Typography.Text> ({c.type}):{' '}
                    {c.change === 'added' ? t('pathAdded', { path: path(c.after) }) : c.change === 'removed' ? t('pathRemoved', { path: path(c.before) }) : t('pathChanged', { before: path(c.before), after: path(c.after) })}
                  </span>
                </List.Item>
              )}
            />
          </Section>
          <Section title={t('prompts')} count={review.prompts.length}>
            <List
              size="small"
              dataSource={review.prompts}
              renderItem={(c) => (
                <List.Item actions={[showOnCanvas(c.nodes)]}>
                  <Space orientation="vertical" size={0}>
                    <span>
                      <ChangeTag change={c.change} /> <Typography.Text strong>{c.node}</Typography.Text> · {c.path.replace(/^\/config\//, '')} <Tag>{c.language}</Tag>
                    </span>
                    {c.before && <Typography.Text delete style={{ color: hintText }}>{rendering(c.before)}</Typography.Text>}
                    {c.after && <Typography.Text>{rendering(c.after)}</Typography.Text>}
                  </Space>
                </List.Item>
              )}
            />
          </Section>
          <Section title={t('routing')} count={review.routing.length}>
            {settingList(review.routing)}
          </Section>
          <Section title={t('schedules')} count={review.schedules.length}>
            {settingList(review.schedules)}
          </Section>
          <Section title={t('integrations')} count={review.integrations.length}>
            {settingList(review.integrations)}
          </Section>
        </>
      )}
    </Card>
  );
}
