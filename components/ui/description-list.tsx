export type DescriptionItem = {
  label: string
  value: string
  /** Makes the value a link (tel:, mailto:, a page). */
  href?: string
}

/** Label/value pairs (contacts, when and where); values that are links get a large tap area. */
export function DescriptionList({
  items,
  inverse = false,
  className = '',
}: {
  items: DescriptionItem[]
  /** White text, for dark backgrounds. */
  inverse?: boolean
  className?: string
}) {
  const link = inverse
    ? 'text-white underline hover:no-underline'
    : 'text-primary underline hover:text-primary-dark'
  return (
    <dl className={`space-y-2 ${className}`}>
      {items.map((item) => (
        <div key={item.label} className="sm:flex sm:items-baseline sm:gap-2">
          <dt className={`font-semibold ${inverse ? 'text-white' : 'text-ink'} sm:min-w-40`}>
            {item.label}
          </dt>
          <dd className="break-words">
            {item.href ? (
              <a href={item.href} className={`inline-flex min-h-11 items-center ${link}`}>
                {item.value}
              </a>
            ) : (
              item.value
            )}
          </dd>
        </div>
      ))}
    </dl>
  )
}

/** "tel:" link for an Italian number as people write it ("+39 0575 123400"). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`
}
