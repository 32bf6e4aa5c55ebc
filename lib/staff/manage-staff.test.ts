import { beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { offices } from '@/db/schema/comune'
import { auditLog, staffUsers } from '@/db/schema/staff'
import { setupTestDatabase } from '../testing/test-database'
import { AppError } from '../errors'
import type { StaffActor } from '../auth/actor'
import { verifyPassword } from '../auth/password'
import { createStaff } from './create-staff'
import { listStaff } from './list-staff'
import { createStaffSchema } from './schemas'
import { resetStaffPassword, setStaffActive, updateStaff } from './update-staff'
import { errorCode } from '../testing/actors'

const database = setupTestDatabase({ seed: true })
const context = { ip: '192.0.2.10' }
const actors: Record<string, StaffActor> = {}

beforeAll(async () => {
  const rows = await database.current().db.select().from(staffUsers)
  for (const row of rows) {
    actors[row.role] = { kind: 'staff', id: row.id, email: row.email, name: row.name, role: row.role, officeId: row.officeId }
  }
})

const input = (overrides: Record<string, unknown> = {}) =>
  createStaffSchema.parse({ name: 'Sara Gialli', email: 'Sara.Gialli@comune.esempio.it', role: 'operator', password: 'una-password-robusta', ...overrides })


describe('staff management', () => {
  it('lets only admins list and create accounts', async () => {
    for (const role of ['operator', 'office', 'civil_protection']) {
      expect(await errorCode(listStaff(actors[role]!))).toBe('forbidden')
      expect(await errorCode(createStaff(actors[role]!, input({ email: `${role}@x.it` }), context))).toBe('forbidden')
    }
    const db = database.current().db
    expect(await db.select().from(staffUsers).where(eq(staffUsers.email, 'operator@x.it'))).toHaveLength(0)
  })

  it('creates an account with a lower-cased email and an argon2id hash, and audits it', async () => {
    const { id } = await createStaff(actors.admin!, input(), context)
    const db = database.current().db
    const [row] = await db.select().from(staffUsers).where(eq(staffUsers.id, id))
    expect(row?.email).toBe('sara.gialli@comune.esempio.it')
    expect(row?.passwordHash.startsWith('$argon2id$')).toBe(true)
    expect(await verifyPassword(row!.passwordHash, 'una-password-robusta')).toBe(true)
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.targetId, id))
    expect(entry).toMatchObject({ action: 'staff.create', actorId: actors.admin!.id, ip: '192.0.2.10' })
  })

  it('refuses a duplicate email with a field error', async () => {
    const error = await createStaff(actors.admin!, input(), context).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).fieldErrors).toEqual({ email: 'Esiste già un account con questa email.' })
  })

  it('requires an office for the office role', () => {
    const result = createStaffSchema.safeParse({ name: 'X Y', email: 'x@y.it', role: 'office', password: 'una-password-robusta' })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toBe('Per il ruolo Ufficio scegli l’ufficio.')
  })

  it('changes role and office, dropping the office for non-office roles', async () => {
    const db = database.current().db
    const [ambiente] = await db.select().from(offices).where(eq(offices.slug, 'ambiente'))
    const [sara] = await db.select().from(staffUsers).where(eq(staffUsers.email, 'sara.gialli@comune.esempio.it'))
    await updateStaff(actors.admin!, { staffId: sara!.id, name: 'Sara Gialli', role: 'office', officeId: ambiente!.id }, context)
    expect((await db.select().from(staffUsers).where(eq(staffUsers.id, sara!.id)))[0]).toMatchObject({ role: 'office', officeId: ambiente!.id })
    await updateStaff(actors.admin!, { staffId: sara!.id, name: 'Sara Gialli', role: 'operator', officeId: ambiente!.id }, context)
    expect((await db.select().from(staffUsers).where(eq(staffUsers.id, sara!.id)))[0]).toMatchObject({ role: 'operator', officeId: null })
  })

  it('deactivation moves the session version on, so open sessions end', async () => {
    const db = database.current().db
    const [sara] = await db.select().from(staffUsers).where(eq(staffUsers.email, 'sara.gialli@comune.esempio.it'))
    await setStaffActive(actors.admin!, sara!.id, false, context)
    const [after] = await db.select().from(staffUsers).where(eq(staffUsers.id, sara!.id))
    expect(after).toMatchObject({ active: false, sessionVersion: sara!.sessionVersion + 1 })
    const actions = (await db.select().from(auditLog).where(eq(auditLog.targetId, sara!.id))).map((e) => e.action)
    expect(actions).toEqual(['staff.create', 'staff.update', 'staff.update', 'staff.deactivate'])
  })

  it('never leaves the Comune without an active admin, and an admin cannot deactivate themselves', async () => {
    expect(await errorCode(setStaffActive(actors.admin!, actors.admin!.id, false, context))).toBe('forbidden')
    const admin = actors.admin!
    expect(await errorCode(updateStaff(admin, { staffId: admin.id, name: admin.name, role: 'operator', officeId: null }, context))).toBe('conflict')
  })

  it('resets a password and signs the account out everywhere', async () => {
    const db = database.current().db
    const target = actors.operator!
    const [before] = await db.select().from(staffUsers).where(eq(staffUsers.id, target.id))
    await resetStaffPassword(actors.admin!, { staffId: target.id, password: 'nuova-password-sicura' }, context)
    const [after] = await db.select().from(staffUsers).where(eq(staffUsers.id, target.id))
    expect(await verifyPassword(after!.passwordHash, 'nuova-password-sicura')).toBe(true)
    expect(after!.sessionVersion).toBe(before!.sessionVersion + 1)
  })
})
