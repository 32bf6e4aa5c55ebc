import { and, asc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm'
import type { Db } from '@/db/client'
import { queryRows } from '@/db/execute'
import { pushSubscriptions } from '@/db/schema/citizens'
import { deliveries, notifications, pushServiceBlocks } from '@/db/schema/notifications'
import { auditLog } from '@/db/schema/staff'
import { recordAudit } from '@/lib/audit/record-audit'
import type { PushOutcome } from '../push/push-sender'
import { buildPayload } from './payload'
import { devicesQuery, notificationAudience } from './audience'
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
  // A push service that refused our credentials gets no further request from this run,
  // even before the refusal is written down (deliveries already claimed are failed).
  const blockedOrigins = new Set<string>()
  const retryDelayMs = options.retryDelayMs ?? backoffMs
  let lastProgress = 0
  const progress = async () => {
    if (!options.onProgress || Date.now() - lastProgress < 250) return
    lastProgress = Date.now()
    const [n] = await db
      .select({ sent: notifications.sent, gone: notifications.gone, failed: notifications.failed, total: notifications.total })
      .from(notifications)
      .where(eq(notifications.id, notificationId))
    if (n) options.onProgress(n)
  }

  for (;;) {
    if (expiresAt - now().getTime() < 1000) {
      await settleAll(db, notificationId, 'failed', 'scaduta prima della consegna')
      break
    }
    await settleOrphans(db, notificationId)

    const claimedAny = await pump({
      claimNext: () => {
        const remainingTtl = Math.floor((expiresAt - now().getTime()) / 1000)
        return remainingTtl > 0 ? claim(db, notificationId, batchSize, leaseSeconds).then((rows) => rows.map((row) => ({ ...row, remainingTtl }))) : Promise.resolve([] as Array<Claimed & { remainingTtl: number }>)
      },
      batchSize,
      concurrency,
      perOrigin,
      send: async (d) => {
        if (blockedOrigins.has(d.origin)) return { kind: 'blocked' as const }
        const paused = pausedUntil.get(d.origin)
        if (paused && paused > Date.now()) return { kind: 'deferred' as const, untilMs: paused }
        const outcome = await options.sender.send(d, { ...message, ttlSeconds: Math.min(message.ttlSeconds, d.remainingTtl) })
        if (outcome.kind === 'retry' && outcome.status === 429 && outcome.retryAfterMs) {
          pausedUntil.set(d.origin, Date.now() + outcome.retryAfterMs)
        }
        if (outcome.kind === 'rejected' && BLOCKING_STATUSES.has(outcome.status)) blockedOrigins.add(d.origin)
        return outcome
      },
      settle: async (claimed, results) => {
        await settle(db, notificationId, claimed, results, maxAttempts, now(), retryDelayMs)
        await progress()
      },
    })
    if (!claimedAny) {
      const waitMs = await nextWake(db, notificationId)
      if (waitMs === null) break
      await sleep(Math.min(Math.max(waitMs, 100), 5_000))
    }
  }

  await finish(db, notificationId)
}

/**
 * Counters were kept as batches settled; recount once so the final figures are exact. A
 * message to many people (an alert, a campaign, news) also leaves in the audit log how many
 * devices it reached: the issuer's question after an emergency is "who got it", not "whom
 * did we aim at". Several processes may finish the same run: the row lock lets one write it.
 */
async function finish(db: Db, notificationId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await queryRows<{ state: string }>(tx, sql`select state from notifications where id = ${notificationId} for update`)
    const [after] = await queryRows<{
      kind: string
      title: string
      citizen_id: string | null
      source_type: string | null
      source_id: string | null
      total: number
      sent: number
      gone: number
      failed: number
      seconds: number | null
    }>(
      tx,
      sql`
        update notifications set
          state = 'done',
          finished_at = now(),
          sent = (select count(*) from deliveries where notification_id = ${notificationId} and state = 'sent'),
          gone = (select count(*) from deliveries where notification_id = ${notificationId} and state = 'gone'),
          failed = (select count(*) from deliveries where notification_id = ${notificationId} and state = 'failed')
        where id = ${notificationId}
        returning kind, title, citizen_id, source_type, source_id, total, sent, gone, failed,
          extract(epoch from (finished_at - coalesce(started_at, created_at)))::float8 as seconds`,
    )
    if (!before || before.state === 'done' || !after || after.citizen_id) return
    await recordAudit(tx, {
      action: 'notification.delivered',
      actorId: null,
      actorLabel: 'Invio notifiche',
      targetType: after.source_type ?? 'notification',
      targetId: after.source_id ?? notificationId,
      details: {
        notificationId,
        kind: after.kind,
        title: after.title,
        devices: Number(after.total),
        sent: Number(after.sent),
        gone: Number(after.gone),
        failed: Number(after.failed),
        seconds: after.seconds === null ? null : Math.round(Number(after.seconds) * 10) / 10,
      },
    })
  })
}

