'use client';
// Lets apiErrorMessage() tell the server's coded refusals in the UI language: the `serverErrors` messages of the
// page's locale are registered once per page (a page has one language), so every place that shows an API error
// — dialogs, toasts, alerts — says it in that language without threading a translator through.

import { useTranslations } from 'next-intl';
import { setServerErrorTranslator } from '../../_lib/api-error';

export function ServerErrorMessages() {
  const t = useTranslations('serverErrors');
  setServerErrorTranslator((code, params) => (t.has(code) ? t(code, params) : undefined));
  return null;
}
