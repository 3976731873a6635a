// Home page: the sign-in form, or who is signed in and their flows.

import { headers } from 'next/headers';
import { FlowList } from './_components/flow-list';
import { SignInForm } from './_components/sign-in-form';
import { SignOutButton } from './_components/sign-out-button';
import { currentUser } from './_server/auth/current-user';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const user = await currentUser(await headers());
  if (!user) {
    return (
      <main>
        <h1>Callflow Studio</h1>
        <SignInForm />
      </main>
    );
  }
  return (
    <main>
      <div className="bar">
        <h1>Callflow Studio</h1>
        <div>
          <span className="muted">
            Signed in as {user.name} ({user.email}) · {user.role}
          </span>{' '}
          <SignOutButton />
        </div>
      </div>
      <FlowList />
    </main>
  );
}
