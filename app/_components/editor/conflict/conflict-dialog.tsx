'use client';
// Someone else saved first (or the browser kept changes made on an older revision): compare (the default), keep mine as
// a copy, or reload theirs after a confirmation (undo brings mine back).

import { Alert, App, Button, Modal, Space } from 'antd';
import { useFormatter, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { FlowDocument } from '../../../../flow-engine/document';
import { diffFlows, type FlowDiff } from '../../../../flow-engine/diff/index';
import { apiErrorMessage } from '../../../_lib/api-error';
import { trpc } from '../../../_lib/trpc-client';
import type { MergeSide } from '../../../../flow-engine/diff/index';
import type { PendingMerge, SaveConflict } from '../store/editor-state';
import { useEditorStore } from '../store/editor-store-context';
import { MergeChoices } from './merge-choices';

export interface ConflictCase {
  conflict: SaveConflict;
  /** The changes that could not be saved. */
  mine: FlowDocument;
  /** Both sides changed the same nodes: settle them one by one (absent for a browser copy of unknown base). */
  merge?: PendingMerge;
}

export interface ConflictDialogProps {
  value: ConflictCase | undefined;
  flowId: string;
  /** Load the server's draft into the editor (dropping mine from the editor). */
  onReload(): Promise<void>;
  /** Merge with the choices per node and save on top of their revision. */
  onResolve(choices: Record<string, MergeSide>): void;
}

export function ConflictDialog({ value, flowId, onReload, onResolve }: ConflictDialogProps) {
  const t = useTranslations('editor.conflict');
  const format = useFormatter();
  const router = useRouter();
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState<'reload' | 'copy' | 'review' | undefined>();
  const [review, setReview] = useState<{ diff: FlowDiff; theirs: FlowDocument } | undefined>();
  const [error, setError] = useState<string | undefined>();
  // A copy is a new flow: only designers may create one (a tester's conflict offers reload and compare).
  const canCopy = !useEditorStore((s) => s.readOnly);

  if (!value) return null;
  const { conflict, mine, merge } = value;
  // The same account saved last: it was this user's other tab or window, not a colleague.
  const who = conflict.bySelf ? t('yourOtherTab') : (conflict.savedBy ?? t('someone'));
  const when = format.dateTime(new Date(conflict.savedAt), 'short');

  const run = async (kind: 'reload' | 'copy' | 'review', action: () => Promise<void>) => {
    setBusy(kind);
    setError(undefined);
    try {
      await action();
    } catch (reason) {
      setError(apiErrorMessage(reason));
    } finally {
      setBusy(undefined);
    }
  };

  const keepCopy = () =>
    run('copy', async () => {
      const name = t('copyName', { name: mine.name }).slice(0, 200);
      const created = await trpc.flows.create.mutate({ name });
      await trpc.flows.saveDraft.mutate({
        flowId: created.id,
        document: { ...mine, id: created.key, name },
        baseRevision: created.revision,
      });
      await onReload();
      message.success(t('copied', { name }));
      router.push(`/flows/${created.id}`);
    });

  // Reloading drops what was typed: it asks first (Cancel is the default), and undo brings the typing back.
  const confirmReload = () =>
    modal.confirm({
      title: t('reloadConfirm.title'),
      content: t('reloadConfirm.content'),
      okText: t('reloadConfirm.ok'),
      okButtonProps: { danger: true },
      cancelText: t('reloadConfirm.cancel'),
      autoFocusButton: 'cancel',
      onOk: () => run('reload', onReload),
    });

  const compare = () =>
    run('review', async () => {
      const theirs = (await trpc.flows.get.query({ flowId })).draft;
      setReview({ diff: diffFlows(theirs, mine), theirs });
    });

  const labelIn = (doc: FlowDocument, id: string) => doc.nodes.find((n) => n.id === id)?.label ?? id;

  return (
    <Modal
      open
      title={conflict.bySelf ? t('titleSelf') : t('title')}
      closable={false}
      maskClosable={false}
      keyboard={false}
      footer={null}
      width={merge ? 880 : 640}
    >
      <Alert
        type="warning"
        showIcon
        role="alert"
        title={
          conflict.bySelf
            ? t('messageSelf', { when, revision: conflict.revision })
            : t('message', { who, when, revision: conflict.revision })
        }
        description={merge ? t('explainMerge') : t('explain')}
      />
      {merge && <MergeChoices merge={merge} mine={mine} who={who} onApply={onResolve} />}
      {/* The default (first, focused) choice discards nothing: apply the choices (all "keep mine"), or review the differences. */}
      <Space wrap style={{ marginTop: 16 }}>
        <Button type={merge ? 'default' : 'primary'} autoFocus={!merge} loading={busy === 'review'} onClick={compare}>
          {t('review')}
        </Button>
        {canCopy && (
          <Button loading={busy === 'copy'} onClick={keepCopy}>
            {t('keepCopy')}
          </Button>
        )}
        <Button danger loading={busy === 'reload'} onClick={confirmReload}>
          {t('reload')}
        </Button>
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
      {review && (
        <div className="cf-review" role="region" aria-label={t('reviewAria')} style={{ marginTop: 12 }}>
          {review.diff.identical && <p>{t('same')}</p>}
          <ul>
            {review.diff.document.map((c) => (
              <li key={`doc-${c.path}`}>{t('docField', { path: c.path })}</li>
            ))}
            {review.diff.nodes.added.map((n) => (
              <li key={`add-${n.id}`}>{t('nodeOnlyMine', { label: n.label ?? n.id })}</li>
            ))}
            {review.diff.nodes.removed.map((n) => (
              <li key={`rm-${n.id}`}>{t('nodeOnlyTheirs', { label: n.label ?? n.id })}</li>
            ))}
            {review.diff.nodes.changed.map((c) => (
              <li key={`ch-${c.id}`}>
                {c.layoutOnly
                  ? t('nodeMoved', { label: labelIn(mine, c.id) })
                  : t('nodeChanged', { label: labelIn(mine, c.id), fields: c.fields.map((f) => f.path).join(', ') })}
              </li>
            ))}
            {review.diff.summary.edgesAdded + review.diff.summary.edgesRemoved + review.diff.summary.edgesChanged >
              0 && (
              <li>
                {t('edges', {
                  added: review.diff.summary.edgesAdded,
                  removed: review.diff.summary.edgesRemoved,
                  changed: review.diff.summary.edgesChanged,
                })}
              </li>
            )}
          </ul>
        </div>
      )}
    </Modal>
  );
}
