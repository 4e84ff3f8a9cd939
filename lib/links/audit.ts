import 'server-only';
import type { AuditInput } from '@/lib/audit';

/** An audit event about a card-registration link: the link is its target. */
export function linkEvent(
  action: `link.${string}`,
  result: AuditInput['result'],
  link: { id: string },
  details: Record<string, unknown>,
): AuditInput {
  return { action, result, targetType: 'card_link', targetId: link.id, details };
}
