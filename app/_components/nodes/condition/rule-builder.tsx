'use client';
// The rule builder: checks of "variable operator value" joined by all/any, written to the rule's CEL as they change.

import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Input, Select, Space } from 'antd';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import type { ScopeName } from '../../form-kit/template/template-variables';
import {
  celToRuleGroup,
  parseRuleValue,
  ruleGroupToCel,
  ruleOperators,
  ruleValueText,
  type RuleCheck,
  type RuleGroup,
  type RuleOperator,
} from './rule-builder-model';

/** A check as typed: the value stays text until it fits the variable's type. */
interface DraftCheck {
  variable: string;
  operator: RuleOperator;
  text: string;
}

const toDraft = (group: RuleGroup): { combinator: RuleGroup['combinator']; checks: DraftCheck[] } => ({
  combinator: group.combinator,
  checks: group.checks.map((c) => ({ variable: c.variable, operator: c.operator, text: ruleValueText(c.value) })),
});

export interface RuleBuilderProps {
  /** The rule's CEL; must be readable by celToRuleGroup (the caller switches to expression mode otherwise). */
  value: string;
  onChange(cel: string): void;
  names: readonly ScopeName[];
  disabled?: boolean;
}

export function RuleBuilder({ value, onChange, names, disabled }: RuleBuilderProps) {
  const t = useTranslations('inspector.condition');
  const [draft, setDraft] = useState(() => toDraft(celToRuleGroup(value) ?? { combinator: 'all', checks: [] }));
  const emitted = useRef(value);
  useEffect(() => {
    if (value === emitted.current) return;
    const group = celToRuleGroup(value);
    if (group) {
      emitted.current = value;
      setDraft(toDraft(group));
    }
  }, [value]);

  const typeOf = (variable: string) => {
    const kind = names.find((n) => n.name === variable)?.kind;
    return kind === 'string' || kind === 'number' || kind === 'boolean' || kind === 'object' ? kind : undefined;
  };
  /** The checks that can be written; unfinished ones wait (they are shown, not lost). */
  const complete = (check: DraftCheck): RuleCheck | null => {
    if (!/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/.test(check.variable)) return null;
    const textOperator =
      check.operator === 'contains' || check.operator === 'startsWith' || check.operator === 'endsWith';
    const parsed = parseRuleValue(check.text, textOperator ? 'string' : typeOf(check.variable));
    return parsed ? { variable: check.variable, operator: check.operator, value: parsed.value } : null;
  };
  const update = (next: typeof draft) => {
    setDraft(next);
    const checks = next.checks.map(complete).filter((c): c is RuleCheck => c !== null);
    const cel = ruleGroupToCel({ combinator: next.combinator, checks });
    emitted.current = cel;
    onChange(cel);
  };
  const setCheck = (index: number, patch: Partial<DraftCheck>) =>
    update({ ...draft, checks: draft.checks.map((c, i) => (i === index ? { ...c, ...patch } : c)) });

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={4}>
      <Select
        size="small"
        value={draft.combinator}
        disabled={disabled}
        aria-label={t('combinator')}
        style={{ width: 220 }}
        onChange={(combinator) => update({ ...draft, combinator })}
        options={[
          { value: 'all', label: t('all') },
          { value: 'any', label: t('any') },
        ]}
      />
      {draft.checks.map((check, index) => {
        const invalid = complete(check) === null;
        const type = typeOf(check.variable);
        return (
          <div key={index} style={{ display: 'flex', gap: 4 }} data-testid="rule-check">
            <AutoComplete
              style={{ flex: 2, minWidth: 0 }}
              value={check.variable}
              disabled={disabled}
              status={invalid && check.variable === '' ? 'error' : undefined}
              aria-label={t('variable', { n: index + 1 })}
              placeholder={t('variablePlaceholder')}
              options={names.map((n) => ({ value: n.name, label: `${n.name} · ${n.kind}` }))}
              filterOption={(input, option) =>
                String(option?.value ?? '')
                  .toLowerCase()
                  .includes(input.toLowerCase())
              }
              onChange={(variable: string) => setCheck(index, { variable: variable ?? '' })}
            />
            <Select
              style={{ width: 118 }}
              value={check.operator}
              disabled={disabled}
              aria-label={t('operator', { n: index + 1 })}
              onChange={(operator: RuleOperator) => setCheck(index, { operator })}
              options={ruleOperators.map((op) => ({ value: op, label: t(`operators.${op}`) }))}
            />
            {type === 'boolean' ? (
              <Select
                style={{ flex: 1 }}
                value={check.text || undefined}
                disabled={disabled}
                aria-label={t('value', { n: index + 1 })}
                onChange={(text: string) => setCheck(index, { text })}
                options={[
                  { value: 'true', label: 'true' },
                  { value: 'false', label: 'false' },
                ]}
              />
            ) : (
              <Input
                style={{ flex: 1 }}
                value={check.text}
                disabled={disabled}
                status={invalid && check.variable !== '' ? 'error' : undefined}
                aria-label={t('value', { n: index + 1 })}
                placeholder={type === 'number' ? '0' : t('valuePlaceholder')}
                onChange={(e) => setCheck(index, { text: e.target.value })}
              />
            )}
            <Button
              icon={<DeleteOutlined />}
              disabled={disabled}
              aria-label={t('removeCheck', { n: index + 1 })}
              onClick={() => update({ ...draft, checks: draft.checks.filter((_, i) => i !== index) })}
            />
          </div>
        );
      })}
      <Button
        size="small"
        icon={<PlusOutlined />}
        disabled={disabled}
        onClick={() => update({ ...draft, checks: [...draft.checks, { variable: '', operator: '==', text: '' }] })}
      >
        {t('addCheck')}
      </Button>
    </Space>
  );
}
