import { roleLabels } from '@/lib/auth/actor'
import { SignOutButton } from '@/components/admin/sign-out-button'
import { AdminNav } from '@/components/admin/admin-nav'
import { staffOrSignIn } from '../_lib/guard'

export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  // For comfort only: every page and action checks the actor again through lib.
  const actor = await staffOrSignIn()
  const links = [
    { href: '/admin', label: 'Bacheca' },
    ...(actor.role !== 'civil_protection' ? [{ href: '/admin/segnalazioni', label: 'Segnalazioni' }] : []),
    ...(actor.role !== 'civil_protection' ? [{ href: '/admin/chat', label: 'Chat' }] : []),
    ...(actor.role === 'admin' || actor.role === 'civil_protection' ? [{ href: '/admin/allerte', label: 'Allerte' }] : []),
    ...(actor.role === 'admin' || actor.role === 'operator'
      ? [
          { href: '/admin/notizie', label: 'Notizie' },
          { href: '/admin/eventi', label: 'Eventi' },
          { href: '/admin/campagne', label: 'Campagne' },
        ]
      : []),
    ...(actor.role !== 'office' ? [{ href: '/admin/invii', label: 'Invii' }] : []),
    ...(actor.role !== 'civil_protection' ? [{ href: '/admin/uffici', label: 'Uffici' }] : []),
    ...(actor.role === 'admin'
      ? [
          { href: '/admin/zone', label: 'Zone e aree di attesa' },
          { href: '/admin/argomenti', label: 'Argomenti' },
          { href: '/admin/personale', label: 'Personale' },
          { href: '/admin/open311', label: 'Open311' },
          { href: '/admin/registro', label: 'Registro attività' },
        ]
      : []),
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
        <AdminNav links={links} />
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
    </div>
  )
}
