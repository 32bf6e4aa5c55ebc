'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { deleteCategory, saveCategory, setCategoryActive } from '@/lib/reports/manage-categories'
import { deleteReplyTemplate, saveReplyTemplate } from '@/lib/reports/manage-reply-templates'
import { asStaff, type FormResult } from '../../../_lib/action'
import { requestContext } from '../../../_lib/guard'

const text = (formData: FormData, name: string) => {
  const value = formData.get(name)
  return typeof value === 'string' ? value : undefined
}

function revalidateCategories() {
  revalidatePath('/admin/segnalazioni', 'layout')
  // Citizens pick categories in the report flow; Open311 clients read them as services.
  revalidatePath('/segnalazioni', 'layout')
}

export async function saveCategoryAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  let created: number | null = null
  const result = await asStaff(async (actor) => {
    const id = text(formData, 'categoryId')
    const saved = await saveCategory(
      actor,
      id ? Number(id) : null,
      {
        name: text(formData, 'name'),
        officeId: text(formData, 'officeId'),
        targetWorkingDays: text(formData, 'targetWorkingDays'),
        urgentNotice: text(formData, 'urgentNotice'),
        duplicateRadiusMeters: text(formData, 'duplicateRadiusMeters'),
        extraQuestions: text(formData, 'extraQuestions') ?? '',
      },
      await requestContext(),
    )
    revalidateCategories()
    if (!id) created = saved.id
    return { ok: true, message: 'Categoria salvata.' }
  })
  // A new category opens on its own page, where its templates are written.
  if (created !== null) redirect(`/admin/segnalazioni/categorie/${created}?creata=1`)
  return result
}

export async function setCategoryActiveAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  return asStaff(async (actor) => {
    const active = text(formData, 'active') === 'true'
    await setCategoryActive(actor, Number(text(formData, 'categoryId')), active, await requestContext())
    revalidateCategories()
    return { ok: true, message: active ? 'Categoria ripristinata: i cittadini la vedono di nuovo.' : 'Categoria ritirata: i cittadini non la vedono più; le sue segnalazioni restano.' }
  })
}

export async function deleteCategoryAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  const result = await asStaff(async (actor) => {
    await deleteCategory(actor, Number(text(formData, 'categoryId')), await requestContext())
    revalidateCategories()
    return { ok: true, message: 'Categoria eliminata.' }
  })
  if (result.ok) redirect('/admin/segnalazioni/categorie')
  return result
}

export async function saveTemplateAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  return asStaff(async (actor) => {
    const id = text(formData, 'templateId')
    await saveReplyTemplate(actor, id ? Number(id) : null, { categoryId: text(formData, 'categoryId') ?? '', title: text(formData, 'title'), body: text(formData, 'body') }, await requestContext())
    revalidateCategories()
    return { ok: true, message: id ? 'Risposta pronta aggiornata.' : 'Risposta pronta aggiunta.' }
  })
}

export async function deleteTemplateAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  return asStaff(async (actor) => {
    await deleteReplyTemplate(actor, Number(text(formData, 'templateId')), await requestContext())
    revalidateCategories()
    return { ok: true, message: 'Risposta pronta eliminata.' }
  })
}
