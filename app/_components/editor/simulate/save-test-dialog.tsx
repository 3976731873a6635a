'use client';
// "Save this call as a test": name it, keep or drop each proposed expectation, append it to the flow's tests.

import { App, Checkbox, Input, Modal } from 'antd';
import { useTranslations } from 'next-intl';
import { useEffect, useMemo, useState } from 'react';
import type { SimulationTrace } from '../../../../flow-engine/simulator';
import { useEditorStore, useEditorStoreApi } from '../store/editor-store-context';
import type { CallScript } from './interactive-call';
import { proposeExpectations, testCaseFromCall, testNameProblem } from './test-from-call';

export interface SaveTestDialogProps {
  open: boolean;
  onClose(): void;
  script?: CallScript;
  trace?: SimulationTrace;
  nodeName(id: string): string;
  reasonText(reason: string): string;
}

export function SaveTestDialog({ open, onClose, script, trace, nodeName, reasonText }: SaveTestDialogProps) {
  const t = useTranslations('editor.simulate.save');
  const { message } = App.useApp();
  const store = useEditorStoreApi();
  const tests = useEditorStore((s) => s.doc.tests);
  const proposed = useMemo(() => (trace ? proposeExpectations(trace) : undefined), [trace]);
  const [name, setName] = useState('');
  const [keepVisits, setKeepVisits] = useState(true);
  const [keepEnd, setKeepEnd] = useState(true);
  const [keepVars, setKeepVars] = useState<string[]>([]);
  const [touched, setTouched] = useState(false);

  useEffect(() => {
    if (!open || !proposed) return;
    setName(t('defaultName', { node: nodeName(proposed.end) }));
    setKeepVisits(true);
    setKeepEnd(true);
    setKeepVars(Object.keys(proposed.vars));
    setTouched(false);
    // A fresh proposal each time the dialog opens, not on every change of the call behind it.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see the line above
  }, [open]);

  const problem = testNameProblem(name, tests ?? []);
  const problemText =
    problem === 'empty'
      ? t('nameEmpty')
      : problem === 'tooLong'
        ? t('nameTooLong')
        : problem === 'taken'
          ? t('nameTaken')
          : undefined;

  const save = () => {
    setTouched(true);
    if (!script || !proposed || problem) return;
    const test = testCaseFromCall(name, script, proposed, { visits: keepVisits, end: keepEnd, vars: keepVars });
    store.getState().dispatch({ kind: 'updateFlow', patch: { tests: [...(store.getState().doc.tests ?? []), test] } });
    void message.success(t('saved', { name: test.name }));
    onClose();
  };

  return (
    <Modal
      open={open}
      title={t('title')}
      onCancel={onClose}
      onOk={save}
      okText={t('save')}
      cancelText={t('cancel')}
      destroyOnHidden
    >
      {proposed && (
        <div className="cf-sim-save">
          <label htmlFor="cf-sim-test-name">{t('name')}</label>
          <Input
            id="cf-sim-test-name"
            value={name}
            maxLength={250}
            status={touched && problem ? 'error' : undefined}
            aria-describedby={problemText ? 'cf-sim-test-name-problem' : undefined}
            onChange={(e) => setName(e.target.value)}
          />
          {problemText && (touched || problem === 'taken') && (
            <p id="cf-sim-test-name-problem" className="cf-sim-error" role="alert">
              {problemText}
            </p>
          )}
          <fieldset>
            <legend>{t('keep')}</legend>
            {proposed.visits.length > 0 && (
              <Checkbox checked={keepVisits} onChange={(e) => setKeepVisits(e.target.checked)}>
                {t('visits', { nodes: proposed.visits.map(nodeName).join(' → ') })}
              </Checkbox>
            )}
            <Checkbox checked={keepEnd} onChange={(e) => setKeepEnd(e.target.checked)}>
              {t('end', { node: nodeName(proposed.end), reason: reasonText(proposed.reason) })}
            </Checkbox>
            {Object.entries(proposed.vars).map(([variable, value]) => (
              <Checkbox
                key={variable}
                checked={keepVars.includes(variable)}
                onChange={(e) =>
                  setKeepVars((list) => (e.target.checked ? [...list, variable] : list.filter((v) => v !== variable)))
                }
              >
                {t('variable', { name: variable, value: JSON.stringify(value) })}
              </Checkbox>
            ))}
          </fieldset>
        </div>
      )}
    </Modal>
  );
}
