import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { connection } from 'next/server'
import { getTranslations } from 'next-intl/server'
import { getPublicAlert } from '@/lib/alerts/public-alerts'
import { listPublicAlertHistory } from '@/lib/alerts/public-alert-history'
import { AlertArticle } from '@/components/alerts/alert-article'

type Props = { params: Promise<{ id: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection()
  const alert = await getPublicAlert((await params).id)
  if (!alert) return {}
  const t = await getTranslations('alerts')
  const title = `${t(`levels.${alert.level}`)}: ${alert.headline}`
  return { title, description: alert.description.slice(0, 200), openGraph: { title, description: alert.description.slice(0, 200) } }
}

export default async function AlertPage({ params }: Props) {
  await connection()
  const { id } = await params
  const [alert, history] = await Promise.all([getPublicAlert(id), listPublicAlertHistory(id)])
  if (!alert) notFound()
  return <AlertArticle alert={alert} history={history} />
}
