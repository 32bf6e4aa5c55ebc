import Link from 'next/link'

export function Forbidden({ message = 'Il tuo ruolo non permette di aprire questa pagina.' }: { message?: string }) {
  return (
    <div>
      <h1 className="mb-3 text-3xl font-bold">Accesso non consentito</h1>
      <p className="mb-4">{message}</p>
      <Link href="/admin" className="inline-flex min-h-11 items-center text-primary underline">
        Torna alla bacheca
      </Link>
    </div>
  )
}
