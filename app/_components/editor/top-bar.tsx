'use client';
// The editor's top bar: flow name, save state, undo/redo, find, auto-layout, JSON view, versions, problems count, publish.
// One row at 1280 px: the less frequent actions are icons with their name as label and tooltip.

import {
  ApartmentOutlined,
  CalendarOutlined,
  CloudUploadOutlined,
  CodeOutlined,
  HistoryOutlined,
  PhoneOutlined,
  QuestionCircleOutlined,
  RedoOutlined,
  SearchOutlined,
  StopOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import { Button, Space, Tooltip, Typography } from 'antd';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { SaveIndicator } from './save-indicator';
import { TestsButton } from './tests/tests-button';
import { useEditorStore, useEditorStoreApi, useHistoryAvailability } from './store/editor-store-context';

export interface TopBarProps {
  onFind(): void;
  onLayout(): void;
  onCancelLayout(): void;
  layoutRunning: boolean;
  onJson?: () => void;
  onCalendar?: () => void;
  onPublish(): void;
  onProblems(): void;
  onTests(): void;
  onHelp(): void;
  onSimulate?: () => void;
  canPublish: boolean;
}

export function TopBar(props: TopBarProps) {
  const t = useTranslations('editor.toolbar');
  const store = useEditorStoreApi();
  const name = useEditorStore((s) => s.doc.name);
  const flowId = useEditorStore((s) => s.flowId);
  const errors = useEditorStore((s) => s.issues.errors.length);
  const warnings = useEditorStore((s) => s.issues.warnings.length);
  const status = useEditorStore((s) => s.save.status);
  const readOnly = useEditorStore((s) => s.readOnly);
  // A tester's history holds only test-case changes, so undo stays theirs to use.
  const testsEditable = useEditorStore((s) => s.testsEditable);
  const { canUndo, canRedo } = useHistoryAvailability();

  const publishBlocked =
    errors > 0
      ? t('publishBlockedErrors', { count: errors })
      : status === 'conflict'
        ? t('publishBlockedConflict')
        : !props.canPublish
          ? t('publishBlockedRole')
          : undefined;

  return (
    <header className="cf-topbar">
      <Typography.Title
        level={1}
        className="cf-topbar-name"
        editable={
          readOnly
            ? false
            : {
                onChange: (value) =>
                  value.trim() && store.getState().dispatch({ kind: 'updateFlow', patch: { name: value.trim() } }),
                triggerType: ['icon', 'text'],
                tooltip: t('rename'),
              }
        }
      >
        {name}
      </Typography.Title>
      <SaveIndicator />
      <Space size={4} className="cf-topbar-actions">
        <Tooltip title={t('undo')}>
          <Button
            aria-label={t('undo')}
            icon={<UndoOutlined />}
            disabled={!canUndo || !testsEditable}
            onClick={() => store.getState().undo()}
          />
        </Tooltip>
        <Tooltip title={t('redo')}>
          <Button
            aria-label={t('redo')}
            icon={<RedoOutlined />}
            disabled={!canRedo || !testsEditable}
            onClick={() => store.getState().redo()}
          />
        </Tooltip>
        <Tooltip title={t('find')}>
          <Button aria-label={t('find')} icon={<SearchOutlined />} onClick={props.onFind} />
        </Tooltip>
        {props.layoutRunning ? (
          <Button icon={<StopOutlined />} onClick={props.onCancelLayout}>
            {t('cancelLayout')}
          </Button>
        ) : (
          <Button icon={<ApartmentOutlined />} disabled={readOnly} onClick={props.onLayout}>
            {t('layout')}
          </Button>
        )}
        {props.onJson && (
          <Tooltip title={t('json')}>
            <Button aria-label={t('json')} icon={<CodeOutlined />} onClick={props.onJson} />
          </Tooltip>
        )}
        {props.onCalendar && (
          <Tooltip title={t('calendar')}>
            <Button aria-label={t('calendar')} icon={<CalendarOutlined />} onClick={props.onCalendar} />
          </Tooltip>
        )}
        <Tooltip title={t('versions')}>
          <Link
            href={`/flows/${flowId}/versions`}
            aria-label={t('versions')}
            className="ant-btn ant-btn-default ant-btn-icon-only cf-link-button"
          >
            <HistoryOutlined />
          </Link>
        </Tooltip>
        {props.onSimulate && (
          <Button icon={<PhoneOutlined />} onClick={props.onSimulate}>
            {t('simulate')}
          </Button>
        )}
        <Button onClick={props.onProblems} danger={errors > 0}>
          {t('problems', { errors, warnings })}
        </Button>
        <TestsButton onClick={props.onTests} />
        <Tooltip title={publishBlocked}>
          <Button
            type="primary"
            icon={<CloudUploadOutlined />}
            disabled={publishBlocked !== undefined}
            onClick={props.onPublish}
            aria-describedby={publishBlocked ? 'cf-publish-blocked' : undefined}
          >
            {t('publish')}
          </Button>
        </Tooltip>
        {publishBlocked && (
          <span id="cf-publish-blocked" className="cf-visually-hidden">
            {publishBlocked}
          </span>
        )}
        <Tooltip title={t('help')}>
          <Button aria-label={t('help')} icon={<QuestionCircleOutlined />} onClick={props.onHelp} />
        </Tooltip>
      </Space>
    </header>
  );
}
