import Link from 'next/link'

const links = [
  { href: '/admin/zone', label: 'Zone' },
  { href: '/admin/aree-di-attesa', label: 'Aree di attesa' },
  { href: '/admin/norme-autoprotezione', label: 'Norme di autoprotezione' },
]

/** Sections of the emergency plan's standing data. */
export function PlanNav({ current }: { current: string }) {
  return (
    <nav aria-label="Piano di emergenza" className="mb-4">
      <ul className="flex flex-wrap gap-2">
        {links.map((l) => (
          <li key={l.href}>
            <Link
              href={l.href}
              aria-current={l.href === current ? 'page' : undefined}
              className="inline-flex min-h-11 items-center rounded border-2 border-primary px-4 font-semibold text-primary aria-[current=page]:bg-primary aria-[current=page]:text-white"
            >
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
