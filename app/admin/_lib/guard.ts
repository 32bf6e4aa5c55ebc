import 'server-only'
import { cookies, headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { getCurrentStaff } from '@/lib/auth/current-staff'
import { clientIp } from '@/lib/auth/client-ip'
import type { RequestContext, StaffActor } from '@/lib/auth/actor'
import { AppError } from '@/lib/errors'

const SESSION_COOKIES = ['next-auth.session-token', '__Secure-next-auth.session-token']

/** The signed-in staff member, or a redirect to the sign-in page (and back here afterwards). */
export async function staffOrSignIn(): Promise<StaffActor> {
  const actor = await getCurrentStaff()
  if (actor) return actor
  const jar = await cookies()
  const hadSession = SESSION_COOKIES.some((name) => jar.has(name))
  const params = new URLSearchParams({ callbackUrl: (await headers()).get('x-filo-path') ?? '/admin' })
  if (hadSession) params.set('scaduta', '1')
  redirect(`/admin/accedi?${params}`)
}

export const FORBIDDEN = Symbol('forbidden')

/** Runs a lib read; a 'forbidden' verdict becomes a value the page renders as such. */
export async function unlessForbidden<T>(load: () => Promise<T>): Promise<T | typeof FORBIDDEN> {
  try {
    return await load()
  } catch (error) {
    if (error instanceof AppError && error.code === 'forbidden') return FORBIDDEN
    throw error
  }
}

export async function requestContext(): Promise<RequestContext> {
  return { ip: clientIp(await headers()) }
}
