/** One thing an update changed, as a citizen would want it said. */
export type AlertChange =
  | { field: 'level'; from: string; to: string }
  | { field: 'phase'; to: string | null }
  | { field: 'validUntil'; to: Date }
  | { field: 'headline' | 'description' | 'instructions' | 'comuneActions' | 'risks' | 'zones' | 'waitingAreas' }

export type AlertHistoryEntry = { msgType: 'Alert' | 'Update' | 'Cancel'; sent: Date; changes: AlertChange[] }
