import 'server-only'
import { desc, eq, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { alertMessages, alerts } from '@/db/schema/alerts'
import { staffUsers } from '@/db/schema/staff'
import { getDb } from '../db'
import { assertRole, type StaffActor } from '../auth/actor'
import { ALERT_ROLES } from './create-alert'

const drafter = alias(staffUsers, 'drafter')
const approver = alias(staffUsers, 'approver')

/** Every alert, newest first, for the civil-protection desk. */
export async function listAlertsForStaff(actor: StaffActor) {
  assertRole(actor, ALERT_ROLES)
  const db = await getDb()
  return db
    .select({
      id: alerts.id,
      state: alerts.state,
      level: alerts.level,
      headline: alerts.headline,
      validFrom: alerts.validFrom,
      validUntil: alerts.validUntil,
      // The first publication or any update sent without the second person.
      override: sql<boolean>`(${alerts.override} or exists (select 1 from ${alertMessages} m where m.alert_id = ${alerts.id} and m.override))`,
      createdAt: alerts.createdAt,
      draftedByName: drafter.name,
      approvedByName: approver.name,
    })
    .from(alerts)
    .leftJoin(drafter, eq(drafter.id, alerts.draftedBy))
    .leftJoin(approver, eq(approver.id, alerts.approvedBy))
    .orderBy(desc(alerts.createdAt))
}

export type StaffAlertRow = Awaited<ReturnType<typeof listAlertsForStaff>>[number]
