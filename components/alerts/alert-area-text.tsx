import { getTranslations } from 'next-intl/server'
import type { Ring } from '@/lib/alerts/geometry-shared'
import { AlertAreaMap } from './alert-area-map'

/** Where the alert applies: the drawn area (map and words), the chosen zones, or the whole Comune. */
export async function AlertAreaText({ area, boundary }: { area: { zoneNames: string[]; drawn: Ring | null }; boundary: Ring }) {
  const [t, a] = await Promise.all([getTranslations('alerts'), getTranslations('alertArea')])
  if (area.drawn) {
    const corners = area.drawn.slice(0, -1)
    return (
      <>
        <p className="mb-2 text-lg">{a('drawn')}</p>
        <AlertAreaMap boundary={boundary} area={area.drawn} label={a('mapLabel')} />
        <p className="mb-2 text-lg">{area.zoneNames.length ? a('touches', { zones: area.zoneNames.join(', ') }) : a('touchesNone')}</p>
        <details className="mb-2">
          <summary className="min-h-11 cursor-pointer py-2 font-semibold">{a('vertices')}</summary>
          <ul className="list-disc pl-6">
            {corners.map(([lon, lat], i) => (
              <li key={i}>
                {lat.toFixed(5)}, {lon.toFixed(5)}
              </li>
            ))}
          </ul>
        </details>
      </>
    )
  }
  if (area.zoneNames.length) {
    return (
      <ul className="list-disc pl-6 text-lg">
        {area.zoneNames.map((name) => (
          <li key={name}>{name}</li>
        ))}
      </ul>
    )
  }
  return <p className="text-lg">{t('wholeComune')}</p>
}
