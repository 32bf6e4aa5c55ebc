/**
 * The state machine of a report. Pure: the staff page uses it to offer only the moves
 * that are allowed, the server to refuse the others.
 */

export const REPORT_STATUSES = ['received', 'taken', 'scheduled', 'resolved', 'not_competent', 'duplicate', 'closed'] as const
export type ReportStatus = (typeof REPORT_STATUSES)[number]

export const REPORT_STATES = ['new', 'in_progress', 'waiting', 'closed'] as const
export type ReportState = (typeof REPORT_STATES)[number]

export const REPORT_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const
export type ReportPriority = (typeof REPORT_PRIORITIES)[number]

/** The coarse queue each detailed status belongs to. */
export const stateOfStatus: Record<ReportStatus, ReportState> = {
  received: 'new',
  taken: 'in_progress',
  scheduled: 'waiting',
  resolved: 'closed',
  not_competent: 'closed',
  duplicate: 'closed',
  closed: 'closed',
}

export const statusLabels: Record<ReportStatus, string> = {
  received: 'Ricevuta',
  taken: 'Presa in carico',
  scheduled: 'Programmata',
  resolved: 'Risolta',
  not_competent: 'Non di competenza',
  duplicate: 'Duplicata',
  closed: 'Chiusa',
}

export const stateLabels: Record<ReportState, string> = {
  new: 'Nuova',
  in_progress: 'In lavorazione',
  waiting: 'In attesa',
  closed: 'Chiusa',
}

export const priorityLabels: Record<ReportPriority, string> = {
  low: 'Bassa',
  normal: 'Normale',
  high: 'Alta',
  urgent: 'Urgente',
}

const closing: ReportStatus[] = ['resolved', 'not_competent', 'closed']

/**
 * Moves staff may make from each status. "duplicate" is reached only by merging into another
 * report; a closed report can be taken up again.
 */
const transitions: Record<ReportStatus, ReportStatus[]> = {
  received: ['taken', 'scheduled', ...closing],
  taken: ['scheduled', ...closing],
  scheduled: ['taken', ...closing],
  resolved: ['taken', 'closed'],
  not_competent: ['taken'],
  duplicate: [],
  closed: ['taken'],
}

export function allowedTransitions(from: ReportStatus): ReportStatus[] {
  return transitions[from]
}

export function canTransition(from: ReportStatus, to: ReportStatus): boolean {
  return transitions[from].includes(to)
}

export function isReportStatus(value: string): value is ReportStatus {
  return (REPORT_STATUSES as readonly string[]).includes(value)
}

/** Closing as "not competent" must tell the citizen who to turn to. */
export function needsPublicNote(to: ReportStatus): boolean {
  return to === 'not_competent'
}

export function isOpenStatus(status: ReportStatus): boolean {
  return stateOfStatus[status] !== 'closed'
}
