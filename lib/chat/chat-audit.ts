import 'server-only'
import { eq } from 'drizzle-orm'
import type { Tx } from '@/db/client'
import { offices } from '@/db/schema/comune'
import { staffUsers } from '@/db/schema/staff'
import { recordAudit } from '../audit/record-audit'
import { actorLabel, type RequestContext, type StaffActor } from '../auth/actor'
import { citizenLabel } from './schemas'

/** How a chat changed hands: taken, given to someone or an office, chosen by Filo in turn, or taken by replying. */
export type AssignmentMode = 'me' | 'staff' | 'office' | 'round-robin' | 'reply'

/**
 * Who held a chat and who holds it now, in the audit log with the change: names as they were
 * at the time (accounts and offices may be renamed later), ids to follow them.
 */
export async function auditChatAssignment(
  tx: Tx,
  actor: StaffActor,
  conversation: { id: string; citizenId: string; assigneeId: string | null; officeId: number | null },
  next: { assigneeId: string | null; officeId: number | null },
  mode: AssignmentMode,
  context: RequestContext = { ip: null },
): Promise<void> {
  const staffName = async (id: string | null) =>
    id ? ((await tx.select({ name: staffUsers.name }).from(staffUsers).where(eq(staffUsers.id, id)))[0]?.name ?? null) : null
  const officeName = async (id: number | null) =>
    id !== null ? ((await tx.select({ name: offices.name }).from(offices).where(eq(offices.id, id)))[0]?.name ?? null) : null
  await recordAudit(tx, {
    action: 'chat.assign',
    actorId: actor.id,
    actorLabel: actorLabel(actor),
    targetType: 'conversation',
    targetId: conversation.id,
    ip: context.ip,
    details: {
      mode,
      name: citizenLabel(conversation.citizenId),
      assigneeId: next.assigneeId,
      assignee: await staffName(next.assigneeId),
      officeId: next.officeId,
      office: await officeName(next.officeId),
      previousAssigneeId: conversation.assigneeId,
      previousOfficeId: conversation.officeId,
    },
  })
}

export async function auditChatStatus(
  tx: Tx,
  actor: StaffActor,
  conversation: { id: string; citizenId: string; status: string },
  change: { kind: 'resolve' | 'reopen' | 'snooze'; until?: Date },
  context: RequestContext = { ip: null },
): Promise<void> {
  await recordAudit(tx, {
    action: change.kind === 'resolve' ? 'chat.resolve' : change.kind === 'reopen' ? 'chat.reopen' : 'chat.snooze',
    actorId: actor.id,
    actorLabel: actorLabel(actor),
    targetType: 'conversation',
    targetId: conversation.id,
    ip: context.ip,
    details: {
      name: citizenLabel(conversation.citizenId),
      previousStatus: conversation.status,
      ...(change.until ? { until: change.until.toISOString() } : {}),
    },
  })
}
