import { describe, expect, it } from 'vitest'
import { readSignInError } from './sign-in-errors'

describe('readSignInError', () => {
  it('turns invalid input into field errors, keeping only known fields', () => {
    const error = `invalid_input:${JSON.stringify({ email: 'Scrivi la tua email.', password: 'La password è troppo lunga.', evil: '<script>' })}`
    expect(readSignInError(error)).toEqual({
      message: 'Controlla i campi evidenziati.',
      fieldErrors: { email: 'Scrivi la tua email.', password: 'La password è troppo lunga.' },
    })
  })

  it('shows the throttle message but never arbitrary text from the URL', () => {
    expect(readSignInError('throttled:Troppi tentativi di accesso non riusciti. Per sicurezza riprova tra 3 minuti.').message).toBe(
      'Troppi tentativi di accesso non riusciti. Per sicurezza riprova tra 3 minuti.',
    )
    expect(readSignInError('throttled:Chiama questo numero 899...').message).toBe('Email o password non corretti.')
    expect(readSignInError('CredentialsSignin').message).toBe('Email o password non corretti.')
  })
})
