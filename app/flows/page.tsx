// `/flows`: every flow with search, new from a template, import/export, duplicate, archive and restore.

import { getTranslations } from 'next-intl/server';
import { FlowsPage } from '../_components/flows/flows-page';
import { requireUser } from '../_server/auth/require-user';
import { serverCaller } from '../_server/server-caller';
import { hasRole } from '../_server/trpc';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  const t = await getTranslations('flows');
  return { title: t('title') };
}

export default async function Page() {
  const user = await requireUser();
  const api = await serverCaller();
  const templates = await api.flows.templates();
  return <FlowsPage templates={templates} canDesign={hasRole(user.role, 'designer')} />;
}
