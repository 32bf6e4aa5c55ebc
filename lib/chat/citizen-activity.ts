import 'server-only'
import { and, desc, eq, type SQL } from 'drizzle-orm'
import { citizens, topicSubscriptions } from '@/db/schema/citizens'
import { conversations } from '@/db/schema/chat'
import { topics } from '@/db/schema/topics'
import { reports } from '@/db/schema/reports'
import { isReportStatus, statusLabels } from '../reports/status-shared'
import type { StaffActor } from '../auth/actor'
import { getDb } from '../db'
import { assertChatStaff, assertStaffCanSee } from './access'

export type CitizenReportSummary = { id: string; publicCode: string; title: string; status: string }
export type CitizenActivity = { since: string; locale: string; topics: string[]; reports: CitizenReportSummary[] }

/**
 * Beside the chat: what else the citizen does in Filo — the topics they follow and their reports
 * (office staff see only the reports routed to their office, as everywhere else).
 */
export async function getCitizenActivity(actor: StaffActor, conversationId: string): Promise<CitizenActivity> {
  assertChatStaff(actor)
  const db = await getDb()
  const [conversation] = await db.select().from(conversations).where(eq(conversations.id, conversationId))
  assertStaffCanSee(actor, conversation)
  const [citizen] = await db.select({ createdAt: citizens.createdAt, locale: citizens.locale }).from(citizens).where(eq(citizens.id, conversation!.citizenId))
  const followed = await db
    .select({ name: topics.nameIt })
    .from(topicSubscriptions)
    .innerJoin(topics, eq(topics.id, topicSubscriptions.topicId))
    .where(eq(topicSubscriptions.citizenId, conversation!.citizenId))
  const scope: SQL[] = [eq(reports.citizenId, conversation!.citizenId)]
  if (actor.role === 'office') scope.push(eq(reports.officeId, actor.officeId ?? -1))
  const theirReports = await db
    .select({ id: reports.id, publicCode: reports.publicCode, title: reports.title, status: reports.status })
    .from(reports)
    .where(and(...scope))
    .orderBy(desc(reports.createdAt))
    .limit(10)
  return {
    since: citizen?.createdAt.toISOString() ?? '',
    locale: citizen?.locale ?? 'it',
    topics: followed.map((t) => t.name),
    reports: theirReports.map((r) => ({ ...r, status: isReportStatus(r.status) ? statusLabels[r.status] : r.status })),
  }
}
