import 'server-only'
import type { PgBoss } from 'pg-boss'
import { and, asc, eq, gte, isNull, lt, lte } from 'drizzle-orm'
import { events } from '@/db/schema/content'
import { notifications } from '@/db/schema/notifications'
import { topics } from '@/db/schema/topics'
import { romeWallClock } from '@/lib/time/rome-clock'
import { getDb } from '../db'
import { getLogger } from '../log'
import { recordAudit } from '../audit/record-audit'
import { notify } from '../notify/notify'
import { DIGEST_QUEUE } from './digest-queue'
import { applyDigestSchedule, readDigestSettings } from './digest-settings'

export { DIGEST_QUEUE } from './digest-queue'
const WEEK = 7 * 24 * 3600 * 1000
const SHOWN = 6

const dayFormat = new Intl.DateTimeFormat('it-IT', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'Europe/Rome' })

export type DigestResult = { state: 'sent'; events: number; recipients: number } | { state: 'skipped'; reason: 'disabled' | 'no_events' | 'no_topic' | 'already_sent' }

/**
 * The weekly message to subscribers of "Eventi": the published events starting in the next
 * seven days. Skipped when there are none (nobody wants an empty digest), and sent at most
 * once per Rome day whatever retries or parallel workers do.
 */
export async function sendWeeklyDigest(now = new Date()): Promise<DigestResult> {
  const db = await getDb()
  return db.transaction(async (tx) => {
    // Switched off by staff while a run was already due: nothing goes out.
    if (!(await readDigestSettings(tx)).enabled) return { state: 'skipped', reason: 'disabled' }
    const [topic] = await tx.select({ id: topics.id }).from(topics).where(and(eq(topics.slug, 'eventi'), isNull(topics.retiredAt)))
    if (!topic) return { state: 'skipped', reason: 'no_topic' }
    const day = romeWallClock(now).date
    const [already] = await tx
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.sourceType, 'digest'), eq(notifications.sourceId, day)))
    if (already) return { state: 'skipped', reason: 'already_sent' }
    const coming = await tx
      .select({ title: events.title, startsAt: events.startsAt })
      .from(events)
      .where(and(lte(events.publishedAt, now), gte(events.startsAt, now), lt(events.startsAt, new Date(now.getTime() + WEEK))))
      .orderBy(asc(events.startsAt), asc(events.title))
    if (coming.length === 0) return { state: 'skipped', reason: 'no_events' }
    const lines = coming.slice(0, SHOWN).map((e) => `${dayFormat.format(e.startsAt)} · ${e.title}`)
    if (coming.length > SHOWN) lines.push(`e altri ${coming.length - SHOWN}`)
    const { recipients } = await notify(tx, {
      kind: 'digest',
      title: coming.length === 1 ? 'Un evento nei prossimi 7 giorni' : `${coming.length} eventi nei prossimi 7 giorni`,
      body: lines.join('\n'),
      url: '/eventi',
      audience: { topicId: topic.id },
      urgency: 'low',
      ttlSeconds: 2 * 86_400,
      sourceType: 'digest',
      sourceId: day,
    })
    await recordAudit(tx, { action: 'digest.send', actorId: null, actorLabel: 'Riepilogo settimanale', targetType: 'digest', targetId: day, ip: null, details: { events: coming.length, recipients } })
    return { state: 'sent', events: coming.length, recipients }
  })
}

/**
 * The weekly schedule (cron in Rome time) and its worker; called once at server start. What
 * staff chose in the admin area wins over FILO_DIGEST_CRON, which only says when it goes out
 * until someone chooses.
 */
export async function registerDigestJobs(boss: PgBoss): Promise<void> {
  await applyDigestSchedule(boss, await readDigestSettings(await getDb()))
  await boss.work(DIGEST_QUEUE, { pollingIntervalSeconds: 30, batchSize: 1 }, async ([job]) => {
    if (!job) return
    const result = await sendWeeklyDigest()
    getLogger().info({ result }, 'weekly events digest')
  })
}
