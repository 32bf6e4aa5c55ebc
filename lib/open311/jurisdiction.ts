import { getEnv } from '../env'
import { Open311Error } from './respond'

/** The one jurisdiction Filo serves: the setting, or the public URL's host without "www.". */
export function jurisdictionId(): string {
  const env = getEnv()
  return (env.FILO_OPEN311_JURISDICTION_ID ?? new URL(env.FILO_PUBLIC_URL).hostname.replace(/^www\./, '')).toLowerCase()
}

/** Optional (one jurisdiction only), but when sent it must be ours. */
export function assertJurisdiction(value: string | undefined): void {
  if (value === undefined || value.trim() === '') return
  if (value.trim().toLowerCase() !== jurisdictionId()) {
    throw new Open311Error(404, [{ code: 404, description: `jurisdiction_id sconosciuto: questo servizio serve solo «${jurisdictionId()}».` }])
  }
}
