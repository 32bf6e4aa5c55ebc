import type { Page } from '@playwright/test'
import { expectNoAxeViolations } from './fixtures/axe'
import { expect, test } from './fixtures/test'

const PHONE = { width: 360, height: 740 }

/**
 * Links that stand alone (back links, list rows, dashboard cards, table titles) and are shorter
 * than 44 px, the size a thumb can hit. A link inside a sentence is as tall as its line and is
 * left out, as WCAG's inline exception does; so are the map's own controls.
 */
async function smallStandaloneLinks(page: Page): Promise<string[]> {
  return page.getByRole('main').evaluate((main) => {
    const small: string[] = []
    for (const link of Array.from(main.querySelectorAll('a'))) {
      if (link.closest('.leaflet-container')) continue
      const box = link.getBoundingClientRect()
      if (box.width === 0 || box.height === 0) continue
      const parent = link.parentElement
      const own = (link.textContent ?? '').trim()
      const around = (parent?.textContent ?? '').trim()
      if (parent?.tagName === 'P' && around !== own) continue
      if (box.height < 44) small.push(`${own} (${Math.round(box.height)} px)`)
    }
    return small
  })
}

test('an admin on a phone finds every page link big enough to tap, and no page wider than the screen', async ({ pageAs }) => {
  test.setTimeout(120_000)
  const admin = await pageAs('admin')
  await admin.setViewportSize(PHONE)
  const pages: Array<[string, string]> = [
    ['/admin', 'Bacheca'],
    ['/admin/allerte', 'Allerte'],
    ['/admin/allerte/nuova', 'Nuova allerta'],
    ['/admin/zone', 'Zone'],
    ['/admin/aree-di-attesa', 'Aree di attesa'],
    ['/admin/uffici', 'Uffici'],
    ['/admin/argomenti', 'Argomenti'],
    ['/admin/notizie', 'Notizie'],
    ['/admin/eventi', 'Eventi'],
    ['/admin/campagne', 'Campagne'],
    ['/admin/campagne/nuova', 'Nuova campagna'],
    ['/admin/personale', 'Personale'],
    ['/admin/segnalazioni/categorie', 'Categorie delle segnalazioni'],
    ['/admin/chat/cifre', 'Cifre della chat'],
  ]
  for (const [path, heading] of pages) {
    await admin.goto(path)
    await expect(admin.getByRole('heading', { level: 1, name: heading }), path).toBeVisible()
    expect(await smallStandaloneLinks(admin), `links under 44 px on ${path}`).toEqual([])
    expect(await admin.evaluate(() => document.scrollingElement?.scrollWidth ?? Infinity), `page width on ${path}`).toBeLessThanOrEqual(PHONE.width)
  }
  // A table wider than the phone says it scrolls sideways, and its box is keyboard-scrollable.
  for (const [path, table] of [
    ['/admin/personale', 'Elenco del personale'],
    ['/admin/registro', 'Attività registrate'],
  ] as const) {
    await admin.goto(path)
    const region = admin.getByRole('region', { name: table })
    await expect(region).toBeVisible()
    await expect(admin.getByText('Scorri la tabella di lato per vedere tutte le colonne →')).toBeVisible()
    await expect(region).toHaveAttribute('aria-describedby', /.+/)
  }
  // The pages this journey adds to the ones others check with axe.
  for (const path of ['/admin', '/admin/zone', '/admin/argomenti', '/admin/personale', '/admin/registro']) {
    await admin.goto(path)
    await expect(admin.getByRole('heading', { level: 1 })).toBeVisible()
    await expectNoAxeViolations(admin, { label: `${path} at 360 px` })
  }
})

test('the report pages write every date the same way, list and detail alike', async ({ pageAs }) => {
  const staff = await pageAs('operator')
  await staff.goto('/admin/segnalazioni')
  await expect(staff.getByRole('heading', { level: 1, name: 'Segnalazioni' })).toBeVisible()
  const day = /^\d{1,2} [a-z]{3} \d{4}/
  const row = staff.getByRole('table').getByRole('row').nth(1)
  const cells = row.getByRole('cell')
  // Ricevuta and Scadenza, after Categoria, Stato and Priorità.
  await expect(cells.nth(3)).toHaveText(day)
  await expect(cells.nth(4)).toHaveText(day)
  await row.getByRole('link').first().click()
  const received = staff.locator('dt', { hasText: /^Ricevuta$/ }).locator('xpath=following-sibling::dd[1]')
  await expect(received).toHaveText(/^\d{1,2} [a-z]{3} \d{4}, \d{2}:\d{2}$/)
  const due = staff.locator('dt', { hasText: /^Scadenza/ }).locator('xpath=following-sibling::dd[1]')
  await expect(due).toHaveText(day)
})
