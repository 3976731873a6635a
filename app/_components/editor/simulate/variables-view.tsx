'use client';
// The call's variables; sensitive ones are masked (the simulator already replaces their values).

import { useTranslations } from 'next-intl';
import type { VariableDeclaration } from '../../../../flow-engine/document';

export function VariablesView({
  declared,
  values,
}: {
  declared: VariableDeclaration[];
  values: Record<string, unknown>;
}) {
  const t = useTranslations('editor.simulate.variables');
  if (declared.length === 0) return <p className="cf-sim-empty">{t('empty')}</p>;
  return (
    <table className="cf-sim-vars">
      <thead>
        <tr>
          <th scope="col">{t('name')}</th>
          <th scope="col">{t('value')}</th>
        </tr>
      </thead>
      <tbody>
        {declared.map((v) => (
          <tr key={v.name}>
            <th scope="row">
              {v.name}
              {v.sensitive ? ` (${t('sensitive')})` : ''}
            </th>
            <td>
              <code>{JSON.stringify(values[v.name] ?? null)}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
