'use client';
// The flow's own settings, shown when no node is selected: name, description, languages and the variables panel.

import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, Select, Space, Typography } from 'antd';
import { useClearButton } from '../shell/use-clear-button';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import type { FlowDocument, VariableDeclaration, VariableType } from '../../../flow-engine/document';
import { FieldRow } from '../form-kit/form-fields';
import { EDIT_BURST_MS } from '../form-kit/use-node-form';
import { defaultText, IDENTIFIER, parseDefault, withDefault } from './variable-default';

export interface FlowInspectorProps {
  flow: FlowDocument;
  /** Replace top-level fields (name, description, languages, defaultLanguage, variables): one command. */
  onFlowChange(
    patch: Partial<Pick<FlowDocument, 'name' | 'description' | 'languages' | 'defaultLanguage' | 'variables'>>,
  ): void;
  readOnly?: boolean;
}

type Patch = Parameters<FlowInspectorProps['onFlowChange']>[0];

interface VariableRow extends Omit<VariableDeclaration, 'default'> {
  key: number;
  defaultText: string;
}

const COMMON_LANGUAGES = ['zh-CN', 'en-US', 'zh-HK', 'zh-TW', 'en-GB', 'ja-JP', 'ko-KR', 'fr-FR', 'de-DE', 'es-ES'];
const TYPES: VariableType[] = ['string', 'number', 'boolean', 'object'];

let rowKey = 0;
const rowsOf = (variables: readonly VariableDeclaration[]): VariableRow[] =>
  variables.map(({ default: value, ...rest }) => ({ ...rest, key: rowKey++, defaultText: defaultText(value) }));

function useDebouncedPatch(onFlowChange: FlowInspectorProps['onFlowChange']) {
  const pending = useRef<Patch>({});
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const send = useRef(onFlowChange);
  send.current = onFlowChange;
  const flush = () => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const patch = pending.current;
    pending.current = {};
    if (Object.keys(patch).length > 0) send.current(patch);
  };
  useEffect(() => () => flush(), []);
  return {
    change(patch: Patch) {
      pending.current = { ...pending.current, ...patch };
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, EDIT_BURST_MS);
    },
    flush,
  };
}

