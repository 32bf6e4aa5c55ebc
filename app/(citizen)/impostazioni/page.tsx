import type { Metadata } from 'next'
import { connection } from 'next/server'
import { getTranslations } from 'next-intl/server'
import { getComune } from '@/lib/comune/get-comune'
import { getCurrentCitizen } from '@/lib/citizens/current-citizen'
import { getTopicChoices } from '@/lib/citizens/citizen-settings'
import { listDevices } from '@/lib/citizens/manage-devices'
import { listZoneChoices } from '@/lib/citizens/list-zone-choices'
import { PageTitle } from '@/components/ui/page-title'
import { getCitizenLocale } from '../_lib/locale'
import { eraseDataAction, saveTopicsAction, saveZonesAction } from './actions'
import { EraseDataForm } from './_components/erase-data-form'
import { PushSettings } from './_components/push-settings'
import { pushSettingsTexts } from './_components/push-settings-texts'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('settings')
  return { title: t('title') }
}

const outcomes = {
  argomenti: { ok: true, key: 'topicsSaved', section: 'argomenti' },
  privacy: { ok: false, key: 'privacyRequired', section: 'argomenti' },
  errore: { ok: false, key: 'topicsInvalid', section: 'argomenti' },
  zone: { ok: true, key: 'zonesSaved', section: 'zone' },
  'zone-errore': { ok: false, key: 'zonesInvalid', section: 'zone' },
  'zone-prima': { ok: false, key: 'zonesNeedCitizen', section: 'zone' },
  cancellato: { ok: true, key: 'erased', section: 'dati' },
  conferma: { ok: false, key: 'eraseRequired', section: 'dati' },
} as const

