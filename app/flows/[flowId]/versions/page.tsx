// `/flows/[flowId]/versions`: the flow's published versions, rollback, line binding and version comparison.

import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { VersionsPage } from '../../../_components/versions/versions-page';
import { requireUser } from '../../../_server/auth/require-user';
import { hasRole } from '../../../_server/trpc';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  const t = await getTranslations('versions');
  return { title: t('title') };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function Page({ params }: { params: Promise<{ flowId: string }> }) {
  const user = await requireUser();
  const { flowId } = await params;
  if (!UUID.test(flowId)) notFound();
  return (
    <VersionsPage flowId={flowId} canRollback={hasRole(user.role, 'designer')} canBind={hasRole(user.role, 'admin')} />
  );
}
