import 'server-only'
import { eq } from 'drizzle-orm'
import { offices } from '@/db/schema/comune'
import { staffUsers } from '@/db/schema/staff'
import { getDb } from '../db'
import { AppError } from '../errors'
import { recordAudit } from '../audit/record-audit'
import { actorLabel, assertRole, type RequestContext, type StaffActor } from '../auth/actor'
import { hashPassword } from '../auth/password'
import type { CreateStaffInput } from './schemas'

export async function createStaff(actor: StaffActor, input: CreateStaffInput, context: RequestContext) {
  assertRole(actor, ['admin'])
  const db = await getDb()
  const officeId = input.role === 'office' ? input.officeId : null
  if (officeId !== null) {
    const [office] = await db.select({ id: offices.id }).from(offices).where(eq(offices.id, officeId))
    if (!office) throw new AppError('invalid_input', 'Controlla i campi evidenziati.', { officeId: 'Ufficio inesistente.' })
  }
  const passwordHash = await hashPassword(input.password)
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(staffUsers)
      .values({ name: input.name, email: input.email, role: input.role, officeId, passwordHash })
      .onConflictDoNothing({ target: staffUsers.email })
      .returning({ id: staffUsers.id })
    if (!created) {
      throw new AppError('conflict', 'Controlla i campi evidenziati.', { email: 'Esiste già un account con questa email.' })
    }
    await recordAudit(tx, {
      action: 'staff.create',
      actorId: actor.id,
      actorLabel: actorLabel(actor),
      targetType: 'staff',
      targetId: created.id,
      ip: context.ip,
      details: { email: input.email, name: input.name, role: input.role, officeId },
    })
    return created
  })
}
