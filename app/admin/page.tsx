// `/admin`: opens the users page.

import { redirect } from 'next/navigation';

export default function AdminPage() {
  redirect('/admin/users');
}
