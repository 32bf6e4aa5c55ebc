import type { Metadata } from 'next'
import Link from 'next/link'
import { getComuneBoundary, listZonesForAdmin } from '@/lib/alerts/manage-zones'
import { getEnv } from '@/lib/env'
import { Forbidden } from '@/components/admin/forbidden'
import { WaitingAreaForm } from '@/components/admin/plan-forms'
import { FORBIDDEN, staffOrSignIn, unlessForbidden } from '../../../_lib/guard'
import { saveWaitingAreaAction } from '../../zone/actions'

export const metadata: Metadata = { title: 'Nuova area di attesa' }

export default async function NewWaitingAreaPage() {
  const actor = await staffOrSignIn()
  const zones = await unlessForbidden(() => listZonesForAdmin(actor))
  if (zones === FORBIDDEN) return <Forbidden />
  return (
    <>
      <p className="mb-2">
        <Link href="/admin/aree-di-attesa" className="inline-flex min-h-11 items-center text-primary underline">
          ← Aree di attesa
        </Link>
      </p>
      <h1 className="mb-4 text-3xl font-bold">Nuova area di attesa</h1>
      <WaitingAreaForm action={saveWaitingAreaAction} boundary={await getComuneBoundary()} tileUrl={getEnv().FILO_MAP_TILE_URL} zones={zones.filter((z) => !z.retiredAt)} />
    </>
  )
}
