import {
  computeOpeningState,
  type OfficeHours,
  type OpeningState,
} from '@/lib/offices/opening-state-shared'
import type { PublicOffice } from '@/lib/offices/list-offices'

/** What an office's live status needs: its hours for the browser and the state for the first paint. */
export function officeStatusProps(
  office: Pick<PublicOffice, 'weeklyHours' | 'closedDays'>,
  patronDay: string | null,
  now: Date,
): { hours: OfficeHours; initial: OpeningState } {
  const hours: OfficeHours = {
    weeklyHours: office.weeklyHours,
    closedDays: office.closedDays,
    patronDay,
  }
  return { hours, initial: computeOpeningState(hours, now) }
}
