import 'server-only'
import { and, asc, eq } from 'drizzle-orm'
import { pushSubscriptions } from '@/db/schema/citizens'
import { getDb } from '../db'
import { AppError } from '../errors'
import type { CitizenActor } from './actor'

/** The citizen's own devices; endpoints are compared, never shown. */
export async function listDevices(citizen: CitizenActor) {
  const db = await getDb()
  return db
    .select({
      id: pushSubscriptions.id,
      endpoint: pushSubscriptions.endpoint,
      deviceLabel: pushSubscriptions.deviceLabel,
      enabled: pushSubscriptions.enabled,
      createdAt: pushSubscriptions.createdAt,
    })
    .from(pushSubscriptions)
    .where(eq(pushSubscriptions.citizenId, citizen.id))
    .orderBy(asc(pushSubscriptions.createdAt))
}

export async function setDeviceEnabled(citizen: CitizenActor, endpoint: string, enabled: boolean) {
  const db = await getDb()
  const updated = await db
    .update(pushSubscriptions)
    .set({ enabled, updatedAt: new Date() })
    .where(and(eq(pushSubscriptions.endpoint, endpoint), eq(pushSubscriptions.citizenId, citizen.id)))
    .returning({ id: pushSubscriptions.id })
  if (updated.length === 0) throw new AppError('not_found', 'Questo dispositivo non risulta iscritto alle notifiche.')
}

export async function removeDevice(citizen: CitizenActor, endpoint: string) {
  const db = await getDb()
  await db
    .delete(pushSubscriptions)
    .where(and(eq(pushSubscriptions.endpoint, endpoint), eq(pushSubscriptions.citizenId, citizen.id)))
}
