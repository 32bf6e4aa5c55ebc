import type { ReactNode } from 'react'

/** The page's single h1, with an optional lead paragraph under it. */
export function PageTitle({ children, lead }: { children: ReactNode; lead?: ReactNode }) {
  return (
    <div className="mb-8">
      <h1 className="text-3xl font-bold leading-tight text-ink sm:text-4xl">{children}</h1>
      {lead ? <p className="mt-3 max-w-prose text-lg text-muted">{lead}</p> : null}
    </div>
  )
}
