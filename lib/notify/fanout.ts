import { and, asc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm'
import type { Db } from '@/db/client'
import { queryRows } from '@/db/execute'
import { pushSubscriptions } from '@/db/schema/citizens'
import { deliveries, notifications, pushServiceBlocks } from '@/db/schema/notifications'
import { auditLog } from '@/db/schema/staff'
import type { PushOutcome } from '../push/push-sender'
import { buildPayload } from './payload'
import { inZones } from './zones'
import type { Urgency } from './schemas'

export type Sender = {
  send(
    target: { endpoint: string; p256dh: string; auth: string },
    message: { payload: string; ttlSeconds: number; urgency: Urgency; topic?: string },
  ): Promise<PushOutcome>
}

export type FanoutOptions = {
  sender: Sender
  /** Deliveries in flight at once, all push services together. */
  concurrency?: number
  /** Deliveries in flight at once towards one push service. */
  perOrigin?: number
  batchSize?: number
  maxAttempts?: number
  /** A claimed delivery not settled within this time is taken over (its sender died). */
  leaseSeconds?: number
  /** Wait before retry number `attempt` (default: exponential with jitter, 1 s to 5 min). */
  retryDelayMs?: (attempt: number) => number
  /** Called with progress after every batch. */
  onProgress?: (progress: { sent: number; gone: number; failed: number; total: number }) => void
  now?: () => Date
  sleep?: (ms: number) => Promise<void>
}

type FinalState = 'sent' | 'gone' | 'failed'

/**
 * Pushes one notification to every device of its audience. Safe to run again, and by
 * several processes at once: each delivery is claimed with a lease, settled exactly once
 * (sent, gone or failed), and a run interrupted half-way is finished by the next one.
 * Deliveries live in the database; memory holds one batch at a time.
 */
export async function runFanout(db: Db, notificationId: string, options: FanoutOptions): Promise<void> {
  const now = options.now ?? (() => new Date())
  const sleep = options.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)))
  const concurrency = options.concurrency ?? 200
  const perOrigin = options.perOrigin ?? 100
  const batchSize = options.batchSize ?? Math.max(concurrency * 2, 200)
  const maxAttempts = options.maxAttempts ?? 6
  const leaseSeconds = options.leaseSeconds ?? 60

  const [notification] = await db.select().from(notifications).where(eq(notifications.id, notificationId))
  if (!notification || notification.state === 'done') return
  const expiresAt = notification.createdAt.getTime() + notification.ttlSeconds * 1000
  const payload = buildPayload({ ...notification, urgency: notification.urgency as Urgency })
  const message = {
    payload,
    urgency: notification.urgency as Urgency,
    ttlSeconds: notification.ttlSeconds,
    ...(notification.pushTopic ? { topic: notification.pushTopic } : {}),
  }

  if (notification.state === 'queued') await materialize(db, notification)

  const pausedUntil = new Map<string, number>()
  for (;;) {
    const current = now()
    const remainingTtl = Math.floor((expiresAt - current.getTime()) / 1000)
    if (remainingTtl <= 0) {
      await settleAll(db, notificationId, 'failed', 'scaduta prima della consegna')
      break
    }
    await settleOrphans(db, notificationId)

    const claimed = await claim(db, notificationId, batchSize, leaseSeconds)
    if (claimed.length === 0) {
      const waitMs = await nextWake(db, notificationId)
      if (waitMs === null) break
      await sleep(Math.min(Math.max(waitMs, 100), 5_000))
      continue
    }

    const results = await sendAll(claimed, concurrency, perOrigin, async (d) => {
      const paused = pausedUntil.get(d.origin)
      if (paused && paused > Date.now()) return { kind: 'deferred' as const, untilMs: paused }
      const outcome = await options.sender.send(d, { ...message, ttlSeconds: Math.min(message.ttlSeconds, remainingTtl) })
      if (outcome.kind === 'retry' && outcome.status === 429 && outcome.retryAfterMs) {
        pausedUntil.set(d.origin, Date.now() + outcome.retryAfterMs)
      }
      return outcome
    })
    await settle(db, notificationId, claimed, results, maxAttempts, now(), options.retryDelayMs ?? backoffMs)
    if (options.onProgress) {
      const [n] = await db
        .select({ sent: notifications.sent, gone: notifications.gone, failed: notifications.failed, total: notifications.total })
        .from(notifications)
        .where(eq(notifications.id, notificationId))
      if (n) options.onProgress(n)
    }
  }

  // Counters were kept as batches settled; recount once so the final figures are exact.
  await db.execute(sql`
    update notifications set
      state = 'done',
      finished_at = now(),
      sent = (select count(*) from deliveries where notification_id = ${notificationId} and state = 'sent'),
      gone = (select count(*) from deliveries where notification_id = ${notificationId} and state = 'gone'),
      failed = (select count(*) from deliveries where notification_id = ${notificationId} and state = 'failed')
    where id = ${notificationId}`)
}

