import { expectNoAxeViolations } from './fixtures/axe'
import { unique } from './fixtures/staff'
import { expect, test } from './fixtures/test'

test.describe('admin issues an Open311 key', () => {
  test('issues a key shown once, a client files a report with it, the admin revokes it', async ({ pageAs, request }) => {
    const admin = await pageAs('admin')
    const name = `FixMyStreet ${unique('c')}`

    await admin.goto('/admin')
    await admin.getByRole('navigation', { name: 'Area riservata' }).getByRole('link', { name: 'Open311' }).click()
    await expect(admin.getByRole('heading', { level: 1, name: 'Open311' })).toBeVisible()
    await expectNoAxeViolations(admin, { label: 'open311 clients' })

    await admin.getByLabel('Nome del client').fill(name)
    await admin.getByLabel('Contatto del gestore (facoltativo)').fill('fms@example.org')
    await admin.getByRole('button', { name: 'Rilascia la chiave' }).click()
    await expect(admin.getByRole('status')).toContainText('Copiala ora')
    const keyBox = admin.getByLabel(`Chiave API di «${name}» (mostrata solo ora)`)
    await expect(keyBox).toBeFocused()
    const apiKey = await keyBox.inputValue()
    expect(apiKey).toMatch(/^filo311_/)
    await expect(admin.getByRole('row').filter({ hasText: name })).toContainText(apiKey.slice(-4))
    await expectNoAxeViolations(admin, { label: 'open311 key issued' })

    // The client files a report as the spec says (form-urlencoded) and reads it back in XML.
    const form = {
      api_key: apiKey,
      service_code: 'strade-viabilita',
      lat: '43.4661',
      long: '11.8822',
      description: 'Buca segnalata da FixMyStreet',
      email: 'cittadino@example.org',
    }
    const created = await request.post('/open311/v2/requests.json', { form })
    expect(created.status()).toBe(200)
    const code = ((await created.json()) as Array<{ service_request_id: string }>)[0]!.service_request_id
    expect(code).toMatch(/^SEG-\d{4}-\d{6}$/)
    const xml = await request.get(`/open311/v2/requests/${code}.xml`)
    expect(xml.headers()['content-type']).toBe('text/xml; charset=utf-8')
    const body = await xml.text()
    expect(body).toContain(`<service_request_id>${code}</service_request_id>`)
    expect(body).toContain('<status>open</status>')
    expect(body).not.toContain('cittadino@example.org')

    // Revoked: the next POST is refused with 403 in the spec's error shape.
    const row = admin.getByRole('row').filter({ hasText: name })
    await row.getByRole('button', { name: `Revoca la chiave di ${name}` }).click()
    await row.getByRole('button', { name: 'Sì, revoca' }).click()
    await expect(admin.getByRole('row').filter({ hasText: name })).toContainText('Revocata il')
    const refused = await request.post('/open311/v2/requests.xml', { form })
    expect(refused.status()).toBe(403)
    expect(await refused.text()).toMatch(/<errors><error><code>403<\/code><description>api_key/)
    await expectNoAxeViolations(admin, { label: 'open311 key revoked' })
  })

  test('other roles are refused the page', async ({ pageAs }) => {
    const operator = await pageAs('operator')
    await operator.goto('/admin/open311')
    await expect(operator.getByRole('heading', { level: 1, name: 'Accesso non consentito' })).toBeVisible()
    await expect(operator.getByRole('navigation', { name: 'Area riservata' }).getByRole('link', { name: 'Open311' })).toHaveCount(0)
  })
})
