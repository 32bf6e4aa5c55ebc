import type { ReactNode } from 'react'

/** A page-level message (not found, something went wrong): an h1, a few words, ways out. */
export function NoticePanel({
  title,
  children,
  actions,
}: {
  title: string
  children: ReactNode
  actions?: ReactNode
}) {
  return (
    <div className="max-w-prose py-4 sm:py-8">
      <h1 className="text-3xl font-bold leading-tight sm:text-4xl">{title}</h1>
      <div className="mt-4 text-lg">{children}</div>
      {actions ? <div className="mt-8 flex flex-wrap gap-3">{actions}</div> : null}
    </div>
  )
}

export const buttonClass =
  'inline-flex min-h-11 items-center justify-center rounded-md bg-primary px-5 py-2 font-semibold text-white hover:bg-primary-dark'
