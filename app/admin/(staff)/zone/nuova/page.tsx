import type { Metadata } from 'next'
import Link from 'next/link'
import { getComuneBoundary, listZonesForAdmin } from '@/lib/alerts/manage-zones'
import { getEnv } from '@/lib/env'
import { Forbidden } from '@/components/admin/forbidden'
import { ZoneForm } from '@/components/admin/plan-forms'
import { FORBIDDEN, staffOrSignIn, unlessForbidden } from '../../../_lib/guard'
import { saveZoneAction } from '../actions'

export const metadata: Metadata = { title: 'Nuova zona' }

export default async function NewZonePage() {
  const actor = await staffOrSignIn()
  // The list call checks the role before the map is prepared.
  const allowed = await unlessForbidden(() => listZonesForAdmin(actor))
  if (allowed === FORBIDDEN) return <Forbidden />
  return (
    <>
      <p className="mb-2">
        <Link href="/admin/zone" className="inline-flex min-h-11 items-center text-primary underline">
          ← Zone
        </Link>
      </p>
      <h1 className="mb-4 text-3xl font-bold">Nuova zona</h1>
      <ZoneForm action={saveZoneAction} boundary={await getComuneBoundary()} tileUrl={getEnv().FILO_MAP_TILE_URL} />
    </>
  )
}
