import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getAlertForStaff } from '@/lib/alerts/get-alert-for-staff'
import { getComposerOptions } from '@/lib/alerts/composer-options'
import { countAlertAudience } from '@/lib/alerts/count-alert-audience'
import { riskInfo } from '@/lib/alerts/cap'
import { getComuneBoundary } from '@/lib/alerts/manage-zones'
import { formatVertexList, type Ring } from '@/lib/alerts/geometry-shared'
import { getEnv } from '@/lib/env'
import { alertLevels, riskCodes } from '@/lib/alerts/schemas'
import { romeDateAndTime } from '@/lib/time/rome-instant'
import { Forbidden } from '@/components/admin/forbidden'
import { AlertForm } from '@/components/admin/alert-form'
import { FORBIDDEN, staffOrSignIn, unlessForbidden } from '../../../../_lib/guard'
import { countAudienceAction, editAlertAction } from '../../actions'

export const metadata: Metadata = { title: 'Modifica la bozza di allerta' }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

function localValue(instant: Date): string {
  const { date, time } = romeDateAndTime(instant)
  return `${date}T${time}`
}

export default async function EditAlertPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await staffOrSignIn()
  const { id } = await params
  if (!UUID.test(id)) notFound()
  const loaded = await unlessForbidden(async () => {
    const alert = await getAlertForStaff(actor, id)
    if (!alert) return null
    return {
      alert,
      options: await getComposerOptions(actor),
      audience: await countAlertAudience(actor, alert),
      boundary: await getComuneBoundary(),
    }
  })
  if (loaded === FORBIDDEN) return <Forbidden />
  if (!loaded) notFound()
  const { alert, options, audience, boundary } = loaded
  const editable = (alert.state === 'draft' || alert.state === 'pending_approval') && alert.draftedBy === actor.id
  const level = alertLevels.find((l) => l === alert.level)
  return (
    <>
      <p className="mb-2">
        <Link href={`/admin/allerte/${alert.id}`} className="inline-flex min-h-11 items-center text-primary underline">
          ← {alert.headline}
        </Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold">Modifica la bozza</h1>
      {editable ? (
        <>
          <p className="mb-4">
            {alert.state === 'pending_approval'
              ? 'Questa allerta è in attesa di approvazione: dopo le modifiche torna bozza e dovrai inviarla di nuovo.'
              : 'Le modifiche restano in bozza: non raggiungono nessuno finché l’allerta non è pubblicata.'}
          </p>
          <AlertForm
            action={editAlertAction}
            alertId={alert.id}
            countAction={countAudienceAction}
            risks={riskCodes.map((r) => ({ value: r, label: riskInfo[r].label }))}
            zones={options.zones}
            waitingAreas={options.waitingAreas}
            templates={options.templates}
            initialDevices={audience.devices}
            boundary={boundary}
            tileUrl={getEnv().FILO_MAP_TILE_URL}
            defaults={{
              validFrom: localValue(alert.validFrom),
              validUntil: localValue(alert.validUntil),
              ...(level ? { level } : {}),
              phase: alert.phase,
              risks: alert.risks,
              headline: alert.headline,
              description: alert.description,
              comuneActions: alert.comuneActions,
              instructions: alert.instructions,
              sourceUrl: alert.sourceUrl ?? '',
              issuer: alert.issuer,
              zoneIds: alert.zoneIds,
              ...(alert.customPolygon ? { customPolygon: formatVertexList((alert.customPolygon.coordinates[0] ?? []) as Ring) } : {}),
              waitingAreaIds: alert.waitingAreaIds,
            }}
          />
        </>
      ) : (
        <p className="rounded border border-line bg-white p-4">Solo chi ha preparato la bozza può modificarla, finché non è pubblicata.</p>
      )}
    </>
  )
}
