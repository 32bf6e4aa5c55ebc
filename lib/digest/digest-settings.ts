import 'server-only'
import type { PgBoss } from 'pg-boss'
import { eq } from 'drizzle-orm'
import type { DbOrTx } from '@/db/client'
import { comuneSettings } from '@/db/schema/comune'
import { getDb } from '../db'
import { getEnv } from '../env'
import { AppError } from '../errors'
import { recordAudit } from '../audit/record-audit'
import { actorLabel, assertRole, type RequestContext, type StaffActor } from '../auth/actor'
import { ensureQueue, getBoss } from '../jobs/boss'
import { DIGEST_QUEUE } from './digest-queue'
import type { DigestSettingsInput } from './schemas'

/** Who decides when the weekly digest goes out: the people who write to citizens. */
export const DIGEST_ROLES = ['operator', 'admin'] as const

export const weekdayLabels: Record<number, string> = {
  1: 'lunedì',
  2: 'martedì',
  3: 'mercoledì',
  4: 'giovedì',
  5: 'venerdì',
  6: 'sabato',
  7: 'domenica',
}

export type DigestSettings = {
  enabled: boolean
  cron: string
  /** Set when the cron is "every week on one day at one hour", the only shape the form writes. */
  weekday: number | null
  hour: number | null
  /** "ogni lunedì alle 8:00", or the cron itself when it has another shape. */
  description: string
}

/** "M H * * D" → day and hour; cron weekday 0 and 7 are both Sunday, ISO 7 here. */
function readCron(cron: string): { weekday: number; hour: number; minute: number } | null {
  const m = /^(\d{1,2}) (\d{1,2}) \* \* ([0-7])$/.exec(cron.trim())
  if (!m) return null
  const minute = Number(m[1])
  const hour = Number(m[2])
  const day = Number(m[3])
  if (minute > 59 || hour > 23) return null
  return { weekday: day === 0 ? 7 : day, hour, minute }
}

function describe(cron: string) {
  const parts = readCron(cron)
  return {
    weekday: parts?.weekday ?? null,
    hour: parts?.hour ?? null,
    description: parts ? `ogni ${weekdayLabels[parts.weekday]} alle ${parts.hour}:${String(parts.minute).padStart(2, '0')}` : `secondo la programmazione personalizzata «${cron}»`,
  }
}

/** The settings as stored, with FILO_DIGEST_CRON standing in until someone chose a time. */
export async function readDigestSettings(db: DbOrTx): Promise<DigestSettings> {
  const [row] = await db.select({ enabled: comuneSettings.digestEnabled, cron: comuneSettings.digestCron }).from(comuneSettings).where(eq(comuneSettings.id, 1))
  const cron = row?.cron ?? getEnv().FILO_DIGEST_CRON
  return { enabled: row?.enabled ?? true, cron, ...describe(cron) }
}

export async function getDigestSettings(actor: StaffActor): Promise<DigestSettings> {
  assertRole(actor, DIGEST_ROLES)
  return readDigestSettings(await getDb())
}

/**
 * Makes pg-boss's schedule say what the settings say. The schedule lives in the database, so
 * whichever process calls this (a web process that runs no jobs included) changes it for all.
 */
export async function applyDigestSchedule(boss: PgBoss, settings: Pick<DigestSettings, 'enabled' | 'cron'>): Promise<void> {
  await ensureQueue(boss, DIGEST_QUEUE)
  if (settings.enabled) await boss.schedule(DIGEST_QUEUE, settings.cron, {}, { tz: 'Europe/Rome' })
  else await boss.unschedule(DIGEST_QUEUE)
}

/** Switches the digest on or off and sets its day and hour; audited with before and after. */
export async function updateDigestSettings(actor: StaffActor, input: DigestSettingsInput, context: RequestContext): Promise<DigestSettings> {
  assertRole(actor, DIGEST_ROLES)
  const db = await getDb()
  const cron = `0 ${input.hour} * * ${input.weekday}`
  const { before, after } = await db.transaction(async (tx) => {
    const before = await readDigestSettings(tx)
    const updated = await tx
      .update(comuneSettings)
      .set({ digestEnabled: input.enabled, digestCron: cron, updatedAt: new Date() })
      .where(eq(comuneSettings.id, 1))
      .returning({ id: comuneSettings.id })
    if (updated.length === 0) throw new AppError('not_found', 'Le impostazioni del Comune non ci sono ancora: avvia Filo una volta per crearle.')
    const after = await readDigestSettings(tx)
    await recordAudit(tx, {
      action: 'digest.configure',
      actorId: actor.id,
      actorLabel: actorLabel(actor),
      targetType: 'digest',
      targetId: 'settings',
      ip: context.ip,
      details: {
        before: { enabled: before.enabled, when: before.description },
        after: { enabled: after.enabled, when: after.description },
        reason: after.enabled ? after.description : 'disattivato',
      },
    })
    return { before, after }
  })
  if (before.enabled !== after.enabled || before.cron !== after.cron) await applyDigestSchedule(await getBoss(), after)
  return after
}
