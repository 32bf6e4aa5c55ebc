import { AppError } from '../errors'

/**
 * Cookies are SameSite=Lax, so another site cannot post with them; checking Origin as
 * well (as Next does for server actions) costs nothing.
 */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get('origin')
  if (!origin) return
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host')
  let originHost = ''
  try {
    originHost = new URL(origin).host
  } catch {
    // not a URL: refused below
  }
  if (originHost !== host) throw new AppError('forbidden', 'Richiesta non consentita da questa pagina.')
}

/** The body, refusing early (by its declared length, or while reading) anything over `limit`. */
export async function readBodyAtMost(request: Request, limit: number, tooLargeMessage: string): Promise<Uint8Array> {
  const tooLarge = () => new AppError('invalid_input', tooLargeMessage)
  if (Number(request.headers.get('content-length') ?? '0') > limit) throw tooLarge()
  if (!request.body) return new Uint8Array()
  const chunks: Uint8Array[] = []
  let size = 0
  const reader = request.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel()
      throw tooLarge()
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes
}
