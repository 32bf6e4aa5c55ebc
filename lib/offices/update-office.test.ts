import { beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { offices } from '@/db/schema/comune'
import { auditLog, staffUsers } from '@/db/schema/staff'
import { setupTestDatabase } from '../testing/test-database'
import { AppError } from '../errors'
import type { StaffActor } from '../auth/actor'
import { getOfficeForStaff } from './get-office-for-staff'
import { listOfficesForStaff } from './list-offices-for-staff'
import { updateOfficeSchema } from './schemas'
import { updateOffice } from './update-office'

const database = setupTestDatabase({ seed: true })
const actors: Record<string, StaffActor> = {}
const ids: Record<string, number> = {}

beforeAll(async () => {
  const db = database.current().db
  for (const row of await db.select().from(staffUsers)) {
    actors[row.role] = { kind: 'staff', id: row.id, email: row.email, name: row.name, role: row.role, officeId: row.officeId }
  }
  for (const row of await db.select().from(offices)) ids[row.slug] = row.id
})

const form = (officeId: number, overrides: Record<string, unknown> = {}) => ({
  officeId: String(officeId),
  address: 'Via Nuova 3',
  phone: '0575 123499',
  email: 'nuovo@comune.esempio.it',
  closedDays: '2026-12-24\n2026-12-31',
  hours: { '1': [{ from: '08:30', to: '13:00' }, { from: '15:00', to: '17:00' }], '2': [{ from: '', to: '' }] },
  ...overrides,
})

describe('office scoping', () => {
  it('shows an office user only their own office', async () => {
    const list = await listOfficesForStaff(actors.office!)
    expect(list.map((o) => o.id)).toEqual([ids['lavori-pubblici']])
    expect((await listOfficesForStaff(actors.operator!)).length).toBe(7)
  })

  it('refuses another office to office staff, for reading and for writing, and changes nothing', async () => {
    await expect(getOfficeForStaff(actors.office!, ids.ambiente!)).rejects.toMatchObject({ code: 'forbidden' })
    const input = updateOfficeSchema.parse(form(ids.ambiente!))
    const error = await updateOffice(actors.office!, input, { ip: null }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).message).toBe('Puoi vedere e modificare solo il tuo ufficio.')
    const [ambiente] = await database.current().db.select().from(offices).where(eq(offices.id, ids.ambiente!))
    expect(ambiente?.address).toBe('Via dei Cantieri 12')
  })

  it('refuses offices to the civil-protection role', async () => {
    await expect(listOfficesForStaff(actors.civil_protection!)).rejects.toMatchObject({ code: 'forbidden' })
  })

  it('lets office staff update their own office, and audits before and after', async () => {
    const input = updateOfficeSchema.parse(form(ids['lavori-pubblici']!))
    await updateOffice(actors.office!, input, { ip: '192.0.2.1' })
    const db = database.current().db
    const [row] = await db.select().from(offices).where(eq(offices.id, ids['lavori-pubblici']!))
    expect(row).toMatchObject({
      address: 'Via Nuova 3',
      weeklyHours: { '1': [['08:30', '13:00'], ['15:00', '17:00']] },
      closedDays: ['2026-12-24', '2026-12-31'],
    })
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, 'office.update'))
    expect(entry?.details).toMatchObject({ after: { address: 'Via Nuova 3' }, before: { address: 'Via dei Cantieri 12' } })
  })
})

describe('office form validation', () => {
  it('rejects a closing time before the opening time, overlaps and half-filled slots', () => {
    const reversed = updateOfficeSchema.safeParse(form(1, { hours: { '3': [{ from: '13:00', to: '08:30' }] } }))
    expect(reversed.error?.issues[0]).toMatchObject({ path: ['h3_0'], message: 'La chiusura deve essere dopo l’apertura.' })
    const overlap = updateOfficeSchema.safeParse(form(1, { hours: { '1': [{ from: '08:00', to: '13:00' }, { from: '12:00', to: '14:00' }] } }))
    expect(overlap.error?.issues[0]?.message).toBe('Le fasce orarie non possono sovrapporsi.')
    const half = updateOfficeSchema.safeParse(form(1, { hours: { '5': [{ from: '08:00', to: '' }] } }))
    expect(half.error?.issues[0]?.message).toBe('Indica sia l’apertura sia la chiusura.')
  })

  it('rejects malformed dates and times with a clear message', () => {
    expect(updateOfficeSchema.safeParse(form(1, { closedDays: '24/12/2026' })).error?.issues[0]?.message).toBe(
      'Scrivi le date come 2026-12-24, una per riga.',
    )
    expect(updateOfficeSchema.safeParse(form(1, { hours: { '1': [{ from: '8', to: '13:00' }] } })).error?.issues[0]?.message).toBe(
      'Usa il formato ore:minuti, ad esempio 08:30.',
    )
  })
})
