// `/resources/audio`: the prompt audio library — recordings per key and language, uploaded, checked and played back.

import { getTranslations } from 'next-intl/server';
import { AudioLibraryPage } from '../../_components/resources/audio-library-page';
import { requireUser } from '../../_server/auth/require-user';
import { hasRole } from '../../_server/trpc';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  return { title: (await getTranslations('audio'))('title') };
}

export default async function Page() {
  const user = await requireUser();
  return <AudioLibraryPage canEdit={hasRole(user.role, 'designer')} />;
}
