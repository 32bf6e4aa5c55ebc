'use server'

import { redirect } from 'next/navigation'
import { revalidatePath } from 'next/cache'
import { contentIdSchema, eventFormSchema } from '@/lib/content/schemas'
import { createEvent } from '@/lib/content/create-event'
import { updateEvent } from '@/lib/content/update-event'
import { setEventPublication } from '@/lib/content/set-event-publication'
import { deleteEvent } from '@/lib/content/delete-event'
import { fromZodError } from '@/lib/errors'
import { asStaff, type FormResult } from '../../_lib/action'
import { requestContext } from '../../_lib/guard'
import { outcomeQuery, savedMessage } from '../../_lib/content-outcome'

const text = (formData: FormData, name: string) => {
  const value = formData.get(name)
  return typeof value === 'string' ? value : ''
}

const eventFields = (formData: FormData) => ({
  ...Object.fromEntries(
    [
      'title',
      'summary',
      'body',
      'topicId',
      'location',
      'startDate',
      'startTime',
      'endDate',
      'endTime',
      'imageKey',
      'imageAlt',
      'publication',
      'publishDate',
      'publishTime',
    ].map((n) => [n, text(formData, n)]),
  ),
  notify: formData.get('notify') === 'on',
})

function revalidateEvents() {
  revalidatePath('/admin/eventi', 'layout')
  // The citizen home and agenda list it.
  revalidatePath('/', 'layout')
}

export async function createEventAction(
  _previous: FormResult | null,
  formData: FormData,
): Promise<FormResult> {
  let target: string | undefined
  const result = await asStaff(async (actor) => {
    const parsed = eventFormSchema.safeParse(eventFields(formData))
    if (!parsed.success) return fromZodError(parsed.error)
    const saved = await createEvent(actor, parsed.data, await requestContext())
    target = `/admin/eventi/${saved.id}?${outcomeQuery(saved)}`
    return { ok: true, message: savedMessage('event', saved) }
  })
  if (result.ok && target) {
    revalidateEvents()
    redirect(target)
  }
  return result
}

export async function updateEventAction(
  _previous: FormResult | null,
  formData: FormData,
): Promise<FormResult> {
  return asStaff(async (actor) => {
    const id = contentIdSchema.safeParse({ id: text(formData, 'id') })
    if (!id.success) return fromZodError(id.error)
    const parsed = eventFormSchema.safeParse(eventFields(formData))
    if (!parsed.success) return fromZodError(parsed.error)
    const saved = await updateEvent(
      actor,
      { ...parsed.data, id: id.data.id },
      await requestContext(),
    )
    revalidateEvents()
    return { ok: true, message: savedMessage('event', saved) }
  })
}

export async function withdrawEventAction(
  _previous: FormResult | null,
  formData: FormData,
): Promise<FormResult> {
  return asStaff(async (actor) => {
    const parsed = contentIdSchema.safeParse({ id: text(formData, 'id') })
    if (!parsed.success) return fromZodError(parsed.error)
    await setEventPublication(
      actor,
      { id: parsed.data.id, publication: { mode: 'draft' }, notify: false },
      await requestContext(),
    )
    revalidateEvents()
    return { ok: true, message: 'Evento ritirato: ora è una bozza.' }
  })
}

export async function deleteEventAction(
  _previous: FormResult | null,
  formData: FormData,
): Promise<FormResult> {
  const result = await asStaff(async (actor) => {
    const parsed = contentIdSchema.safeParse({ id: text(formData, 'id') })
    if (!parsed.success) return fromZodError(parsed.error)
    await deleteEvent(actor, parsed.data, await requestContext())
    return { ok: true, message: 'Evento eliminato.' }
  })
  if (result.ok) {
    revalidateEvents()
    redirect('/admin/eventi?eliminato=1')
  }
  return result
}
