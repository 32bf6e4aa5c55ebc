import type { ReportState, ReportStatus } from '../reports/status-shared'

/** GeoReport v2 knows two states: a report is "open" until Filo's coarse state is closed. */
export function open311Status(state: ReportState | string): 'open' | 'closed' {
  return state === 'closed' ? 'closed' : 'open'
}

/**
 * Filo's detailed statuses as mySociety's extended statuses (lowercase, as GET
 * servicerequestupdates carries them), so FixMyStreet shows the right state.
 */
export const extendedStatusOf: Record<ReportStatus, string> = {
  received: 'open',
  taken: 'in_progress',
  scheduled: 'action_scheduled',
  resolved: 'fixed',
  not_competent: 'not_councils_responsibility',
  duplicate: 'duplicate',
  closed: 'closed',
}

export function extendedStatus(status: string | null, fromStatus?: string | null): string {
  if (!status) return 'unchanged'
  // Taken up again after it was closed: FixMyStreet shows it reopened.
  if (status === 'taken' && fromStatus && ['resolved', 'closed', 'not_competent'].includes(fromStatus)) return 'reopen'
  return extendedStatusOf[status as ReportStatus] ?? 'open'
}