export default async function SettingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection()
  const [t, comune, citizen, locale, params] = await Promise.all([
    getTranslations('settings'),
    getComune(),
    getCurrentCitizen(),
    getCitizenLocale(),
    searchParams,
  ])
  const [topics, devices, zoneChoices] = await Promise.all([
    getTopicChoices(citizen),
    citizen ? listDevices(citizen) : Promise.resolve([]),
    listZoneChoices({ actor: citizen }),
  ])
  const outcome = typeof params.esito === 'string' && params.esito in outcomes ? outcomes[params.esito as keyof typeof outcomes] : null
  const privacyVersion = comune?.privacyNoticeVersion ?? ''
  const outcomeBox = (section: 'argomenti' | 'zone' | 'dati') =>
    outcome?.section === section ? (
      <p
        role={outcome.ok ? 'status' : 'alert'}
        className={`mb-4 rounded-md border-l-4 p-3 font-semibold ${outcome.ok ? 'border-success bg-success-light text-success' : 'border-danger bg-danger-light text-danger'}`}
      >
        {t(outcome.key)}
      </p>
    ) : null

  return (
    <>
      <PageTitle lead={t('lead')}>{t('title')}</PageTitle>

      <section aria-labelledby="push-heading" className="mb-10">
        <h2 id="push-heading" className="mb-3 text-2xl font-bold">
          {t('pushHeading')}
        </h2>
        <PushSettings
          privacyVersion={privacyVersion}
          hasCitizen={citizen !== null}
          consentForm="topics-form"
          chosenTopics={topics.filter((x) => x.chosen).map((x) => x.id)}
          devices={devices.map((d) => ({ endpoint: d.endpoint, enabled: d.enabled }))}
          texts={await pushSettingsTexts(locale)}
        />
        {citizen ? <p className="mt-3 text-muted">{t('devices', { count: devices.filter((d) => d.enabled).length })}</p> : null}
      </section>

      <section aria-labelledby="argomenti" className="mb-10">
        <h2 id="argomenti" className="mb-2 text-2xl font-bold">
          {t('topicsHeading')}
        </h2>
        <p className="mb-4 max-w-prose">{t('topicsLead')}</p>
        {outcomeBox('argomenti')}
        {!citizen ? (
          <p className="mb-4 max-w-prose">
            <a href="#privacy-consent" className="inline-flex min-h-11 items-center text-primary underline">
              {t('privacyAbove')}
            </a>
          </p>
        ) : null}
        <form id="topics-form" action={saveTopicsAction}>
          <fieldset>
            <legend className="sr-only">{t('topicsHeading')}</legend>
            <ul className="grid gap-2">
              {topics.map((topic) => (
                <li key={topic.id}>
                  <label className="flex min-h-12 cursor-pointer items-start gap-3 rounded-md border-2 border-line bg-white p-3 hover:border-primary">
                    <input type="checkbox" name="topic" value={topic.id} defaultChecked={topic.chosen} className="mt-1 size-6 shrink-0 accent-primary" />
                    <span>
                      <span className="text-lg font-semibold">{locale === 'en' ? topic.nameEn : topic.nameIt}</span>
                      {topic.recommended ? (
                        <span className="ml-2 rounded bg-success-light px-2 text-sm font-semibold text-success">{t('recommended')}</span>
                      ) : null}
                      <span className="block text-muted">{locale === 'en' ? topic.descriptionEn : topic.descriptionIt}</span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <button type="submit" className="mt-4 min-h-12 rounded-md bg-primary px-5 font-semibold text-white hover:bg-primary-dark">
            {t('saveTopics')}
          </button>
        </form>
      </section>

      {zoneChoices.length > 0 ? (
        <section aria-labelledby="zone" className="mb-10">
          <h2 id="zone" className="mb-2 text-2xl font-bold">
            {t('zonesHeading')}
          </h2>
          {outcomeBox('zone')}
          {citizen ? (
            <form action={saveZonesAction}>
              <fieldset aria-describedby="zone-lead">
                <legend className="mb-1 text-xl font-semibold">{t('zonesQuestion')}</legend>
                <p id="zone-lead" className="mb-4 max-w-prose">
                  {t('zonesLead')}
                </p>
                <ul className="grid gap-2">
                  {zoneChoices.map((zone) => (
                    <li key={zone.id}>
                      <label className="flex min-h-12 cursor-pointer items-start gap-3 rounded-md border-2 border-line bg-white p-3 hover:border-primary">
                        <input type="checkbox" name="zone" value={zone.id} defaultChecked={zone.chosen} className="mt-1 size-6 shrink-0 accent-primary" />
                        <span>
                          <span className="text-lg font-semibold" lang="it">
                            {zone.name}
                          </span>
                          {zone.description ? (
                            <span className="block text-muted" lang="it">
                              {zone.description}
                            </span>
                          ) : null}
                        </span>
                      </label>
                    </li>
                  ))}
                </ul>
              </fieldset>
              <p className="mt-3 text-muted">
                {zoneChoices.some((z) => z.chosen)
                  ? t('zonesChosen', { zones: zoneChoices.filter((z) => z.chosen).map((z) => z.name).join(', ') })
                  : t('zonesNone')}
              </p>
              <button type="submit" className="mt-4 min-h-12 rounded-md bg-primary px-5 font-semibold text-white hover:bg-primary-dark">
                {t('saveZones')}
              </button>
            </form>
          ) : (
            <>
              <p className="mb-2 max-w-prose text-lg font-semibold">{t('zonesQuestion')}</p>
              <p className="max-w-prose">{t('zonesLead')}</p>
              <p className="mt-3 max-w-prose">{t('zonesNeedCitizen')}</p>
            </>
          )}
        </section>
      ) : null}

      <section aria-labelledby="dati" className="mb-10">
        <h2 id="dati" className="mb-2 text-2xl font-bold">
          {t('dataHeading')}
        </h2>
        {outcomeBox('dati')}
        {citizen ? (
          <>
            <p className="mb-4 max-w-prose">{t('dataLead')}</p>
            <EraseDataForm action={eraseDataAction} className="rounded-md border-2 border-danger p-4">
              <label className="flex min-h-12 items-start gap-3">
                <input type="checkbox" name="confirm" className="mt-1 size-6 shrink-0 accent-danger" />
                <span className="font-semibold">{t('eraseConfirm')}</span>
              </label>
              <button type="submit" className="mt-3 min-h-12 rounded-md bg-danger px-5 font-semibold text-white hover:opacity-90">
                {t('eraseButton')}
              </button>
            </EraseDataForm>
          </>
        ) : (
          <p>{t('noData')}</p>
        )}
      </section>
    </>
  )
}