/** One delivery row per target device, created by the database from the audience. */
async function materialize(db: Db, n: typeof notifications.$inferSelect): Promise<void> {
  const targets = devicesQuery(notificationAudience(n))
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

type Result = PushOutcome | { kind: 'deferred'; untilMs: number } | { kind: 'blocked' } | { kind: 'error'; error: string }

const BLOCKING_STATUSES = new Set([400, 401, 403])

/**
 * Sends everything that can be claimed now, as a pipeline rather than batch by batch: the
 * next batch is claimed while the current one is being sent, results are written in
 * batches while sending goes on, and no batch waits for its slowest request before the
 * next starts. At most `concurrency` requests are in flight, `perOrigin` per push service;
 * at most two batches are claimed and not yet sent. Returns whether anything was claimed.
 */
async function pump<T extends Claimed>(p: {
  claimNext: () => Promise<T[]>
  batchSize: number
  concurrency: number
  perOrigin: number
  send: (d: T) => Promise<Result>
  settle: (claimed: T[], results: Result[]) => Promise<void>
}): Promise<boolean> {
  const queue: T[] = []
  let exhausted = false
  let claimedAny = false
  let claiming: Promise<void> | null = null
  let failure: unknown = null

  const refill = (): Promise<void> => {
    if (claiming) return claiming
    const run = (async () => {
      try {
        while (!exhausted && queue.length < p.batchSize) {
          const rows = await p.claimNext()
          if (rows.length === 0) exhausted = true
          else {
            claimedAny = true
            queue.push(...rows)
          }
        }
      } catch (error) {
        failure ??= error
        exhausted = true
      }
    })()
    claiming = run
    void run.then(() => {
      if (claiming === run) claiming = null
    })
    return run
  }

  // Group commit: outcomes are written as soon as the previous write is done, all that
  // arrived meanwhile in one go. Under load that makes large batches; when killed, only
  // the requests in flight and the few outcomes of the write under way are lost (and
  // those deliveries are sent again when their lease ends).
  const doneItems: T[] = []
  const doneResults: Result[] = []
  let writing: Promise<void> | null = null
  let timer: NodeJS.Timeout | null = null
  /** Small writes cost a transaction each: wait for a few outcomes, or for 50 ms. */
  const minBatch = Math.max(1, Math.ceil(p.batchSize / 8))
  const maybeFlush = () => {
    if (doneItems.length >= minBatch) void flush()
    else timer ??= setTimeout(() => void flush(), 50)
  }
  const flush = (): Promise<void> => {
    if (timer) {
      clearTimeout(timer)
      timer = null
    }
    if (writing) return writing
    if (doneItems.length === 0) return Promise.resolve()
    const items = doneItems.splice(0)
    const results = doneResults.splice(0)
    const run = p
      .settle(items, results)
      .catch((error: unknown) => {
        failure ??= error
      })
      .then(() => {
        writing = null
        if (doneItems.length && !failure) maybeFlush()
      })
    writing = run
    return run
  }

  const inFlight = new Map<string, number>()
  const waiting = new Map<string, Array<() => void>>()
  const acquire = async (origin: string) => {
    while ((inFlight.get(origin) ?? 0) >= p.perOrigin) {
      await new Promise<void>((resolve) => {
        const queued = waiting.get(origin)
        if (queued) queued.push(resolve)
        else waiting.set(origin, [resolve])
      })
    }
    inFlight.set(origin, (inFlight.get(origin) ?? 0) + 1)
  }
  const release = (origin: string) => {
    inFlight.set(origin, (inFlight.get(origin) ?? 1) - 1)
    waiting.get(origin)?.shift()?.()
  }

  await refill()
  await Promise.all(
    Array.from({ length: p.concurrency }, async () => {
      for (;;) {
        if (failure) return
        // Back-pressure: never more than one batch of outcomes waiting to be written, so a
        // process killed mid-way re-sends at most that batch and the requests in flight.
        while (doneItems.length >= p.batchSize && writing) await writing
        if (!exhausted && queue.length < p.batchSize) void refill()
        const item = queue.shift()
        if (!item) {
          if (claiming) {
            await claiming
            continue
          }
          return
        }
        let result: Result
        await acquire(item.origin)
        try {
          result = await p.send(item)
        } catch (error) {
          result = { kind: 'error', error: error instanceof Error ? error.message : String(error) }
        } finally {
          release(item.origin)
        }
        doneItems.push(item)
        doneResults.push(result)
        if (!writing) maybeFlush()
      }
    }),
  )
  while (writing || doneItems.length) await flush()
  if (failure) throw failure
  return claimedAny
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
      case 'blocked':
        failed.push({ id: d.id, error: 'servizio di notifica sospeso' })
        break
      case 'rejected':
        if (BLOCKING_STATUSES.has(r.status)) blocked.set(d.origin, { status: r.status, error: r.error })
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
    // One statement per distinct error, not per delivery: a refusing push service can fail thousands at once.
    const failedByError = new Map<string, number[]>()
    for (const f of failed) {
      const error = f.error.slice(0, 500)
      const ids = failedByError.get(error)
      if (ids) ids.push(f.id)
      else failedByError.set(error, [f.id])
    }
    for (const [error, ids] of failedByError) {
      const rows = await tx
        .update(deliveries)
        .set({ state: 'failed', lastError: error, updatedAt: at })
        .where(and(inArray(deliveries.id, ids), eq(deliveries.state, 'sending')))
        .returning({ id: deliveries.id })
      failedCount += rows.length
    }
    if (later.length) {
      // Each retry has its own time: one statement over a JSON list of (id, at, error, refund).
      const list = JSON.stringify(later.map((l) => ({ id: l.id, at: l.at.toISOString(), error: l.error.slice(0, 500), refund: l.refund ? 1 : 0 })))
      await tx.execute(sql`
        update deliveries d set state = 'pending', next_attempt_at = v.at, last_error = v.error,
          updated_at = ${at.toISOString()}::timestamptz, attempts = d.attempts - v.refund
        from jsonb_to_recordset(${list}::jsonb) as v(id bigint, at timestamptz, error text, refund int)
        where d.id = v.id and d.state = 'sending'`)
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
