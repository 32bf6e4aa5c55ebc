import 'server-only'
import { cache } from 'react'
import { eq } from 'drizzle-orm'
import { cookies } from 'next/headers'
import { citizens } from '@/db/schema/citizens'
import { getDb } from '../db'
import { getEnv } from '../env'
import { AppError } from '../errors'
import { getAuthSecret } from '../auth/secret'
import type { CitizenActor } from './actor'
import { CITIZEN_COOKIE, CITIZEN_COOKIE_MAX_AGE, signCitizenId, verifyCitizenCookie } from './citizen-cookie'

/** The citizen bound to this device, or null (never subscribed, or erased their data). */
export const getCurrentCitizen = cache(async (): Promise<CitizenActor | null> => {
  const id = verifyCitizenCookie(getAuthSecret(), (await cookies()).get(CITIZEN_COOKIE)?.value)
  if (!id) return null
  const db = await getDb()
  const [row] = await db.select({ id: citizens.id, locale: citizens.locale }).from(citizens).where(eq(citizens.id, id))
  return row ? { kind: 'citizen', id: row.id, locale: row.locale === 'en' ? 'en' : 'it' } : null
})

export async function requireCitizen(): Promise<CitizenActor> {
  const citizen = await getCurrentCitizen()
  if (!citizen) throw new AppError('unauthenticated', 'Prima attiva le notifiche o accetta l’informativa sulla privacy.')
  return citizen
}

/** Binds the device to the citizen: only from a server action or a route handler. */
export async function bindDeviceToCitizen(citizenId: string): Promise<void> {
  ;(await cookies()).set(CITIZEN_COOKIE, signCitizenId(getAuthSecret(), citizenId), {
    httpOnly: true,
    sameSite: 'lax',
    secure: getEnv().FILO_PUBLIC_URL.startsWith('https:'),
    path: '/',
    maxAge: CITIZEN_COOKIE_MAX_AGE,
  })
}

export async function unbindDevice(): Promise<void> {
  ;(await cookies()).delete(CITIZEN_COOKIE)
}
