import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getComuneBoundary, getZoneForAdmin } from '@/lib/alerts/manage-zones'
import { formatVertexList, type Ring } from '@/lib/alerts/geometry-shared'
import { getEnv } from '@/lib/env'
import { Forbidden } from '@/components/admin/forbidden'
import { ZoneForm, ZoneRetireForm } from '@/components/admin/plan-forms'
import { FORBIDDEN, staffOrSignIn, unlessForbidden } from '../../../_lib/guard'
import { retireZoneAction, saveZoneAction } from '../actions'

export const metadata: Metadata = { title: 'Zona' }

export default async function ZonePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await staffOrSignIn()
  const { id } = await params
  if (!/^\d{1,9}$/.test(id)) notFound()
  const zone = await unlessForbidden(() => getZoneForAdmin(actor, Number(id)))
  if (zone === FORBIDDEN) return <Forbidden />
  if (!zone) notFound()
  const saved = (await searchParams).esito === 'salvata'
  return (
    <>
      <p className="mb-2">
        <Link href="/admin/zone" className="inline-flex min-h-11 items-center text-primary underline">
          ← Zone
        </Link>
      </p>
      <h1 className="mb-4 text-3xl font-bold">{zone.name}</h1>
      {saved ? (
        <p role="status" className="mb-4 rounded border-l-4 border-success bg-success-light p-3 font-semibold text-success">
          Zona salvata.
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <ZoneForm
          key={zone.polygon.coordinates[0]?.length}
          action={saveZoneAction}
          boundary={await getComuneBoundary()}
          tileUrl={getEnv().FILO_MAP_TILE_URL}
          zone={{ id: zone.id, name: zone.name, description: zone.description, vertices: formatVertexList((zone.polygon.coordinates[0] ?? []) as Ring) }}
        />
        <div className="self-start">
          <ZoneRetireForm action={retireZoneAction} zoneId={zone.id} retired={zone.retiredAt !== null} />
        </div>
      </div>
    </>
  )
}
