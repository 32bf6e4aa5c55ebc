import 'server-only'
import { eq } from 'drizzle-orm'
import webpush from 'web-push'
import { appSecrets } from '@/db/schema/notifications'
import { comuneSettings } from '@/db/schema/comune'
import { getDb } from '../db'
import { getEnv } from '../env'

export type VapidKeys = { publicKey: string; privateKey: string; subject: string }

const key = Symbol.for('filo.vapid')
type Holder = { [key]?: Promise<VapidKeys> }

/**
 * The application server keys (RFC 8292): from VAPID_* when configured, otherwise
 * generated once and kept in the database, so every process and every restart signs
 * with the same key and existing subscriptions keep working.
 */
export function getVapidKeys(): Promise<VapidKeys> {
  const holder = globalThis as Holder
  holder[key] ??= load().catch((error: unknown) => {
    delete holder[key]
    throw error
  })
  return holder[key]
}

async function load(): Promise<VapidKeys> {
  const env = getEnv()
  const db = await getDb()
  const [comune] = await db.select({ email: comuneSettings.email }).from(comuneSettings)
  const subject = env.VAPID_SUBJECT ?? (comune ? `mailto:${comune.email}` : env.FILO_PUBLIC_URL.replace(/^http:/, 'https:'))
  if (env.VAPID_PUBLIC_KEY && env.VAPID_PRIVATE_KEY) {
    return { publicKey: env.VAPID_PUBLIC_KEY, privateKey: env.VAPID_PRIVATE_KEY, subject }
  }
  const generated = webpush.generateVAPIDKeys()
  // Two processes starting together may both generate: the first insert wins, both read it.
  await db
    .insert(appSecrets)
    .values({ name: 'vapid', value: { publicKey: generated.publicKey, privateKey: generated.privateKey } })
    .onConflictDoNothing()
  const [stored] = await db.select({ value: appSecrets.value }).from(appSecrets).where(eq(appSecrets.name, 'vapid'))
  const publicKey = stored?.value.publicKey
  const privateKey = stored?.value.privateKey
  if (!publicKey || !privateKey) throw new Error('VAPID keys missing after generation')
  return { publicKey, privateKey, subject }
}
