import type { Metadata } from 'next'
import Link from 'next/link'
import { getComposerOptions } from '@/lib/alerts/composer-options'
import { countAlertAudience } from '@/lib/alerts/count-alert-audience'
import { riskInfo } from '@/lib/alerts/cap'
import { getComuneBoundary } from '@/lib/alerts/manage-zones'
import { getEnv } from '@/lib/env'
import { riskCodes } from '@/lib/alerts/schemas'
import { romeDateAndTime } from '@/lib/time/rome-instant'
import { Forbidden } from '@/components/admin/forbidden'
import { AlertForm } from '@/components/admin/alert-form'
import { FORBIDDEN, staffOrSignIn, unlessForbidden } from '../../../_lib/guard'
import { countAudienceAction, createAlertAction } from '../actions'

export const metadata: Metadata = { title: 'Nuova allerta' }

function localValue(instant: Date): string {
  const { date, time } = romeDateAndTime(instant)
  return `${date}T${time}`
}

export default async function NewAlertPage() {
  const actor = await staffOrSignIn()
  const loaded = await unlessForbidden(async () => ({
    options: await getComposerOptions(actor),
    audience: await countAlertAudience(actor, { zoneIds: [] }),
    boundary: await getComuneBoundary(),
  }))
  if (loaded === FORBIDDEN) return <Forbidden />
  const { options, audience, boundary } = loaded
  const now = new Date()
  return (
    <>
      <p className="mb-2">
        <Link href="/admin/allerte" className="inline-flex min-h-11 items-center text-primary underline">
          ← Allerte
        </Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold">Nuova allerta</h1>
      <p className="mb-4">La bozza non raggiunge nessuno: la pubblicherai dalla sua pagina. Le allerte arancioni e rosse richiedono l’approvazione di un’altra persona.</p>
      <AlertForm
        action={createAlertAction}
        countAction={countAudienceAction}
        risks={riskCodes.map((r) => ({ value: r, label: riskInfo[r].label }))}
        zones={options.zones}
        waitingAreas={options.waitingAreas}
        templates={options.templates}
        initialDevices={audience.devices}
        boundary={boundary}
        tileUrl={getEnv().FILO_MAP_TILE_URL}
        defaults={{ validFrom: localValue(now), validUntil: localValue(new Date(now.getTime() + 6 * 3_600_000)) }}
      />
    </>
  )
}
