'use server'

import { cookies, headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import { LOCALE_COOKIE, locales } from '@/i18n/locales'
import { getCurrentCitizen } from '@/lib/citizens/current-citizen'
import { setCitizenLocale } from '@/lib/citizens/citizen-settings'

const setLocaleSchema = z.object({ locale: z.enum(locales) })

const ONE_YEAR = 365 * 24 * 60 * 60

/**
 * The language switch: a plain form post, so it works without JavaScript. Remembers the
 * choice in the cookie next-intl reads, then goes back to the page the citizen was on.
 */
export async function setLocale(formData: FormData): Promise<void> {
  const parsed = setLocaleSchema.safeParse({ locale: formData.get('locale') })
  if (parsed.success) {
    ;(await cookies()).set(LOCALE_COOKIE, parsed.data.locale, {
      path: '/',
      maxAge: ONE_YEAR,
      sameSite: 'lax',
      httpOnly: true,
    })
    // Push texts written for this citizen (test messages, replies) follow the same choice.
    const citizen = await getCurrentCitizen()
    if (citizen) await setCitizenLocale(citizen, parsed.data.locale)
  }
  redirect(await samePagePath())
}

/** The path of the page the form was on, from the Referer, only when it is this site; else home. */
async function samePagePath(): Promise<string> {
  const requestHeaders = await headers()
  const referer = requestHeaders.get('referer')
  const host = requestHeaders.get('x-forwarded-host') ?? requestHeaders.get('host')
  if (!referer || !host) return '/'
  try {
    const url = new URL(referer)
    if (url.host !== host) return '/'
    return `${url.pathname}${url.search}`
  } catch {
    return '/'
  }
}
