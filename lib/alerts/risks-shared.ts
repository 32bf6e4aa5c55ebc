import type { riskCodes } from './schemas'

type RiskCode = (typeof riskCodes)[number]

/** How each risk is named to people, in Italian and English (CAP adds its codes in cap.ts). */
export const riskLabels: Record<RiskCode, { it: string; en: string }> = {
  idrogeologico: { it: 'Idrogeologico', en: 'Landslides and flash floods' },
  idraulico: { it: 'Idraulico', en: 'River flooding' },
  temporali: { it: 'Temporali', en: 'Thunderstorms' },
  vento: { it: 'Vento', en: 'Wind' },
  neve: { it: 'Neve', en: 'Snow' },
  ghiaccio: { it: 'Ghiaccio', en: 'Ice' },
  'temperature-estreme': { it: 'Temperature estreme', en: 'Extreme temperatures' },
  'incendi-boschivi': { it: 'Incendi boschivi', en: 'Forest fires' },
  mareggiate: { it: 'Mareggiate', en: 'Storm surges' },
  altro: { it: 'Altro', en: 'Other' },
}

/** A stored risk code as a person reads it; an unknown code is shown as it is. */
export function riskLabel(code: string, locale: string): string {
  const labels = riskLabels[code as RiskCode]
  return labels ? (locale === 'en' ? labels.en : labels.it) : code
}
