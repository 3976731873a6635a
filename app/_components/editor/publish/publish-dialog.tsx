'use client';
// The publish dialog: a note, what changed for callers since the last version (changed nodes highlighted), then versions.publish.

import { Alert, App, Checkbox, Input, Modal, Spin } from 'antd';
import { useTranslations } from 'next-intl';
import { useEffect, useMemo, useState } from 'react';
import type { FlowDocument } from '../../../../flow-engine/document';
import { diffCallerExperience, diffFlows, reviewNodes } from '../../../../flow-engine/diff/index';
import { apiErrorMessage, apiFlowIssues } from '../../../_lib/api-error';
import { trpc } from '../../../_lib/trpc-client';
import { useProblemText } from '../problems/use-problem-text';
import { useEditorStore, useEditorStoreApi } from '../store/editor-store-context';
import { ChangeReview } from './change-review';
import { PublishTests, usePublishTestGate } from './publish-tests';

interface LastVersion {
  number: number;
  document: FlowDocument;
}

export function PublishDialog({
  open,
  onClose,
  flush,
  onPublished,
}: {
  open: boolean;
  onClose(): void;
  flush(): Promise<void>;
  onPublished?: () => void;
}) {
  const t = useTranslations('editor.publish');
  const { message } = App.useApp();
  const store = useEditorStoreApi();
  const flowId = useEditorStore((s) => s.flowId);
  const doc = useEditorStore((s) => s.doc);
  const problemText = useProblemText();
  const [note, setNote] = useState('');
  const [last, setLast] = useState<LastVersion | null | undefined>(undefined);
  const [highlight, setHighlight] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; issues: string[] } | undefined>();
  const gate = usePublishTestGate(open);

  useEffect(() => {
    if (!open) return;
    let current = true;
    setLast(undefined);
    setError(undefined);
    (async () => {
      const list = await trpc.versions.list.query({ flowId, limit: 1 });
      const latest = list.versions[0];
      if (!latest) return null;
      const version = await trpc.versions.get.query({ flowId, version: latest.number });
      return { number: latest.number, document: version.document };
    })()
      .then((value) => current && setLast(value))
      .catch((reason: unknown) => current && setError({ message: apiErrorMessage(reason), issues: [] }));
    return () => {
      current = false;
    };
  }, [open, flowId]);

  const compared = useMemo(() => {
    if (!last) return undefined;
    return { review: diffCallerExperience(last.document, doc), diff: diffFlows(last.document, doc) };
  }, [last, doc]);

  // Changed nodes are drawn highlighted on the canvas while the dialog is open.
  useEffect(() => {
    if (!open || !compared || !highlight) {
      store.getState().setHighlighted([]);
      return;
    }
    const changed = new Set([
      ...compared.review.highlight.after,
      ...compared.diff.nodes.added.map((n) => n.id),
      ...compared.diff.nodes.changed.filter((c) => !c.layoutOnly).map((c) => c.id),
    ]);
    store.getState().setHighlighted([...changed]);
    return () => store.getState().setHighlighted([]);
  }, [open, compared, highlight, store]);

  const nodes = useMemo(() => reviewNodes(last?.document ?? {}, doc), [last, doc]);

  const publish = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await flush();
      if (store.getState().save.status !== 'saved') throw new Error(t('notSaved'));
      const version = await trpc.versions.publish.mutate({ flowId, note });
      message.success(t('published', { version: version.number }));
      onPublished?.();
      setNote('');
      onClose();
    } catch (reason) {
      const issues = apiFlowIssues(reason);
      // A refused flow: say so in the UI language and list its problems, rather than the server's English sentence.
      setError({
        message: issues.length > 0 ? t('refused', { count: issues.length }) : apiErrorMessage(reason),
        issues: issues.map(problemText),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('title')}
      onCancel={onClose}
      onOk={publish}
      okText={t('confirm')}
      cancelText={t('cancel')}
      okButtonProps={{ loading: busy, disabled: gate.blocked }}
      width={640}
      destroyOnHidden
    >
      <label htmlFor="cf-publish-note" className="cf-field-label">
        {t('note')}
      </label>
      <Input.TextArea
        id="cf-publish-note"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        maxLength={1000}
        autoSize={{ minRows: 2, maxRows: 5 }}
        placeholder={t('notePlaceholder')}
      />
      <h3 className="cf-review-heading">{last ? t('sinceVersion', { version: last.number }) : t('changes')}</h3>
      {last === undefined && !error && <Spin size="small" />}
      {last === null && <p>{t('firstVersion')}</p>}
      {compared && (
        <>
          <Checkbox checked={highlight} onChange={(e) => setHighlight(e.target.checked)}>
            {t('highlight')}
          </Checkbox>
          <ChangeReview review={compared.review} diff={compared.diff} nodes={nodes} />
        </>
      )}
      <PublishTests blocked={gate.blocked} />
      {error && (
        <Alert
          type="error"
          showIcon
          title={error.message}
          description={error.issues.length ? error.issues.join(' · ') : undefined}
          role="alert"
        />
      )}
    </Modal>
  );
}
