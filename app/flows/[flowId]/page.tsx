// `/flows/[flowId]`: the visual editor. The server reads the draft as the signed-in user; the editor is a client leaf.

import { TRPCError } from '@trpc/server';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { EditorApp } from '../../_components/editor/editor-app';
import { FlowEditor } from '../../_components/editor/flow-editor';
import { requireUser } from '../../_server/auth/require-user';
import { serverCaller } from '../../_server/server-caller';
import { hasRole } from '../../_server/trpc';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  const t = await getTranslations('editor');
  return { title: t('title') };
}

export default async function Page({
  params,
  searchParams,
}: {
  params: Promise<{ flowId: string }>;
  searchParams: Promise<{ highlight?: string | string[] }>;
}) {
  const user = await requireUser();
  const { flowId } = await params;
  const { highlight } = await searchParams;
  const api = await serverCaller();
  const flow = await api.flows.get({ flowId }).catch((error: unknown) => {
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')) notFound();
    throw error;
  });
  const canDesign = hasRole(user.role, 'designer') && !flow.archivedAt;
  return (
    <EditorApp>
      <FlowEditor
        key={`${flow.id}`}
        flowId={flow.id}
        draft={flow.draft}
        server={{ revision: flow.revision, updatedAt: flow.updatedAt.toISOString(), updatedByName: flow.updatedByName }}
        canDesign={canDesign}
        canTest={hasRole(user.role, 'tester') && !flow.archivedAt}
        readOnlyReason={
          flow.archivedAt
            ? 'archived'
            : hasRole(user.role, 'designer')
              ? undefined
              : hasRole(user.role, 'tester')
                ? 'tester'
                : 'viewer'
        }
        // The roles of schedules.create and skillGroups.create (designer) and integrations.create (admin).
        creatable={{
          schedule: canDesign,
          skillGroup: canDesign,
          integration: canDesign && hasRole(user.role, 'admin'),
        }}
        // The role of lines.list and lines.create.
        canBindLines={hasRole(user.role, 'admin') && !flow.archivedAt}
        highlight={typeof highlight === 'string' ? highlight.split(',').filter(Boolean) : []}
      />
    </EditorApp>
  );
}
