import type { Metadata } from 'next'
import { connection } from 'next/server'
import { getTranslations } from 'next-intl/server'
import { PageTitle } from '@/components/ui/page-title'
import { listNews } from '@/lib/content/list-news'
import { NewsList } from '../_components/news-list'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('news')
  return { title: t('title'), description: t('metaDescription') }
}

export default async function NewsPage() {
  await connection()
  const [news, t] = await Promise.all([listNews(), getTranslations('news')])
  return (
    <>
      <PageTitle lead={t('intro')}>{t('title')}</PageTitle>
      {news.length === 0 ? <p>{t('empty')}</p> : <NewsList news={news} headingLevel={2} />}
    </>
  )
}
