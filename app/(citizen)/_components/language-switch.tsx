import { getTranslations } from 'next-intl/server'
import { locales, type Locale } from '@/i18n/locales'
import { setLocale } from '../_actions/set-locale'

/** "Italiano | English": each a submit button, so the switch needs no JavaScript. */
export async function LanguageSwitch({ locale }: { locale: Locale }) {
  const t = await getTranslations('language')
  return (
    <form action={setLocale}>
      <div role="group" aria-label={t('label')} className="flex items-center gap-1">
        {locales.map((option) => {
          const current = option === locale
          return (
            <button
              key={option}
              type="submit"
              name="locale"
              value={option}
              lang={option}
              aria-pressed={current}
              className={`min-h-11 rounded px-3 font-semibold ${
                current ? 'bg-white text-primary-dark' : 'text-white underline hover:bg-white/15'
              }`}
            >
              {t(option)}
            </button>
          )
        })}
      </div>
    </form>
  )
}
