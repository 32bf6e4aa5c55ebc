import Link from 'next/link'

/** Where the page sits ("Home / Uffici / URP"): the last item is the current page, not a link. */
export function Breadcrumbs({
  label,
  items,
  current,
}: {
  label: string
  items: Array<{ href: string; label: string }>
  current: string
}) {
  return (
    <nav aria-label={label} className="mb-4 text-base">
      <ol className="flex flex-wrap items-center gap-x-2">
        {items.map((item) => (
          <li key={item.href} className="flex items-center gap-x-2">
            <Link
              href={item.href}
              className="inline-flex min-h-11 min-w-11 items-center justify-center text-primary underline hover:text-primary-dark"
            >
              {item.label}
            </Link>
            <span aria-hidden="true" className="text-muted">
              /
            </span>
          </li>
        ))}
        <li aria-current="page" className="text-muted">
          {current}
        </li>
      </ol>
    </nav>
  )
}
