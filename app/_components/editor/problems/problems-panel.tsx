'use client';
// The problems panel: every validation error and warning; clicking one selects and frames its node and focuses the field.

import { CloseCircleFilled, WarningFilled } from '@ant-design/icons';
import { useTranslations } from 'next-intl';
import type { ValidationIssue } from '../../../../flow-engine/validate/validation-issue';
import { useFrameNode } from '../canvas/use-frame-node';
import { useEditorStore, useEditorStoreApi } from '../store/editor-store-context';
import { useProblemText } from './use-problem-text';

/** The issue's path below its node (`/nodes/3/config/options/0/key` → `/config/options/0/key`). */
export function pathUnderNode(path: string): string | undefined {
  const match = /^\/nodes\/\d+(\/.*)?$/.exec(path);
  return match ? (match[1] ?? '') : undefined;
}

export function ProblemsPanel({ open, onToggle }: { open: boolean; onToggle(): void }) {
  const t = useTranslations('editor.problems');
  const store = useEditorStoreApi();
  const errors = useEditorStore((s) => s.issues.errors);
  const warnings = useEditorStore((s) => s.issues.warnings);
  const frameNode = useFrameNode();
  const problemText = useProblemText();

  const show = (issue: ValidationIssue) => {
    if (issue.nodeId && store.getState().doc.nodes.some((n) => n.id === issue.nodeId))
      frameNode(issue.nodeId, pathUnderNode(issue.path));
    else store.getState().select([], [], issue.path);
  };

  const items = [...errors, ...warnings];
  return (
    <section className={`cf-problems ${open ? 'is-open' : ''}`} aria-label={t('title')}>
      <button type="button" className="cf-problems-toggle" aria-expanded={open} onClick={onToggle}>
        {t('summary', { errors: errors.length, warnings: warnings.length })}
      </button>
      {open && (
        <ul className="cf-problems-list">
          {items.length === 0 && <li className="cf-problems-empty">{t('none')}</li>}
          {items.map((issue, index) => (
            <li key={`${issue.rule}-${issue.path}-${index}`}>
              <button type="button" className="cf-problem" onClick={() => show(issue)}>
                {issue.severity === 'error' ? (
                  <CloseCircleFilled className="cf-problem-error" aria-label={t('error')} />
                ) : (
                  <WarningFilled className="cf-problem-warning" aria-label={t('warning')} />
                )}
                <span>{problemText(issue)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
