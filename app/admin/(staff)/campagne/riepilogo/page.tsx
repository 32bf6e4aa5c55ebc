import type { Metadata } from 'next'
import Link from 'next/link'
import { getDigestSettings } from '@/lib/digest/digest-settings'
import { Forbidden } from '@/components/admin/forbidden'
import { DigestForm } from '@/components/admin/digest-form'
import { FORBIDDEN, staffOrSignIn, unlessForbidden } from '../../../_lib/guard'
import { saveDigestSettingsAction } from './actions'

export const metadata: Metadata = { title: 'Riepilogo settimanale degli eventi' }

export default async function DigestSettingsPage() {
  const actor = await staffOrSignIn()
  const settings = await unlessForbidden(() => getDigestSettings(actor))
  if (settings === FORBIDDEN) return <Forbidden />
  return (
    <>
      <p className="mb-2">
        <Link href="/admin/campagne" className="inline-flex min-h-11 items-center text-primary underline">
          ← Campagne
        </Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold">Riepilogo settimanale degli eventi</h1>
      <p className="mb-2 max-w-prose">
        Una volta alla settimana chi segue l’argomento «Eventi» riceve l’elenco degli eventi dei 7 giorni successivi. Se non ce ne
        sono, non parte nulla.
      </p>
      <p className="mb-6 font-semibold">
        {settings.enabled ? `Adesso parte ${settings.description}.` : 'Adesso è disattivato.'}
      </p>
      <DigestForm action={saveDigestSettingsAction} enabled={settings.enabled} weekday={settings.weekday ?? 1} hour={settings.hour ?? 8} />
    </>
  )
}