export function FlowInspector({ flow, onFlowChange, readOnly }: FlowInspectorProps) {
  const t = useTranslations('inspector.flow');
  const tv = useTranslations('inspector.variables');
  const clearButton = useClearButton();
  const { change, flush } = useDebouncedPatch(onFlowChange);
  const [name, setName] = useState(flow.name);
  const [description, setDescription] = useState(flow.description ?? '');
  const [rows, setRows] = useState<VariableRow[]>(() => rowsOf(flow.variables));
  const sent = useRef({
    name: flow.name,
    description: flow.description ?? '',
    variables: JSON.stringify(flow.variables),
  });

  // Changes from elsewhere (undo, JSON view) replace what is shown, unless they are this panel's own.
  useEffect(() => {
    if (flow.name !== sent.current.name) setName((sent.current.name = flow.name));
    if ((flow.description ?? '') !== sent.current.description)
      setDescription((sent.current.description = flow.description ?? ''));
    const variables = JSON.stringify(flow.variables);
    if (variables !== sent.current.variables) {
      sent.current.variables = variables;
      setRows(rowsOf(flow.variables));
    }
  }, [flow.name, flow.description, flow.variables]);

  const updateRows = (next: VariableRow[]) => {
    setRows(next);
    const variables = next.map(({ key: _key, defaultText: text, ...variable }) => withDefault(variable, text));
    sent.current.variables = JSON.stringify(variables);
    change({ variables });
  };
  const setRow = (key: number, patch: Partial<VariableRow>) =>
    updateRows(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const duplicate = (row: VariableRow) => rows.some((r) => r.key !== row.key && r.name === row.name);
  const setLanguages = (languages: string[]) => {
    const patch: Partial<Pick<FlowDocument, 'languages' | 'defaultLanguage'>> = { languages };
    if (!languages.includes(flow.defaultLanguage) && languages.length > 0) patch.defaultLanguage = languages[0];
    flush();
    onFlowChange(patch);
  };

  return (
    <div className="flow-inspector" role="region" aria-label={t('title')}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('title')}
      </Typography.Title>
      <Form layout="vertical" size="small" disabled={readOnly} component="div">
        <FieldRow
          path="/name"
          label={t('name')}
          error={name.trim() === '' ? { message: t('nameRequired') } : undefined}
        >
          <Input
            value={name}
            aria-label={t('name')}
            onChange={(e) => {
              setName(e.target.value);
              if (e.target.value.trim() === '') return;
              sent.current.name = e.target.value;
              change({ name: e.target.value });
            }}
            onBlur={flush}
          />
        </FieldRow>
        <FieldRow path="/description" label={t('description')}>
          <Input.TextArea
            value={description}
            aria-label={t('description')}
            autoSize={{ minRows: 2, maxRows: 6 }}
            onChange={(e) => {
              setDescription(e.target.value);
              sent.current.description = e.target.value;
              change({ description: e.target.value || undefined });
            }}
            onBlur={flush}
          />
        </FieldRow>
        <FieldRow
          path="/languages"
          label={t('languages')}
          hint={t('languagesHint')}
          error={flow.languages.length === 0 ? { message: t('languagesRequired') } : undefined}
        >
          <Select
            mode="tags"
            value={flow.languages}
            aria-label={t('languages')}
            onChange={setLanguages}
            options={COMMON_LANGUAGES.map((l) => ({ value: l, label: l }))}
          />
        </FieldRow>
        <FieldRow path="/defaultLanguage" label={t('defaultLanguage')}>
          <Select
            value={flow.defaultLanguage}
            aria-label={t('defaultLanguage')}
            onChange={(defaultLanguage: string) => onFlowChange({ defaultLanguage })}
            options={flow.languages.map((l) => ({ value: l, label: l }))}
          />
        </FieldRow>
        <div data-path="/variables">
          <Typography.Text strong>{tv('title')}</Typography.Text>
          {/* Two lines per variable (name and type; default and sensitive): a five-column table in the 320 px panel
              cut names to two characters. */}
          {rows.length === 0 ? (
            <div className="cf-vars-empty">{tv('none')}</div>
          ) : (
            <ul className="cf-vars" aria-label={tv('title')}>
              {rows.map((row, index) => {
                const parsed = parseDefault(row.defaultText, row.type);
                return (
                  <li key={row.key} className="cf-var">
                    <div className="cf-var-line">
                      <div className="cf-var-name" data-path={`/variables/${index}/name`}>
                        <Input
                          value={row.name}
                          aria-label={tv('nameOf', { n: index + 1 })}
                          placeholder={tv('name')}
                          status={!IDENTIFIER.test(row.name) || duplicate(row) ? 'error' : undefined}
                          title={
                            !IDENTIFIER.test(row.name) ? tv('badName') : duplicate(row) ? tv('duplicate') : undefined
                          }
                          onChange={(e) => setRow(row.key, { name: e.target.value })}
                          onBlur={flush}
                        />
                      </div>
                      <Select
                        className="cf-var-type"
                        value={row.type}
                        aria-label={tv('typeOf', { n: index + 1 })}
                        onChange={(type: VariableType) => setRow(row.key, { type })}
                        options={TYPES.map((type) => ({ value: type, label: tv(`types.${type}`) }))}
                      />
                      <Button
                        size="small"
                        type="text"
                        icon={<DeleteOutlined />}
                        aria-label={tv('remove', { n: index + 1 })}
                        onClick={() => updateRows(rows.filter((r) => r.key !== row.key))}
                      />
                    </div>
                    <div className="cf-var-line">
                      <div className="cf-var-default" data-path={`/variables/${index}/default`}>
                        {row.type === 'boolean' ? (
                          <Select
                            allowClear={clearButton}
                            value={row.defaultText || undefined}
                            aria-label={tv('defaultOf', { n: index + 1 })}
                            placeholder={tv('default')}
                            style={{ width: '100%' }}
                            onChange={(text?: string) => setRow(row.key, { defaultText: text ?? '' })}
                            options={[
                              { value: 'true', label: 'true' },
                              { value: 'false', label: 'false' },
                            ]}
                          />
                        ) : (
                          <Input
                            value={row.defaultText}
                            aria-label={tv('defaultOf', { n: index + 1 })}
                            placeholder={tv('default')}
                            status={'error' in parsed ? 'error' : undefined}
                            title={'error' in parsed ? tv(`badDefault.${parsed.error}`) : undefined}
                            onChange={(e) => setRow(row.key, { defaultText: e.target.value })}
                            onBlur={flush}
                          />
                        )}
                      </div>
                      <Checkbox
                        checked={row.sensitive ?? false}
                        aria-label={tv('sensitiveOf', { n: index + 1 })}
                        onChange={(e) => setRow(row.key, { sensitive: e.target.checked || undefined })}
                      >
                        {tv('sensitive')}
                      </Checkbox>
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
          <Space style={{ marginTop: 6 }}>
            <Button
              size="small"
              icon={<PlusOutlined />}
              onClick={() =>
                updateRows([...rows, { key: rowKey++, name: `var${rows.length + 1}`, type: 'string', defaultText: '' }])
              }
            >
              {tv('add')}
            </Button>
          </Space>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {tv('hint')}
            </Typography.Text>
          </div>
        </div>
      </Form>
    </div>
  );
}
