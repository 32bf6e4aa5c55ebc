import 'server-only'
import { and, eq } from 'drizzle-orm'
import { pushSubscriptions } from '@/db/schema/citizens'
import { getDb } from '../db'
import { AppError } from '../errors'
import type { CitizenActor } from '../citizens/actor'
import { notify } from './notify'

const texts = {
  it: { title: 'Notifica di prova', body: 'Funziona! Riceverai così gli avvisi del Comune.' },
  en: { title: 'Test notification', body: 'It works! This is how the Comune’s notices will reach you.' },
}

/** "Mandami una notifica di prova": to this one device, and into the inbox. */
export async function sendTestNotification(citizen: CitizenActor, endpoint: string) {
  const db = await getDb()
  return db.transaction(async (tx) => {
    const [device] = await tx
      .select({ id: pushSubscriptions.id })
      .from(pushSubscriptions)
      .where(and(eq(pushSubscriptions.endpoint, endpoint), eq(pushSubscriptions.citizenId, citizen.id)))
    if (!device) throw new AppError('not_found', 'Questo dispositivo non risulta iscritto alle notifiche: attivale di nuovo.')
    const text = texts[citizen.locale]
    return notify(tx, {
      kind: 'test',
      ...text,
      url: '/notifiche',
      audience: { citizenId: citizen.id, subscriptionId: device.id },
      urgency: 'normal',
      ttlSeconds: 600,
    })
  })
}
