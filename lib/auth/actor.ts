import type { StaffRole } from '@/db/schema/staff'
import { AppError } from '../errors'

/** A signed-in staff member, as every staff capability receives it. */
export type StaffActor = {
  kind: 'staff'
  id: string
  email: string
  name: string
  role: StaffRole
  /** Set for the office role only: the office whose work they see. */
  officeId: number | null
}

/** Context of the request an action came from, for the audit log. */
export type RequestContext = { ip: string | null }

export const roleLabels: Record<StaffRole, string> = {
  admin: 'Amministratore',
  operator: 'Operatore URP e comunicazione',
  office: 'Ufficio',
  civil_protection: 'Protezione civile',
}

export function assertRole(actor: StaffActor | null | undefined, roles: readonly StaffRole[]): asserts actor is StaffActor {
  if (!actor) throw new AppError('unauthenticated', 'Devi accedere per continuare.')
  if (!roles.includes(actor.role)) {
    throw new AppError('forbidden', 'Il tuo ruolo non permette questa operazione.')
  }
}

/** Office staff see their own office only; admins and operators see every office. */
export function assertOfficeAccess(actor: StaffActor | null | undefined, officeId: number): asserts actor is StaffActor {
  assertRole(actor, ['admin', 'operator', 'office'])
  if (actor.role === 'office' && actor.officeId !== officeId) {
    throw new AppError('forbidden', 'Puoi vedere e modificare solo il tuo ufficio.')
  }
}

export function actorLabel(actor: Pick<StaffActor, 'name' | 'email'>): string {
  return `${actor.name} <${actor.email}>`
}
