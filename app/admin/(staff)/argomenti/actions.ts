'use server'

import { revalidatePath } from 'next/cache'
import { createTopicSchema, setTopicRetiredSchema, updateTopicSchema } from '@/lib/topics/schemas'
import { createTopic } from '@/lib/topics/create-topic'
import { updateTopic } from '@/lib/topics/update-topic'
import { setTopicRetired } from '@/lib/topics/set-topic-retired'
import { fromZodError } from '@/lib/errors'
import { asStaff, type FormResult } from '../../_lib/action'
import { requestContext } from '../../_lib/guard'

const fields = (formData: FormData, names: string[]) =>
  Object.fromEntries(names.map((n) => [n, formData.get(n) ?? undefined]))

const NAMES = ['nameIt', 'nameEn', 'descriptionIt', 'descriptionEn']

function revalidateTopics() {
  revalidatePath('/admin/argomenti', 'layout')
  // Citizens choose topics in their settings; editors in the news and event forms.
  revalidatePath('/', 'layout')
}

export async function createTopicAction(
  _previous: FormResult | null,
  formData: FormData,
): Promise<FormResult> {
  return asStaff(async (actor) => {
    const parsed = createTopicSchema.safeParse(fields(formData, NAMES))
    if (!parsed.success) return fromZodError(parsed.error)
    await createTopic(actor, parsed.data, await requestContext())
    revalidateTopics()
    return { ok: true, message: `Argomento «${parsed.data.nameIt}» aggiunto.` }
  })
}

export async function updateTopicAction(
  _previous: FormResult | null,
  formData: FormData,
): Promise<FormResult> {
  return asStaff(async (actor) => {
    const parsed = updateTopicSchema.safeParse(fields(formData, ['topicId', ...NAMES]))
    if (!parsed.success) return fromZodError(parsed.error)
    await updateTopic(actor, parsed.data, await requestContext())
    revalidateTopics()
    return { ok: true, message: 'Modifiche salvate.' }
  })
}

export async function setTopicRetiredAction(
  _previous: FormResult | null,
  formData: FormData,
): Promise<FormResult> {
  return asStaff(async (actor) => {
    const parsed = setTopicRetiredSchema.safeParse(fields(formData, ['topicId', 'retired']))
    if (!parsed.success) return fromZodError(parsed.error)
    await setTopicRetired(actor, parsed.data, await requestContext())
    revalidateTopics()
    return {
      ok: true,
      message: parsed.data.retired ? 'Argomento ritirato.' : 'Argomento ripristinato.',
    }
  })
}
