import { describe, expect, it } from 'vitest'
import { AppError } from '../errors'
import { assertSameOrigin, readBodyAtMost } from './same-origin'

const post = (headers: Record<string, string>, body?: BodyInit) => new Request('http://filo.test/api/reports/photos', { method: 'POST', headers, body, duplex: 'half' } as RequestInit)

function refusal(run: () => unknown): Promise<AppError | null> {
  return Promise.resolve()
    .then(run)
    .then(
      () => null,
      (error: unknown) => {
        if (error instanceof AppError) return error
        throw error
      },
    )
}

/** A body sent in chunks, with no declared length: what a client lying about its size looks like. */
function streamed(chunks: number, size: number): ReadableStream<Uint8Array> {
  let sent = 0
  return new ReadableStream({
    pull(controller) {
      if (sent++ === chunks) controller.close()
      else controller.enqueue(new Uint8Array(size).fill(7))
    },
  })
}

describe('uploads from another site', () => {
  it('are refused; the same site, and clients that send no Origin (curl, apps), are let through', async () => {
    expect(await refusal(() => assertSameOrigin(post({ host: 'filo.test', origin: 'https://evil.example' })))).toMatchObject({ code: 'forbidden', message: 'Richiesta non consentita da questa pagina.' })
    expect(await refusal(() => assertSameOrigin(post({ host: 'filo.test', origin: 'not a url' })))).toMatchObject({ code: 'forbidden' })
    expect(await refusal(() => assertSameOrigin(post({ host: 'filo.test', origin: 'https://filo.test' })))).toBeNull()
    // Behind a proxy the public host is the forwarded one.
    expect(await refusal(() => assertSameOrigin(post({ host: '127.0.0.1:3000', 'x-forwarded-host': 'comune.example.it', origin: 'https://comune.example.it' })))).toBeNull()
    expect(await refusal(() => assertSameOrigin(post({ host: 'filo.test' })))).toBeNull()
  })
})

describe('an upload body', () => {
  it('is returned whole when it fits', async () => {
    const bytes = await readBodyAtMost(post({}, new Uint8Array([1, 2, 3, 4])), 4, 'Troppo grande.')
    expect([...bytes]).toEqual([1, 2, 3, 4])
    expect((await readBodyAtMost(post({}), 4, 'Troppo grande.')).byteLength).toBe(0)
  })

  it('over the limit is refused with the caller’s message, by its declared length or while it streams in', async () => {
    const declared = post({ 'content-length': String(50 * 1024 * 1024) }, new Uint8Array(10))
    expect(await refusal(() => readBodyAtMost(declared, 1024, 'La foto è troppo grande.'))).toMatchObject({ code: 'invalid_input', message: 'La foto è troppo grande.' })
    const undeclared = post({}, streamed(100, 1024))
    expect(await refusal(() => readBodyAtMost(undeclared, 10 * 1024, 'L’immagine è troppo grande.'))).toMatchObject({ code: 'invalid_input', message: 'L’immagine è troppo grande.' })
  })
})
