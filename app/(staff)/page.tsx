import { redirect } from 'next/navigation';
import { can } from '@/lib/auth/permissions';
import { getPageAuthState } from '@/lib/auth/session';

/** Each role lands where its work is: agents on the form, reviewers and QA on the list. */
export default async function Home() {
  const state = await getPageAuthState();
  if (!state) redirect('/login?next=/');
  const { role } = state.actor;
  redirect(can(role, 'keys.issue') || !can(role, 'keys.view') ? '/keys/new' : '/keys');
}
