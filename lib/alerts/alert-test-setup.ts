import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import { eq } from 'drizzle-orm'
import { alerts } from '@/db/schema/alerts'
import { staffUsers } from '@/db/schema/staff'
import { alertFingerprint, pendingUpdateFingerprint } from './alert-fingerprint'
import { setupTestDatabase } from '../testing/test-database'
import { ensureQueue, startJobs, stopJobs } from '../jobs/boss'
import { FANOUT_QUEUE } from '../notify/notify'
import type { StaffActor } from '../auth/actor'
import { alertDraftSchema, type AlertDraftInput } from './schemas'

export const hour = 3600_000

/**
 * What the alert tests share: a seeded database with the push queue running, the seeded
 * staff by role, and a second civil-protection user for the two-person rule. Call once at
 * the top of a test file; it registers its own beforeAll/afterAll.
 */
export function setupAlertTests(options: { ip: string }) {
  const database = setupTestDatabase({ seed: true })
  const actors: Record<string, StaffActor> = {}
  let second: StaffActor | undefined

  beforeAll(async () => {
    await ensureQueue(await startJobs(database.current()), FANOUT_QUEUE)
    const { db } = database.current()
    for (const row of await db.select().from(staffUsers)) {
      actors[row.role] = { kind: 'staff', id: row.id, email: row.email, name: row.name, role: row.role, officeId: row.officeId }
    }
    const [other] = await db
      .insert(staffUsers)
      .values({ email: 'sala.operativa@comune.esempio.it', name: 'Luca Sala', role: 'civil_protection', passwordHash: 'x' })
      .returning()
    second = { kind: 'staff', id: other!.id, email: other!.email, name: other!.name, role: 'civil_protection', officeId: null }
  })

  afterAll(async () => {
    await stopJobs()
  })

  return {
    database,
    ctx: { ip: options.ip },
    /** What an approver's page would carry: the fingerprint of the alert as it is now. */
    async seen(alertId: string): Promise<string> {
      const [row] = await database.current().db.select().from(alerts).where(eq(alerts.id, alertId))
      return alertFingerprint(row!)
    },
    /** The same for the waiting update. */
    async seenUpdate(alertId: string): Promise<string> {
      const [row] = await database.current().db.select().from(alerts).where(eq(alerts.id, alertId))
      return row?.pendingUpdate ? pendingUpdateFingerprint(row.pendingUpdate) : 'none'
    },
    actors,
    /** Another civil-protection user than actors.civil_protection: the one who approves. */
    secondCp(): StaffActor {
      if (!second) throw new Error('secondCp() is available once beforeAll has run')
      return second
    },
  }
}

/** A valid draft, valid for the next 12 hours; `defaults` then `overrides` change any field. */
export function alertDraft(defaults: Record<string, unknown>) {
  return (overrides: Record<string, unknown> = {}): AlertDraftInput =>
    alertDraftSchema.parse({
      level: 'gialla',
      issuer: 'Sindaco del Comune di Esempio',
      validFrom: new Date(),
      validUntil: new Date(Date.now() + 12 * hour),
      ...defaults,
      ...overrides,
    })
}

/** 'ok', or the code of the AppError the call was refused with. */
export { errorCode as code } from '../testing/actors'

const capSchema = path.resolve('lib/alerts/testdata/CAP-v1.2.xsd')
let capDir: string | undefined

/** Throws with xmllint's message when the document does not match the official CAP 1.2 schema. */
export function validateCap(xml: string, name: string): void {
  capDir ??= mkdtempSync(path.join(tmpdir(), 'filo-cap-'))
  const file = path.join(capDir, name)
  writeFileSync(file, xml)
  execFileSync('xmllint', ['--noout', '--schema', capSchema, file], { stdio: 'pipe' })
}
