import 'server-only'
import { and, eq, ne, sql } from 'drizzle-orm'
import { offices } from '@/db/schema/comune'
import { staffUsers } from '@/db/schema/staff'
import type { Tx } from '@/db/client'
import { getDb } from '../db'
import { AppError } from '../errors'
import { recordAudit } from '../audit/record-audit'
import { actorLabel, assertRole, type RequestContext, type StaffActor } from '../auth/actor'
import { hashPassword } from '../auth/password'
import type { ResetPasswordInput, UpdateStaffInput } from './schemas'

/** Changes name, role and office. The last active admin cannot stop being one. */
export async function updateStaff(actor: StaffActor, input: UpdateStaffInput, context: RequestContext) {
  assertRole(actor, ['admin'])
  const db = await getDb()
  const officeId = input.role === 'office' ? input.officeId : null
  await db.transaction(async (tx) => {
    const before = await lockAccount(tx, input.staffId)
    if (officeId !== null) {
      const [office] = await tx.select({ id: offices.id }).from(offices).where(eq(offices.id, officeId))
      if (!office) throw new AppError('invalid_input', 'Controlla i campi evidenziati.', { officeId: 'Ufficio inesistente.' })
    }
    if (before.role === 'admin' && input.role !== 'admin') await assertAnotherActiveAdmin(tx, before.id)
    await tx
      .update(staffUsers)
      .set({ name: input.name, role: input.role, officeId, updatedAt: new Date() })
      .where(eq(staffUsers.id, before.id))
    await recordAudit(tx, {
      action: 'staff.update',
      actorId: actor.id,
      actorLabel: actorLabel(actor),
      targetType: 'staff',
      targetId: before.id,
      ip: context.ip,
      details: {
        email: before.email,
        before: { name: before.name, role: before.role, officeId: before.officeId },
        after: { name: input.name, role: input.role, officeId },
      },
    })
  })
}

/**
 * Deactivating ends every open session of the account at once (its session version
 * moves on); reactivating lets it sign in again with its password.
 */
export async function setStaffActive(actor: StaffActor, staffId: string, active: boolean, context: RequestContext) {
  assertRole(actor, ['admin'])
  if (!active && staffId === actor.id) {
    throw new AppError('forbidden', 'Non puoi disattivare il tuo stesso account.')
  }
  const db = await getDb()
  await db.transaction(async (tx) => {
    const before = await lockAccount(tx, staffId)
    if (before.active === active) return
    if (!active && before.role === 'admin') await assertAnotherActiveAdmin(tx, before.id)
    await tx
      .update(staffUsers)
      .set({ active, sessionVersion: sql`${staffUsers.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(staffUsers.id, before.id))
    await recordAudit(tx, {
      action: active ? 'staff.reactivate' : 'staff.deactivate',
      actorId: actor.id,
      actorLabel: actorLabel(actor),
      targetType: 'staff',
      targetId: before.id,
      ip: context.ip,
      details: { email: before.email },
    })
  })
}

/** Sets a new password chosen by an admin and signs the account out everywhere. */
export async function resetStaffPassword(actor: StaffActor, input: ResetPasswordInput, context: RequestContext) {
  assertRole(actor, ['admin'])
  const passwordHash = await hashPassword(input.password)
  const db = await getDb()
  await db.transaction(async (tx) => {
    const before = await lockAccount(tx, input.staffId)
    await tx
      .update(staffUsers)
      .set({ passwordHash, sessionVersion: sql`${staffUsers.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(staffUsers.id, before.id))
    await recordAudit(tx, {
      action: 'staff.password_reset',
      actorId: actor.id,
      actorLabel: actorLabel(actor),
      targetType: 'staff',
      targetId: before.id,
      ip: context.ip,
      details: { email: before.email },
    })
  })
}

async function lockAccount(tx: Tx, staffId: string) {
  const [row] = await tx.select().from(staffUsers).where(eq(staffUsers.id, staffId)).for('update')
  if (!row) throw new AppError('not_found', 'Account non trovato.')
  return row
}

async function assertAnotherActiveAdmin(tx: Tx, exceptId: string) {
  const others = await tx
    .select({ id: staffUsers.id })
    .from(staffUsers)
    .where(and(eq(staffUsers.role, 'admin'), eq(staffUsers.active, true), ne(staffUsers.id, exceptId)))
    .for('update')
  if (others.length === 0) {
    throw new AppError('conflict', 'Deve restare almeno un amministratore attivo.')
  }
}
