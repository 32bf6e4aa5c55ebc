import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'
import { getCurrentStaff } from '@/lib/auth/current-staff'
import { getComune } from '@/lib/comune/get-comune'
import { SignInForm } from './sign-in-form'

export const metadata: Metadata = { title: 'Accesso' }

/** Only paths inside the staff area are accepted as a destination after sign-in. */
function safeDestination(value: string | string[] | undefined): string {
  const path = typeof value === 'string' ? value : ''
  return /^\/admin(\/[\w\-/]*)?(\?[\w\-=&%.]*)?$/.test(path) && !path.startsWith('/admin/accedi') ? path : '/admin'
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const params = await searchParams
  const destination = safeDestination(params.callbackUrl)
  if (await getCurrentStaff()) redirect(destination)
  const comune = await getComune()
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-10">
      <p className="font-semibold text-primary">Filo · {comune?.name ?? 'Comune'}</p>
      <h1 className="mb-2 text-3xl font-bold">Accesso area riservata</h1>
      <p className="mb-6 text-muted">Per il personale del Comune. I cittadini non hanno bisogno di accedere.</p>
      {params.uscito === '1' ? (
        <p role="status" className="mb-4 rounded border-l-4 border-success bg-success-light p-3 font-semibold text-success">
          Sei uscito dall’area riservata.
        </p>
      ) : null}
      {params.scaduta === '1' ? (
        <p role="status" className="mb-4 rounded border-l-4 border-warning bg-warning-light p-3 font-semibold text-warning">
          La sessione è scaduta o non è più valida: accedi di nuovo.
        </p>
      ) : null}
      <SignInForm destination={destination} initialError={typeof params.error === 'string' ? params.error : undefined} />
      {/* There is no self-service reset (no email round trip to trust): an administrator sets a new password. */}
      <p className="mt-6">
        <strong>Password dimenticata?</strong> Chiedi a un amministratore di Filo del Comune: dalla pagina Personale può
        darti una password nuova.
      </p>
      <p className="mt-8">
        <Link href="/" className="inline-flex min-h-11 items-center text-primary underline">
          Torna al sito per i cittadini
        </Link>
      </p>
    </main>
  )
}
