'use client';
// Lets apiErrorMessage() tell the server's coded refusals in the UI language: the `serverErrors` messages of the
// page's locale are registered once per page (a page has one language), so every place that shows an API error
// — dialogs, toasts, alerts — says it in that language without threading a translator through.

import { useLocale, useTranslations } from 'next-intl';
import { setServerErrorTranslator } from '../../_lib/api-error';
import { describeZodIssues } from '../../_lib/zod-error-map';

export function ServerErrorMessages() {
  const t = useTranslations('serverErrors');
  const zod = useTranslations('zod');
  // The server words refused fields in English itself (with the schema's own sentences): only other languages reword them.
  const english = useLocale() === 'en-US';
  setServerErrorTranslator(
    (code, params) => (t.has(code) ? t(code, params) : undefined),
    english ? undefined : (issues) => describeZodIssues(issues, zod),
  );
  return null;
}
