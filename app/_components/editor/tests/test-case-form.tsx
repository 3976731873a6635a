'use client';
// The small form that edits one test case: its name and its expectations (visits, end node, variables at the end).
// Every committed change is one updateFlow command, so undo and autosave see it once.

import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Select } from 'antd';
import { useClearButton } from '../../shell/use-clear-button';
import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import type { TestCase } from '../../../../flow-engine/test-case';
import { useEditorStore, useEditorStoreApi } from '../store/editor-store-context';
import { useContentNodes } from '../store/use-content';
import { parseVarValue, renameTest, testNameProblem, updateExpectation } from './test-case-edits';

export function TestCaseForm({ index }: { index: number }) {
  const t = useTranslations('editor.tests');
  const clearButton = useClearButton();
  const store = useEditorStoreApi();
  const tests = useEditorStore((s) => s.doc.tests) ?? [];
  const nodes = useContentNodes();
  const variables = useEditorStore((s) => s.doc.variables);
  const testCase = tests[index];
  const id = useId();
  const [name, setName] = useState(testCase?.name ?? '');
  if (!testCase) return null;

  const commit = (next: TestCase[]) => store.getState().dispatch({ kind: 'updateFlow', patch: { tests: next } });
  const nameProblem = testNameProblem(tests, index, name);
  const commitName = () => {
    if (!nameProblem && name.trim() !== testCase.name) commit(renameTest(tests, index, name));
  };
  const nodeOptions = nodes.map((n) => ({ value: n.id, label: n.label ? `${n.label} (${n.id})` : n.id }));
  const vars = testCase.expect.vars ?? {};
  const unusedVariables = (variables ?? []).map((v) => v.name).filter((v) => !Object.hasOwn(vars, v));

  return (
    <div className="cf-test-form">
      <label htmlFor={`${id}-name`} className="cf-field-label">
        {t('name')}
      </label>
      <Input
        id={`${id}-name`}
        value={name}
        status={nameProblem ? 'error' : undefined}
        aria-invalid={nameProblem ? true : undefined}
        aria-describedby={nameProblem ? `${id}-name-error` : undefined}
        onChange={(e) => setName(e.target.value)}
        onBlur={commitName}
        onPressEnter={commitName}
        maxLength={200}
      />
      {nameProblem && (
        <div id={`${id}-name-error`} className="cf-field-error" role="alert">
          {t(nameProblem === 'empty' ? 'nameEmpty' : 'nameDuplicate')}
        </div>
      )}

      <label htmlFor={`${id}-visits`} className="cf-field-label">
        {t('visits')}
      </label>
      <Select
        id={`${id}-visits`}
        mode="multiple"
        value={testCase.expect.visits ?? []}
        options={nodeOptions}
        onChange={(visits: string[]) => commit(updateExpectation(tests, index, { visits }))}
        style={{ width: '100%' }}
        aria-describedby={`${id}-visits-hint`}
      />
      <div id={`${id}-visits-hint`} className="cf-field-hint">
        {t('visitsHint')}
      </div>

      <label htmlFor={`${id}-end`} className="cf-field-label">
        {t('end')}
      </label>
      <Select
        id={`${id}-end`}
        allowClear={clearButton}
        placeholder={t('endAny')}
        value={testCase.expect.end}
        options={nodeOptions}
        onChange={(end: string | undefined) => commit(updateExpectation(tests, index, { end }))}
        style={{ width: '100%' }}
      />

      <fieldset className="cf-test-vars">
        <legend className="cf-field-label">{t('vars')}</legend>
        {Object.entries(vars).map(([variable, value]) => (
          <VarRow
            key={variable}
            variable={variable}
            value={value}
            onChange={(next) => commit(updateExpectation(tests, index, { vars: { ...vars, [variable]: next } }))}
            onRemove={() => {
              const rest = { ...vars };
              delete rest[variable];
              commit(updateExpectation(tests, index, { vars: rest }));
            }}
          />
        ))}
        {unusedVariables.length > 0 && (
          <Select
            aria-label={t('addVar')}
            placeholder={
              <>
                <PlusOutlined /> {t('addVar')}
              </>
            }
            value={null}
            options={unusedVariables.map((v) => ({ value: v, label: v }))}
            onChange={(variable: string) =>
              commit(updateExpectation(tests, index, { vars: { ...vars, [variable]: null } }))
            }
            style={{ width: '100%' }}
          />
        )}
      </fieldset>
    </div>
  );
}

function VarRow({
  variable,
  value,
  onChange,
  onRemove,
}: {
  variable: string;
  value: unknown;
  onChange(value: unknown): void;
  onRemove(): void;
}) {
  const t = useTranslations('editor.tests');
  const id = useId();
  const [text, setText] = useState(() => JSON.stringify(value) ?? 'null');
  const parsed = parseVarValue(text);
  const commit = () => {
    if (parsed.ok && JSON.stringify(parsed.value) !== JSON.stringify(value)) onChange(parsed.value);
  };
  return (
    <div className="cf-test-var">
      <label htmlFor={id} className="cf-test-var-name">
        {t('varValue', { name: variable })}
      </label>
      <div className="cf-test-var-row">
        <Input
          id={id}
          value={text}
          status={parsed.ok ? undefined : 'error'}
          aria-invalid={parsed.ok ? undefined : true}
          aria-describedby={parsed.ok ? undefined : `${id}-error`}
          onChange={(e) => setText(e.target.value)}
          onBlur={commit}
          onPressEnter={commit}
        />
        <Button aria-label={t('removeVar', { name: variable })} icon={<DeleteOutlined />} onClick={onRemove} />
      </div>
      {!parsed.ok && (
        <div id={`${id}-error`} className="cf-field-error" role="alert">
          {t('varValueInvalid')}
        </div>
      )}
    </div>
  );
}
