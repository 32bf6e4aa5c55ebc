import 'server-only'
import { comuneSettings } from '@/db/schema/comune'
import { getDb } from '../db'
import { getEnv } from '../env'
import { list, type Open311Value } from './serialize-shared'

/** Bumped when the endpoints change in a way a client should notice. */
export const OPEN311_CHANGESET = '2026-11-24T00:00:00Z'

export function open311BaseUrl(): string {
  return `${getEnv().FILO_PUBLIC_URL.replace(/\/+$/, '')}/open311/v2`
}

/** Service Discovery: where the GeoReport v2 endpoint lives, whom to ask for an API key. */
export async function getOpen311Discovery(): Promise<Open311Value> {
  const db = await getDb()
  const [comune] = await db.select({ name: comuneSettings.name, email: comuneSettings.email, phone: comuneSettings.phone }).from(comuneSettings)
  const contact = comune ? `${comune.name}, ${comune.email}, ${comune.phone}` : ''
  return {
    changeset: OPEN311_CHANGESET,
    contact,
    key_service: comune
      ? `Chiedi una chiave API all’amministratore di Filo del ${comune.name}: ${comune.email}.`
      : 'Chiedi una chiave API all’amministratore di Filo del Comune.',
    endpoints: list('endpoint', [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: open311BaseUrl(),
        changeset: OPEN311_CHANGESET,
        type: 'production',
        formats: list('format', ['text/xml', 'application/json']),
      },
    ]),
  }
}
