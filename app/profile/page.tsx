// `/profile` (every signed-in user): change your own display name; reached from your name in the top bar.

import { getTranslations } from 'next-intl/server';
import { ProfileForm } from '../_components/profile/profile-form';
import { requireUser } from '../_server/auth/require-user';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  return { title: (await getTranslations('profile'))('title') };
}

export default async function Page() {
  const user = await requireUser();
  return <ProfileForm name={user.name} email={user.email} />;
}
