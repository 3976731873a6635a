// `/resources`: opens the first kind of shared resource, the schedules.

import { redirect } from 'next/navigation';

export default function ResourcesPage() {
  redirect('/resources/schedules');
}
