import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getComuneBoundary, listZonesForAdmin } from '@/lib/alerts/manage-zones'
import { getWaitingAreaForAdmin } from '@/lib/alerts/manage-waiting-areas'
import { getEnv } from '@/lib/env'
import { Forbidden } from '@/components/admin/forbidden'
import { WaitingAreaForm } from '@/components/admin/plan-forms'
import { FORBIDDEN, staffOrSignIn, unlessForbidden } from '../../../_lib/guard'
import { saveWaitingAreaAction } from '../../zone/actions'

export const metadata: Metadata = { title: 'Area di attesa' }

export default async function WaitingAreaPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await staffOrSignIn()
  const { id } = await params
  if (!/^\d{1,9}$/.test(id)) notFound()
  const loaded = await unlessForbidden(async () => ({ area: await getWaitingAreaForAdmin(actor, Number(id)), zones: await listZonesForAdmin(actor) }))
  if (loaded === FORBIDDEN) return <Forbidden />
  const { area, zones } = loaded
  if (!area) notFound()
  const saved = (await searchParams).esito === 'salvata'
  return (
    <>
      <p className="mb-2">
        <Link href="/admin/aree-di-attesa" className="inline-flex min-h-11 items-center text-primary underline">
          ← Aree di attesa
        </Link>
      </p>
      <h1 className="mb-4 text-3xl font-bold">{area.name}</h1>
      {saved ? (
        <p role="status" className="mb-4 rounded border-l-4 border-success bg-success-light p-3 font-semibold text-success">
          Area di attesa salvata.
        </p>
      ) : null}
      <WaitingAreaForm
        action={saveWaitingAreaAction}
        boundary={await getComuneBoundary()}
        tileUrl={getEnv().FILO_MAP_TILE_URL}
        zones={zones.filter((z) => !z.retiredAt || z.id === area.zoneId)}
        area={{ id: area.id, name: area.name, address: area.address, point: `${area.latitude.toFixed(5)}, ${area.longitude.toFixed(5)}`, zoneId: area.zoneId, notes: area.notes, active: area.active }}
      />
    </>
  )
}
