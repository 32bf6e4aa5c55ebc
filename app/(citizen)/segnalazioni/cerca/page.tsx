import { redirect } from 'next/navigation'

/**
 * "Cerca di nuovo" on an unknown report code: a plain GET form (works without JavaScript)
 * lands here and goes on to the report, forgiving spaces and lower case.
 */
export default async function FindReportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).codice
  const code = (typeof raw === 'string' ? raw : '').replace(/\s+/g, '').toUpperCase().slice(0, 40)
  redirect(code ? `/segnalazioni/${encodeURIComponent(code)}` : '/segnalazioni')
}
