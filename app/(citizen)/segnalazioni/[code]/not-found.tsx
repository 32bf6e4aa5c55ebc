import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { NoticePanel } from '@/components/ui/notice-panel'

/** A report code that matches nothing: most often mistyped, so the citizen can type it again. */
export default async function ReportNotFound() {
  const t = await getTranslations('reports.missing')
  return (
    <NoticePanel title={t('title')}>
      <p>{t('text')}</p>
      <form action="/segnalazioni/cerca" method="get" className="mt-6">
        <label htmlFor="codice" className="block font-semibold">
          {t('label')}
        </label>
        <p id="codice-hint" className="text-muted">
          {t('hint')}
        </p>
        <div className="mt-1 flex flex-wrap gap-3">
          <input
            id="codice"
            name="codice"
            required
            autoComplete="off"
            aria-describedby="codice-hint"
            className="min-h-12 w-64 max-w-full rounded-md border-2 border-muted px-3 py-2 font-mono text-lg uppercase"
          />
          <button type="submit" className="min-h-12 rounded-md bg-primary px-5 font-semibold text-white hover:bg-primary-dark">
            {t('search')}
          </button>
        </div>
      </form>
      <p className="mt-6">
        <Link href="/segnalazioni" className="inline-flex min-h-11 items-center font-semibold text-primary underline">
          {t('all')}
        </Link>
      </p>
      <p>
        <Link href="/segnalazioni/mie" className="inline-flex min-h-11 items-center font-semibold text-primary underline">
          {t('mine')}
        </Link>
      </p>
    </NoticePanel>
  )
}
