import { notFound } from 'next/navigation';

/** Any other address is the console's 404, inside the staff chrome (`../not-found.tsx`). */
export default function MissingPage() {
  notFound();
}
