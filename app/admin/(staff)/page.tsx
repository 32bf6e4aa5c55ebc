import type { Metadata } from 'next'
import Link from 'next/link'
import { roleLabels } from '@/lib/auth/actor'
import { staffOrSignIn } from '../_lib/guard'

export const metadata: Metadata = { title: 'Bacheca' }

const roleIntro = {
  admin: 'Gestisci gli account del personale, gli uffici, gli argomenti e controlla il registro delle attività.',
  operator: 'Pubblica notizie ed eventi e tieni aggiornati orari e contatti degli uffici che i cittadini vedono nell’app.',
  office: 'Tieni aggiornati orari e contatti del tuo ufficio: i cittadini li vedono nell’app.',
  civil_protection: 'Prepara, approva e chiudi le allerte di protezione civile per i cittadini.',
} as const

export default async function DashboardPage() {
  const actor = await staffOrSignIn()
  const shortcuts = [
    ...(actor.role === 'admin' || actor.role === 'civil_protection'
      ? [{ href: '/admin/allerte', title: 'Allerte', text: 'Prepara, approva, pubblica e chiudi le allerte di protezione civile.' }]
      : []),
    ...(actor.role === 'admin' || actor.role === 'operator'
      ? [
          { href: '/admin/notizie', title: 'Notizie', text: 'Scrivi, programma e pubblica le notizie; avvisa gli iscritti.' },
          { href: '/admin/eventi', title: 'Eventi', text: 'L’agenda degli eventi in città.' },
        ]
      : []),
    ...(actor.role !== 'civil_protection'
      ? [{ href: '/admin/uffici', title: actor.role === 'office' ? 'Il tuo ufficio' : 'Uffici', text: 'Orari di apertura, giorni di chiusura e contatti.' }]
      : []),
    ...(actor.role === 'admin'
      ? [
          { href: '/admin/argomenti', title: 'Argomenti', text: 'Gli argomenti che i cittadini scelgono: aggiungi, rinomina, ritira.' },
          { href: '/admin/personale', title: 'Personale', text: 'Crea account, cambia ruolo e ufficio, disattiva.' },
          { href: '/admin/registro', title: 'Registro attività', text: 'Accessi e modifiche, con chi e quando.' },
        ]
      : []),
    { href: '/', title: 'Sito per i cittadini', text: 'Come i cittadini vedono il Comune.' },
  ]
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">Bacheca</h1>
      <p className="mb-6">
        Ruolo: <strong>{roleLabels[actor.role]}</strong>. {roleIntro[actor.role]}
      </p>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {shortcuts.map((s) => (
          <li key={s.href} className="rounded border border-line bg-white p-4">
            <h2 className="text-xl font-semibold">
              <Link href={s.href} className="text-primary underline">
                {s.title}
              </Link>
            </h2>
            <p className="text-muted">{s.text}</p>
          </li>
        ))}
      </ul>
    </>
  )
}
