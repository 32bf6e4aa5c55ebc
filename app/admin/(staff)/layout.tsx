import { roleLabels, type StaffActor } from '@/lib/auth/actor'
import { SignOutButton } from '@/components/admin/sign-out-button'
import { AdminNav, type AdminNavSection } from '@/components/admin/admin-nav'
import { staffOrSignIn } from '../_lib/guard'

export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  // For comfort only: every page and action checks the actor again through lib.
  const actor = await staffOrSignIn()
  const role = actor.role
  const is = (...roles: Array<StaffActor['role']>) => roles.includes(role)
  // Which role sees what is unchanged (each page checks again through lib); only the grouping is new.
  const sections: AdminNavSection[] = [
    { label: null, links: [{ href: '/admin', label: 'Bacheca' }] },
    {
      label: 'Comunicazione',
      links: [
        ...(is('admin', 'operator')
          ? [
              { href: '/admin/notizie', label: 'Notizie' },
              { href: '/admin/eventi', label: 'Eventi' },
              { href: '/admin/campagne', label: 'Campagne' },
            ]
          : []),
        ...(is('admin', 'operator', 'civil_protection') ? [{ href: '/admin/invii', label: 'Invii' }] : []),
      ],
    },
    {
      label: 'Segnalazioni e chat',
      links: is('admin', 'operator', 'office')
        ? [
            { href: '/admin/segnalazioni', label: 'Segnalazioni' },
            { href: '/admin/chat', label: 'Chat' },
            { href: '/admin/uffici', label: 'Uffici' },
          ]
        : [],
    },
    {
      label: 'Protezione civile',
      links: [
        ...(is('admin', 'civil_protection') ? [{ href: '/admin/allerte', label: 'Allerte' }] : []),
        ...(is('admin') ? [{ href: '/admin/zone', label: 'Zone e aree di attesa' }] : []),
      ],
    },
    {
      label: 'Amministrazione',
      links: is('admin')
        ? [
            { href: '/admin/argomenti', label: 'Argomenti' },
            { href: '/admin/segnalazioni/categorie', label: 'Categorie segnalazioni' },
            { href: '/admin/personale', label: 'Personale' },
            { href: '/admin/open311', label: 'Open311' },
            { href: '/admin/registro', label: 'Registro attività' },
          ]
        : [],
    },
  ]
  return (
    <div className="min-h-dvh bg-surface">
      <header className="bg-primary text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <div>
            <p className="text-lg font-bold">Filo · Area riservata</p>
            <p>
              {actor.name} · {roleLabels[actor.role]}
            </p>
          </div>
          <SignOutButton />
        </div>
        <AdminNav sections={sections.filter((s) => s.links.length > 0)} />
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
    </div>
  )
}
