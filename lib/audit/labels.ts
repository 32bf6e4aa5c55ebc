import type { AuditAction } from './record-audit'

export const auditActionLabels: Record<AuditAction, string> = {
  'auth.sign_in': 'Accesso',
  'auth.sign_in_failed': 'Accesso non riuscito',
  'auth.sign_in_throttled': 'Accesso bloccato per troppi tentativi',
  'auth.sign_out': 'Uscita',
  'staff.create': 'Account creato',
  'staff.update': 'Account modificato',
  'staff.password_reset': 'Password reimpostata',
  'staff.deactivate': 'Account disattivato',
  'staff.reactivate': 'Account riattivato',
  'office.update': 'Ufficio modificato',
}

export function isAuditAction(value: unknown): value is AuditAction {
  return typeof value === 'string' && value in auditActionLabels
}
