/**
 * next-auth hands the sign-in page a coded error string ("code:detail"): from the client
 * after a failed attempt, or in the ?error= query after a direct POST. This turns it into
 * what the person should read. Pure: shared by the page and the form.
 */
export function readSignInError(error: string): { message: string; fieldErrors?: Record<string, string> } {
  const [code, ...rest] = error.split(':')
  const detail = rest.join(':')
  if (code === 'invalid_input') {
    try {
      const parsed: unknown = JSON.parse(detail)
      const fieldErrors: Record<string, string> = {}
      if (parsed && typeof parsed === 'object') {
        for (const [field, message] of Object.entries(parsed)) {
          if ((field === 'email' || field === 'password') && typeof message === 'string') fieldErrors[field] = message.slice(0, 200)
        }
      }
      return { message: 'Controlla i campi evidenziati.', fieldErrors }
    } catch {
      return { message: 'Controlla i campi evidenziati.' }
    }
  }
  if (code === 'throttled' && detail.startsWith('Troppi tentativi')) return { message: detail.slice(0, 200) }
  if (code === 'unavailable') return { message: 'Accesso non disponibile in questo momento. Riprova tra poco.' }
  if (code === 'MissingCSRF' || code === 'csrf') return { message: 'La pagina era scaduta: riprova ad accedere.' }
  return { message: 'Email o password non corretti.' }
}
