import { AppError } from '../errors'
import { getLogger } from '../log'

/** JSON error in Italian; unexpected errors are logged and answered without details. */
export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    return Response.json({ error: error.code, message: error.message, fieldErrors: error.fieldErrors }, { status: error.status })
  }
  getLogger().error({ err: error }, 'route handler failed')
  return Response.json({ error: 'internal', message: 'Si è verificato un errore imprevisto. Riprova tra qualche minuto.' }, { status: 500 })
}

/** Parses a JSON body of bounded size; a malformed one is the client's error, not a 500. */
export async function readJson(request: Request, maxBytes = 16_384): Promise<unknown> {
  const declared = Number(request.headers.get('content-length') ?? '0')
  if (declared > maxBytes) throw new AppError('invalid_input', 'Richiesta troppo grande.')
  const text = await request.text()
  if (Buffer.byteLength(text) > maxBytes) throw new AppError('invalid_input', 'Richiesta troppo grande.')
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new AppError('invalid_input', 'Richiesta non valida.')
  }
}

export function invalid(issues: ReadonlyArray<{ message: string }>): AppError {
  return new AppError('invalid_input', issues[0]?.message ?? 'Richiesta non valida.')
}
