import 'server-only'
import { getCurrentStaff } from '@/lib/auth/current-staff'
import type { StaffActor } from '@/lib/auth/actor'
import { AppError, toActionFailure, type ActionFailure } from '@/lib/errors'
import { getLogger } from '@/lib/log'

export type FormResult = { ok: true; message: string } | ActionFailure

/**
 * The shared tail of every staff server action: resolve the actor again (a layout check
 * is not enough: actions can be called directly), run the capability, translate errors.
 */
export async function asStaff(run: (actor: StaffActor) => Promise<FormResult>): Promise<FormResult> {
  try {
    const actor = await getCurrentStaff()
    if (!actor) throw new AppError('unauthenticated', 'La sessione è scaduta: ricarica la pagina e accedi di nuovo.')
    return await run(actor)
  } catch (error) {
    if (isNavigation(error)) throw error
    return toActionFailure(error, (e) => getLogger().error({ err: e }, 'staff action failed'))
  }
}

/** redirect() and notFound() work by throwing; they must pass through. */
function isNavigation(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest
  return typeof digest === 'string' && (digest.startsWith('NEXT_REDIRECT') || digest.startsWith('NEXT_HTTP_ERROR_FALLBACK'))
}
