'use server'

import { redirect } from 'next/navigation'
import { revalidatePath } from 'next/cache'
import { contentIdSchema, newsFormSchema } from '@/lib/content/schemas'
import { createNewsItem } from '@/lib/content/create-news-item'
import { updateNewsItem } from '@/lib/content/update-news-item'
import { setNewsPublication } from '@/lib/content/set-news-publication'
import { deleteNewsItem } from '@/lib/content/delete-news-item'
import { fromZodError } from '@/lib/errors'
import { asStaff, type FormResult } from '../../_lib/action'
import { requestContext } from '../../_lib/guard'
import { outcomeQuery, savedMessage } from '../../_lib/content-outcome'

const text = (formData: FormData, name: string) => {
  const value = formData.get(name)
  return typeof value === 'string' ? value : ''
}

const newsFields = (formData: FormData) => ({
  ...Object.fromEntries(
    [
      'title',
      'summary',
      'body',
      'topicId',
      'imageKey',
      'imageAlt',
      'publication',
      'publishDate',
      'publishTime',
    ].map((n) => [n, text(formData, n)]),
  ),
  notify: formData.get('notify') === 'on',
})

function revalidateNews() {
  revalidatePath('/admin/notizie', 'layout')
  // The citizen home and news pages list it.
  revalidatePath('/', 'layout')
}

export async function createNewsAction(
  _previous: FormResult | null,
  formData: FormData,
): Promise<FormResult> {
  let target: string | undefined
  const result = await asStaff(async (actor) => {
    const parsed = newsFormSchema.safeParse(newsFields(formData))
    if (!parsed.success) return fromZodError(parsed.error)
    const saved = await createNewsItem(actor, parsed.data, await requestContext())
    target = `/admin/notizie/${saved.id}?${outcomeQuery(saved)}`
    return { ok: true, message: savedMessage('news', saved) }
  })
  if (result.ok && target) {
    revalidateNews()
    redirect(target)
  }
  return result
}

export async function updateNewsAction(
  _previous: FormResult | null,
  formData: FormData,
): Promise<FormResult> {
  return asStaff(async (actor) => {
    const id = contentIdSchema.safeParse({ id: text(formData, 'id') })
    if (!id.success) return fromZodError(id.error)
    const parsed = newsFormSchema.safeParse(newsFields(formData))
    if (!parsed.success) return fromZodError(parsed.error)
    const saved = await updateNewsItem(
      actor,
      { ...parsed.data, id: id.data.id },
      await requestContext(),
    )
    revalidateNews()
    return { ok: true, message: savedMessage('news', saved) }
  })
}

export async function withdrawNewsAction(
  _previous: FormResult | null,
  formData: FormData,
): Promise<FormResult> {
  return asStaff(async (actor) => {
    const parsed = contentIdSchema.safeParse({ id: text(formData, 'id') })
    if (!parsed.success) return fromZodError(parsed.error)
    await setNewsPublication(
      actor,
      { id: parsed.data.id, publication: { mode: 'draft' }, notify: false },
      await requestContext(),
    )
    revalidateNews()
    return { ok: true, message: 'Notizia ritirata: ora è una bozza.' }
  })
}

export async function deleteNewsAction(
  _previous: FormResult | null,
  formData: FormData,
): Promise<FormResult> {
  const result = await asStaff(async (actor) => {
    const parsed = contentIdSchema.safeParse({ id: text(formData, 'id') })
    if (!parsed.success) return fromZodError(parsed.error)
    await deleteNewsItem(actor, parsed.data, await requestContext())
    return { ok: true, message: 'Notizia eliminata.' }
  })
  if (result.ok) {
    revalidateNews()
    redirect('/admin/notizie?eliminata=1')
  }
  return result
}