/** One delivery row per target device, created by the database from the audience. */
async function materialize(db: Db, n: typeof notifications.$inferSelect): Promise<void> {
  const subscriptionId = typeof n.details.subscriptionId === 'string' ? n.details.subscriptionId : null
  const zoneIds = Array.isArray(n.details.zoneIds) ? n.details.zoneIds.filter((z): z is number => typeof z === 'number') : undefined
  const targets = n.topicId
    ? sql`select ps.id, ps.origin from push_subscriptions ps
          join topic_subscriptions ts on ts.citizen_id = ps.citizen_id and ts.topic_id = ${n.topicId}
          where ps.enabled and ${inZones(sql`ps.citizen_id`, zoneIds)}`
    : subscriptionId
      ? sql`select ps.id, ps.origin from push_subscriptions ps where ps.id = ${subscriptionId} and ps.citizen_id = ${n.citizenId} and ps.enabled`
      : sql`select ps.id, ps.origin from push_subscriptions ps where ps.citizen_id = ${n.citizenId} and ps.enabled`
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      insert into deliveries (notification_id, subscription_id, origin)
      select ${n.id}::uuid, t.id, t.origin from (${targets}) t
      on conflict do nothing`)
    await tx.execute(sql`
      update notifications set state = 'sending', started_at = coalesce(started_at, now()),
        total = (select count(*) from deliveries where notification_id = ${n.id})
      where id = ${n.id} and state = 'queued'`)
  })
}

type Claimed = { id: number; origin: string; attempts: number; endpoint: string; p256dh: string; auth: string }

async function claim(db: Db, notificationId: string, limit: number, leaseSeconds: number): Promise<Claimed[]> {
  const due = db
    .select({ id: deliveries.id })
    .from(deliveries)
    .where(
      and(
        eq(deliveries.notificationId, notificationId),
        inArray(deliveries.state, ['pending', 'sending']),
        or(isNull(deliveries.nextAttemptAt), lte(deliveries.nextAttemptAt, sql`now()`)),
      ),
    )
    .orderBy(asc(deliveries.id))
    .limit(limit)
    .for('update', { skipLocked: true })
  return db
    .update(deliveries)
    .set({
      state: 'sending',
      attempts: sql`${deliveries.attempts} + 1`,
      nextAttemptAt: sql`now() + make_interval(secs => ${leaseSeconds})`,
      updatedAt: sql`now()`,
    })
    .from(pushSubscriptions)
    .where(and(inArray(deliveries.id, due), eq(pushSubscriptions.id, deliveries.subscriptionId)))
    .returning({
      id: deliveries.id,
      origin: deliveries.origin,
      attempts: deliveries.attempts,
      endpoint: pushSubscriptions.endpoint,
      p256dh: pushSubscriptions.p256dh,
      auth: pushSubscriptions.auth,
    })
}

type Result = PushOutcome | { kind: 'deferred'; untilMs: number } | { kind: 'error'; error: string }

/** Runs `task` over the batch with a global and a per-push-service bound on requests in flight. */
async function sendAll(items: Claimed[], concurrency: number, perOrigin: number, task: (d: Claimed) => Promise<Result>): Promise<Result[]> {
  const results: Result[] = new Array(items.length)
  const inFlight = new Map<string, number>()
  const waiting = new Map<string, Array<() => void>>()
  const acquire = async (origin: string) => {
    while ((inFlight.get(origin) ?? 0) >= perOrigin) {
      await new Promise<void>((resolve) => waiting.set(origin, [...(waiting.get(origin) ?? []), resolve]))
    }
    inFlight.set(origin, (inFlight.get(origin) ?? 0) + 1)
  }
  const release = (origin: string) => {
    inFlight.set(origin, (inFlight.get(origin) ?? 1) - 1)
    const queue = waiting.get(origin)
    queue?.shift()?.()
  }
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      for (let i = next++; i < items.length; i = next++) {
        const item = items[i]!
        await acquire(item.origin)
        try {
          results[i] = await task(item)
        } catch (error) {
          results[i] = { kind: 'error', error: error instanceof Error ? error.message : String(error) }
        } finally {
          release(item.origin)
        }
      }
    }),
  )
  return results
}

function backoffMs(attempt: number): number {
  const base = Math.min(2_000 * 2 ** (attempt - 1), 5 * 60_000)
  return Math.round(base / 2 + Math.random() * base) // full jitter around the base
}

/** Records each outcome; only rows still 'sending' change, so nothing is counted twice. */
async function settle(
  db: Db,
  notificationId: string,
  claimed: Claimed[],
  results: Result[],
  maxAttempts: number,
  at: Date,
  retryDelayMs: (attempt: number) => number,
) {
  const sent: number[] = []
  const gone: number[] = []
  const failed: Array<{ id: number; error: string }> = []
  const later: Array<{ id: number; at: Date; error: string; refund: boolean }> = []
  const blocked = new Map<string, { status: number; error: string }>()

  claimed.forEach((d, i) => {
    const r = results[i]!
    switch (r.kind) {
      case 'sent':
        sent.push(d.id)
        break
      case 'gone':
        gone.push(d.id)
        break
      case 'deferred':
        later.push({ id: d.id, at: new Date(r.untilMs), error: 'servizio in pausa (429)', refund: true })
        break
      case 'rejected':
        if (r.status === 400 || r.status === 401 || r.status === 403) blocked.set(d.origin, { status: r.status, error: r.error })
        failed.push({ id: d.id, error: `${r.status}: ${r.error}` })
        break
      case 'retry':
      case 'error':
        if (d.attempts >= maxAttempts) failed.push({ id: d.id, error: `dopo ${d.attempts} tentativi: ${r.error}` })
        else {
          const wait = r.kind === 'retry' && r.retryAfterMs ? r.retryAfterMs : retryDelayMs(d.attempts)
          later.push({ id: d.id, at: new Date(at.getTime() + wait), error: r.error, refund: false })
        }
        break
    }
  })

  await db.transaction(async (tx) => {
    let sentCount = 0
    let goneCount = 0
    let failedCount = 0
    if (sent.length) {
      const rows = await tx
        .update(deliveries)
        .set({ state: 'sent', lastError: null, updatedAt: at })
        .where(and(inArray(deliveries.id, sent), eq(deliveries.state, 'sending')))
        .returning({ subscriptionId: deliveries.subscriptionId })
      sentCount = rows.length
    }
    if (gone.length) {
      const rows = await tx
        .update(deliveries)
        .set({ state: 'gone', updatedAt: at })
        .where(and(inArray(deliveries.id, gone), eq(deliveries.state, 'sending')))
        .returning({ subscriptionId: deliveries.subscriptionId })
      goneCount = rows.length
      // The push service says the device unsubscribed: forget it for every future message.
      const ids = rows.map((r) => r.subscriptionId).filter((v): v is string => v !== null)
      if (ids.length) await tx.delete(pushSubscriptions).where(inArray(pushSubscriptions.id, ids))
    }
    for (const f of failed) {
      const rows = await tx
        .update(deliveries)
        .set({ state: 'failed', lastError: f.error.slice(0, 500), updatedAt: at })
        .where(and(eq(deliveries.id, f.id), eq(deliveries.state, 'sending')))
        .returning({ id: deliveries.id })
      failedCount += rows.length
    }
    for (const l of later) {
      await tx
        .update(deliveries)
        .set({
          state: 'pending',
          nextAttemptAt: l.at,
          lastError: l.error.slice(0, 500),
          updatedAt: at,
          ...(l.refund ? { attempts: sql`${deliveries.attempts} - 1` } : {}),
        })
        .where(and(eq(deliveries.id, l.id), eq(deliveries.state, 'sending')))
    }
    for (const [origin, why] of blocked) {
      const inserted = await tx
        .insert(pushServiceBlocks)
        .values({ origin, status: why.status, reason: why.error.slice(0, 500) })
        .onConflictDoNothing()
        .returning({ origin: pushServiceBlocks.origin })
      if (inserted.length) {
        await tx.insert(auditLog).values({
          action: 'push.service_blocked',
          actorLabel: 'Filo (invio notifiche)',
          targetType: 'push_service',
          targetId: origin,
          details: { status: why.status, reason: why.error.slice(0, 500), notificationId },
        })
      }
    }
    if (sentCount || goneCount || failedCount) {
      await tx
        .update(notifications)
        .set({
          sent: sql`${notifications.sent} + ${sentCount}`,
          gone: sql`${notifications.gone} + ${goneCount}`,
          failed: sql`${notifications.failed} + ${failedCount}`,
        })
        .where(eq(notifications.id, notificationId))
    }
  })
}

/** Deliveries that can no longer be sent: their device was removed, or its push service is blocked. */
async function settleOrphans(db: Db, notificationId: string) {
  await db.execute(sql`
    update deliveries set state = 'gone', last_error = 'dispositivo rimosso', updated_at = now()
    where notification_id = ${notificationId} and subscription_id is null and state in ('pending', 'sending')`)
  await db.execute(sql`
    update deliveries set state = 'failed', last_error = 'servizio di notifica sospeso', updated_at = now()
    where notification_id = ${notificationId} and state = 'pending'
      and origin in (select origin from push_service_blocks)`)
}

async function settleAll(db: Db, notificationId: string, state: FinalState, error: string) {
  await db.execute(sql`
    update deliveries set state = ${state}, last_error = ${error}, updated_at = now()
    where notification_id = ${notificationId} and state in ('pending', 'sending')`)
}

/** Milliseconds until some unsettled delivery is due again, or null when all are settled. */
async function nextWake(db: Db, notificationId: string): Promise<number | null> {
  const [row] = await queryRows<{ open: number; wait_ms: number | null }>(
    db,
    sql`select count(*)::int as open,
          (extract(epoch from (min(next_attempt_at) - now())) * 1000)::float8 as wait_ms
        from deliveries
        where notification_id = ${notificationId} and state in ('pending', 'sending')`,
  )
  if (!row || row.open === 0) return null
  return row.wait_ms ?? 0
}
