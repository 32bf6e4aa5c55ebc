import { Open311Error } from './respond'

/**
 * GET tokens/{token}. Every Filo service is "realtime": a POST answers with the
 * service_request_id at once and no token is ever issued, so no token can be found.
 */
export function getOpen311Token(token: string): never {
  throw new Open311Error(404, [
    { code: 404, description: `Token «${token.slice(0, 60)}» non trovato: i servizi di questo Comune sono realtime e rispondono subito con service_request_id.` },
  ])
}
