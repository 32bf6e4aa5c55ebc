import { describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { auditLog, staffUsers } from '@/db/schema/staff'
import { DEMO_PASSWORD } from '@/db/seed-data'
import { setupTestDatabase } from '../testing/test-database'
import { AppError } from '../errors'
import { signInStaff } from './sign-in-staff'

const database = setupTestDatabase({ seed: true })

async function attempt(email: string, password: string, ip = '10.0.0.1', now = new Date()) {
  try {
    return { ok: true as const, user: await signInStaff({ email, password, ip }, now) }
  } catch (error) {
    if (!(error instanceof AppError)) throw error
    return { ok: false as const, code: error.code, message: error.message }
  }
}

describe('signInStaff', () => {
  it('signs in with the right password and records it in the audit log', async () => {
    const result = await attempt('admin@comune.esempio.it', DEMO_PASSWORD)
    expect(result.ok && result.user.role).toBe('admin')
    const entries = await database.current().db.select().from(auditLog).where(eq(auditLog.action, 'auth.sign_in'))
    expect(entries.some((e) => e.actorLabel.includes('admin@comune.esempio.it'))).toBe(true)
  })

  it('gives the same message for a wrong password and an unknown account', async () => {
    const wrong = await attempt('urp@comune.esempio.it', 'not-the-password', '10.0.0.2')
    const unknown = await attempt('nobody@comune.esempio.it', 'whatever', '10.0.0.2')
    expect(wrong).toEqual({ ok: false, code: 'unauthenticated', message: 'Email o password non corretti.' })
    expect(unknown).toEqual(wrong)
  })

  it('throttles an account after repeated failures, even with the right password, for existing and unknown accounts alike', async () => {
    for (let i = 0; i < 5; i++) await attempt('protezionecivile@comune.esempio.it', 'nope', `10.1.0.${i}`)
    for (let i = 0; i < 5; i++) await attempt('ghost@comune.esempio.it', 'nope', `10.2.0.${i}`)
    const real = await attempt('protezionecivile@comune.esempio.it', DEMO_PASSWORD, '10.1.9.9')
    const ghost = await attempt('ghost@comune.esempio.it', 'nope', '10.2.9.9')
    expect(real.ok).toBe(false)
    expect(!real.ok && real.code).toBe('throttled')
    expect(!real.ok && real.message).toMatch(/^Troppi tentativi di accesso non riusciti\. Per sicurezza riprova tra 15 minuti\.$/)
    expect(!ghost.ok && ghost.message).toBe(!real.ok && real.message)
  })

  it('lets the account in again once the window has passed', async () => {
    const later = new Date(Date.now() + 16 * 60_000)
    const result = await attempt('protezionecivile@comune.esempio.it', DEMO_PASSWORD, '10.1.9.9', later)
    expect(result.ok).toBe(true)
  })

  it('throttles an IP address that tries many accounts', async () => {
    for (let i = 0; i < 20; i++) await attempt(`guess${i}@comune.esempio.it`, 'nope', '10.9.9.9')
    const result = await attempt('admin@comune.esempio.it', DEMO_PASSWORD, '10.9.9.9')
    expect(!result.ok && result.code).toBe('throttled')
    const elsewhere = await attempt('admin@comune.esempio.it', DEMO_PASSWORD, '10.9.9.10')
    expect(elsewhere.ok).toBe(true)
  })

  it('refuses a deactivated account with the generic message', async () => {
    const db = database.current().db
    await db.update(staffUsers).set({ active: false }).where(eq(staffUsers.email, 'lavoripubblici@comune.esempio.it'))
    const result = await attempt('lavoripubblici@comune.esempio.it', DEMO_PASSWORD, '10.3.0.1')
    expect(result).toEqual({ ok: false, code: 'unauthenticated', message: 'Email o password non corretti.' })
    const [failure] = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'auth.sign_in_failed'))
      .orderBy(auditLog.id)
      .then((rows) => rows.slice(-1))
    expect(failure?.details).toMatchObject({ reason: 'inactive' })
  })
})
