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
  'alert.draft': 'Allerta preparata',
  'alert.submit': 'Allerta in attesa di approvazione',
  'alert.publish': 'Allerta pubblicata',
  'alert.override': 'Allerta pubblicata senza seconda approvazione (emergenza)',
  'alert.end': 'Cessata allerta',
  'push.service_blocked': 'Servizio di notifica sospeso (credenziali rifiutate)',
  'push.service_unblocked': 'Servizio di notifica riattivato',
  'news.create': 'Notizia creata',
  'news.update': 'Notizia modificata',
  'news.publish': 'Notizia pubblicata',
  'news.schedule': 'Notizia programmata',
  'news.unpublish': 'Notizia ritirata',
  'news.delete': 'Notizia eliminata',
  'news.notify': 'Iscritti avvisati di una notizia',
  'event.create': 'Evento creato',
  'event.update': 'Evento modificato',
  'event.publish': 'Evento pubblicato',
  'event.schedule': 'Evento programmato',
  'event.unpublish': 'Evento ritirato',
  'event.delete': 'Evento eliminato',
  'event.notify': 'Iscritti avvisati di un evento',
  'topic.create': 'Argomento creato',
  'topic.update': 'Argomento modificato',
  'topic.retire': 'Argomento ritirato',
  'topic.restore': 'Argomento ripristinato',
}

export function isAuditAction(value: unknown): value is AuditAction {
  return typeof value === 'string' && value in auditActionLabels
}
