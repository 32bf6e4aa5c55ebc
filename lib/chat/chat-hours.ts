import 'server-only'
import { comuneSettings } from '@/db/schema/comune'
import type { DbOrTx } from '@/db/client'
import { computeOpeningState, type OfficeHours, type OpeningState } from '../offices/opening-state-shared'
import { getEnv } from '../env'

/** Monday to Friday, 8:30–13:00 (Europe/Rome), as the Comune's counters. */
export const DEFAULT_CHAT_HOURS: Pick<OfficeHours, 'weeklyHours' | 'closedDays'> = {
  weeklyHours: {
    '1': [['08:30', '13:00']],
    '2': [['08:30', '13:00']],
    '3': [['08:30', '13:00']],
    '4': [['08:30', '13:00']],
    '5': [['08:30', '13:00']],
  },
  closedDays: [],
}

/** The chat's opening hours: FILO_CHAT_HOURS or the default, plus national holidays and the patron day. */
export async function getChatHours(db: DbOrTx): Promise<OfficeHours> {
  const configured = getEnv().FILO_CHAT_HOURS
  const [comune] = await db.select({ patronDay: comuneSettings.patronDay }).from(comuneSettings)
  return {
    weeklyHours: (configured?.weeklyHours as OfficeHours['weeklyHours'] | undefined) ?? DEFAULT_CHAT_HOURS.weeklyHours,
    closedDays: configured?.closedDays ?? DEFAULT_CHAT_HOURS.closedDays,
    patronDay: comune?.patronDay ?? null,
  }
}

export async function getChatOpeningState(db: DbOrTx, at: Date): Promise<OpeningState> {
  return computeOpeningState(await getChatHours(db), at)
}
