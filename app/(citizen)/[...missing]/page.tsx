import { notFound } from 'next/navigation'

/**
 * Any address that matches no citizen page: answered inside the citizen layout (header,
 * menu, footer) by ../not-found.tsx, instead of the bare root page, so nobody is stranded.
 */
export default function MissingPage(): never {
  notFound()
}
