import 'server-only'
import { eq, or, sql, type SQL } from 'drizzle-orm'
import { conversations } from '@/db/schema/chat'
import { assertRole, type StaffActor } from '../auth/actor'
import { AppError } from '../errors'

/** Chat is for URP operators, administrators and office staff (their office's chats only). */
export function assertChatStaff(actor: StaffActor | null | undefined): asserts actor is StaffActor {
  assertRole(actor, ['admin', 'operator', 'office'])
}

export function canStaffSee(actor: StaffActor, conversation: { officeId: number | null; assigneeId: string | null }): boolean {
  if (actor.role === 'admin' || actor.role === 'operator') return true
  if (actor.role === 'office') return (conversation.officeId !== null && conversation.officeId === actor.officeId) || conversation.assigneeId === actor.id
  return false
}

export function assertStaffCanSee(actor: StaffActor, conversation: { officeId: number | null; assigneeId: string | null } | undefined): void {
  if (!conversation || !canStaffSee(actor, conversation)) {
    // Same answer whether it does not exist or is another office's: nothing leaks.
    throw new AppError('not_found', 'Conversazione non trovata.')
  }
}

/** SQL filter of the conversations an actor may see. */
export function staffScope(actor: StaffActor): SQL {
  if (actor.role === 'admin' || actor.role === 'operator') return sql`true`
  if (actor.role === 'office' && actor.officeId !== null)
    return or(eq(conversations.officeId, actor.officeId), eq(conversations.assigneeId, actor.id)) ?? sql`false`
  return sql`false`
}
