import 'server-only'
import { eq } from 'drizzle-orm'
import { offices } from '@/db/schema/comune'
import { getDb } from '../db'
import { AppError } from '../errors'
import { recordAudit } from '../audit/record-audit'
import { actorLabel, assertOfficeAccess, type RequestContext, type StaffActor } from '../auth/actor'
import type { UpdateOfficeInput } from './schemas'

/** Saves an office's contacts, weekly hours and extra closed days (what citizens see on the home). */
export async function updateOffice(actor: StaffActor, input: UpdateOfficeInput, context: RequestContext) {
  assertOfficeAccess(actor, input.officeId)
  const db = await getDb()
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(offices).where(eq(offices.id, input.officeId)).for('update')
    if (!before) throw new AppError('not_found', 'Ufficio non trovato.')
    await tx
      .update(offices)
      .set({
        address: input.address,
        phone: input.phone,
        email: input.email,
        weeklyHours: input.weeklyHours,
        closedDays: input.closedDays,
        updatedAt: new Date(),
      })
      .where(eq(offices.id, input.officeId))
    await recordAudit(tx, {
      action: 'office.update',
      actorId: actor.id,
      actorLabel: actorLabel(actor),
      targetType: 'office',
      targetId: String(input.officeId),
      ip: context.ip,
      details: {
        office: before.name,
        before: { address: before.address, phone: before.phone, email: before.email, weeklyHours: before.weeklyHours, closedDays: before.closedDays },
        after: { address: input.address, phone: input.phone, email: input.email, weeklyHours: input.weeklyHours, closedDays: input.closedDays },
      },
    })
  })
}
