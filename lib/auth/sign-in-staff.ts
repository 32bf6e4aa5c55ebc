import { and, eq, gt, sql } from 'drizzle-orm'
import { loginAttempts, staffUsers } from '@/db/schema/staff'
import { getDb } from '../db'
import { getEnv } from '../env'
import { AppError } from '../errors'
import { recordAudit } from '../audit/record-audit'
import { actorLabel, type StaffActor } from './actor'
import { burnPasswordCheck, verifyPassword } from './password'
import type { SignInInput } from './schemas'

export type SignedIn = StaffActor & { sessionVersion: number }

const WRONG = 'Email o password non corretti.'

/**
 * Checks a staff sign-in. Failures are counted per account and per IP address; past the
 * limit every attempt is refused for the rest of the window, whether or not the account
 * exists, so the message never reveals which accounts are real.
 */
export async function signInStaff(input: SignInInput & { ip: string | null }, now = new Date()): Promise<SignedIn> {
  const env = getEnv()
  const db = await getDb()
  const windowStart = new Date(now.getTime() - env.FILO_LOGIN_WINDOW_MINUTES * 60_000)
  const accountKey = `account:${input.email}`
  const ipKey = input.ip ? `ip:${input.ip}` : null

  const accountFailures = await countFailures(accountKey, windowStart, true)
  const ipFailures = ipKey ? await countFailures(ipKey, windowStart, false) : { count: 0, oldest: null }
  const throttledBy =
    accountFailures.count >= env.FILO_LOGIN_MAX_FAILURES_PER_ACCOUNT
      ? accountFailures
      : ipFailures.count >= env.FILO_LOGIN_MAX_FAILURES_PER_IP
        ? ipFailures
        : null
  if (throttledBy) {
    const until = (throttledBy.oldest ?? now).getTime() + env.FILO_LOGIN_WINDOW_MINUTES * 60_000
    const minutes = Math.max(1, Math.ceil((until - now.getTime()) / 60_000))
    await recordAudit(db, {
      action: 'auth.sign_in_throttled',
      actorLabel: input.email,
      ip: input.ip,
      details: { email: input.email, by: throttledBy === accountFailures ? 'account' : 'ip' },
    })
    throw new AppError(
      'throttled',
      `Troppi tentativi di accesso non riusciti. Per sicurezza riprova tra ${minutes} ${minutes === 1 ? 'minuto' : 'minuti'}.`,
    )
  }

  const [user] = await db.select().from(staffUsers).where(eq(staffUsers.email, input.email)).limit(1)
  const passwordOk = user ? await verifyPassword(user.passwordHash, input.password) : (await burnPasswordCheck(input.password), false)

  if (!user || !passwordOk || !user.active) {
    await db.transaction(async (tx) => {
      await tx.insert(loginAttempts).values([
        { key: accountKey, succeeded: false, at: now },
        ...(ipKey ? [{ key: ipKey, succeeded: false, at: now }] : []),
      ])
      await recordAudit(tx, {
        action: 'auth.sign_in_failed',
        actorId: user?.id ?? null,
        actorLabel: input.email,
        ip: input.ip,
        details: { email: input.email, reason: !user ? 'unknown_account' : !passwordOk ? 'wrong_password' : 'inactive' },
      })
    })
    throw new AppError('unauthenticated', WRONG)
  }

  await db.transaction(async (tx) => {
    await tx.insert(loginAttempts).values({ key: accountKey, succeeded: true, at: now })
    await tx.update(staffUsers).set({ lastSignInAt: now }).where(eq(staffUsers.id, user.id))
    await recordAudit(tx, {
      action: 'auth.sign_in',
      actorId: user.id,
      actorLabel: actorLabel(user),
      ip: input.ip,
    })
  })

  return {
    kind: 'staff',
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    officeId: user.officeId,
    sessionVersion: user.sessionVersion,
  }

  /** Failures in the window; for an account, only those after its last success. */
  async function countFailures(key: string, since: Date, resetOnSuccess: boolean) {
    const lastSuccess = resetOnSuccess
      ? sql`coalesce((select max(${loginAttempts.at}) from ${loginAttempts} where ${loginAttempts.key} = ${key} and ${loginAttempts.succeeded}), ${since.toISOString()}::timestamptz)`
      : sql`${since.toISOString()}::timestamptz`
    const [row] = await db
      .select({ count: sql<number>`count(*)::int`, oldest: sql<string | null>`min(${loginAttempts.at})` })
      .from(loginAttempts)
      .where(
        and(
          eq(loginAttempts.key, key),
          eq(loginAttempts.succeeded, false),
          gt(loginAttempts.at, since),
          sql`${loginAttempts.at} > greatest(${lastSuccess}, ${since.toISOString()}::timestamptz)`,
        ),
      )
    return { count: row?.count ?? 0, oldest: row?.oldest ? new Date(row.oldest) : null }
  }
}
