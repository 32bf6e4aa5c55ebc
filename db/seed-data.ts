import type { BoundaryPolygon, WeeklyHours } from './schema/comune'

/** The demo municipality: fictional, but shaped like a real Comune of about 25,000 people. */
export const demoComune = {
  name: 'Comune di Esempio',
  shortName: 'Esempio',
  province: 'AR',
  region: 'Toscana',
  address: 'Piazza della Libertà 1, 52100 Esempio (AR)',
  postalCode: '52100',
  phone: '+39 0575 123400',
  email: 'urp@comune.esempio.it',
  pec: 'protocollo@pec.comune.esempio.it',
  website: 'https://www.comune.esempio.it',
  fiscalCode: '00123450512',
  patronDay: '08-07',
  themePrimary: '#0066CC',
  privacyNoticeVersion: '2026-01',
  privacyNoticeText:
    'Il Comune di Esempio tratta i dati che fornisci solo per rispondere alle tue richieste e inviarti le comunicazioni che scegli, ai sensi del Regolamento (UE) 2016/679. Titolare del trattamento è il Comune di Esempio, Piazza della Libertà 1. Puoi cancellare i tuoi dati in qualsiasi momento dalle impostazioni.',
  boundary: {
    type: 'Polygon',
    coordinates: [
      [
        [11.835, 43.445],
        [11.862, 43.432],
        [11.901, 43.437],
        [11.929, 43.452],
        [11.936, 43.477],
        [11.919, 43.498],
        [11.887, 43.507],
        [11.853, 43.501],
        [11.829, 43.484],
        [11.824, 43.463],
        [11.835, 43.445],
      ],
    ],
  } satisfies BoundaryPolygon,
}

const weekdays = (intervals: Array<[string, string]>): WeeklyHours => ({
  '1': intervals,
  '2': intervals,
  '3': intervals,
  '4': intervals,
  '5': intervals,
})

const morningsWithTwoAfternoons: WeeklyHours = {
  '1': [['08:30', '13:00']],
  '2': [
    ['08:30', '13:00'],
    ['15:00', '17:30'],
  ],
  '3': [['08:30', '13:00']],
  '4': [
    ['08:30', '13:00'],
    ['15:00', '17:30'],
  ],
  '5': [['08:30', '13:00']],
}

export const demoOffices: Array<{
  slug: string
  name: string
  description: string
  address: string
  phone: string
  email: string
  weeklyHours: WeeklyHours
}> = [
  {
    slug: 'urp',
    name: 'Ufficio Relazioni con il Pubblico (URP)',
    description: 'Informazioni su servizi e uffici, segnalazioni, reclami e suggerimenti.',
    address: 'Piazza della Libertà 1, piano terra',
    phone: '+39 0575 123401',
    email: 'urp@comune.esempio.it',
    weeklyHours: { ...morningsWithTwoAfternoons, '6': [['09:00', '12:00']] },
  },
  {
    slug: 'comunicazione',
    name: 'Ufficio Comunicazione',
    description: 'Notizie, eventi, campagne informative e rapporti con la stampa.',
    address: 'Piazza della Libertà 1, primo piano',
    phone: '+39 0575 123410',
    email: 'comunicazione@comune.esempio.it',
    weeklyHours: weekdays([['09:00', '13:00']]),
  },
  {
    slug: 'lavori-pubblici',
    name: 'Lavori pubblici e manutenzioni',
    description: 'Strade, illuminazione, edifici pubblici, acque e fognature.',
    address: 'Via dei Cantieri 12',
    phone: '+39 0575 123420',
    email: 'lavoripubblici@comune.esempio.it',
    weeklyHours: {
      '1': [['09:00', '12:30']],
      '3': [['09:00', '12:30']],
      '4': [['15:00', '17:00']],
    },
  },
  {
    slug: 'ambiente',
    name: 'Ambiente e verde pubblico',
    description: 'Rifiuti, parchi, disinfestazioni, animali e tutela dell’ambiente.',
    address: 'Via dei Cantieri 12',
    phone: '+39 0575 123430',
    email: 'ambiente@comune.esempio.it',
    weeklyHours: {
      '2': [['09:00', '12:30']],
      '4': [['09:00', '12:30']],
    },
  },
  {
    slug: 'polizia-locale',
    name: 'Polizia locale',
    description: 'Sicurezza urbana, viabilità, quiete pubblica. In emergenza chiama il 112.',
    address: 'Viale della Repubblica 5',
    phone: '+39 0575 123440',
    email: 'poliziamunicipale@comune.esempio.it',
    weeklyHours: { ...weekdays([['08:00', '13:00']]), '6': [['08:00', '12:00']] },
  },
  {
    slug: 'protezione-civile',
    name: 'Protezione civile',
    description: 'Allerte, piano di emergenza comunale, aree di attesa e volontariato.',
    address: 'Viale della Repubblica 5',
    phone: '+39 0575 123450',
    email: 'protezionecivile@comune.esempio.it',
    weeklyHours: weekdays([['09:00', '12:00']]),
  },
  {
    slug: 'servizi-demografici',
    name: 'Servizi demografici (Anagrafe e Stato civile)',
    description: 'Carta d’identità elettronica, certificati, residenza, stato civile.',
    address: 'Piazza della Libertà 1, piano terra',
    phone: '+39 0575 123460',
    email: 'anagrafe@comune.esempio.it',
    weeklyHours: morningsWithTwoAfternoons,
  },
]

/** The 12 report categories of Designers Italia's "Segnalazione disservizio", each with its office. */
export const demoCategories: Array<{
  slug: string
  name: string
  office: string
  targetWorkingDays: number
  urgentNotice?: string
  extraQuestions?: Array<{ code: string; label: string; required: boolean }>
}> = [
  { slug: 'acqua-allagamenti-fognature', name: 'Acqua, allagamenti, problemi fognari', office: 'lavori-pubblici', targetWorkingDays: 5, urgentNotice: 'Se l’acqua mette in pericolo persone o case chiama subito il 112 o i Vigili del fuoco (115).' },
  { slug: 'ambiente-inquinamento', name: 'Ambiente, inquinamento, protezione ambientale', office: 'ambiente', targetWorkingDays: 15 },
  { slug: 'arredo-urbano', name: 'Arredo urbano', office: 'lavori-pubblici', targetWorkingDays: 20 },
  { slug: 'disinfestazione-animali', name: 'Disinfestazione, derattizzazione, animali randagi', office: 'ambiente', targetWorkingDays: 10 },
  { slug: 'igiene-urbana-rifiuti', name: 'Igiene urbana, rifiuti, pulizia e decoro', office: 'ambiente', targetWorkingDays: 5 },
  { slug: 'manutenzione-immobili', name: 'Manutenzione immobili, edifici pubblici, scuole, barriere architettoniche, cimiteri', office: 'lavori-pubblici', targetWorkingDays: 20 },
  { slug: 'ordine-pubblico-quiete', name: 'Ordine pubblico, disturbo della quiete', office: 'polizia-locale', targetWorkingDays: 5, urgentNotice: 'Se c’è pericolo per le persone chiama subito il 112.' },
  { slug: 'parchi-verde', name: 'Parchi e verde pubblico', office: 'ambiente', targetWorkingDays: 15 },
  { slug: 'servizi-comune', name: 'Servizi del comune', office: 'urp', targetWorkingDays: 10 },
  { slug: 'sicurezza-degrado', name: 'Sicurezza, degrado urbano e sociale', office: 'polizia-locale', targetWorkingDays: 10, urgentNotice: 'Se c’è pericolo per le persone chiama subito il 112.' },
  { slug: 'strade-viabilita', name: 'Strade, marciapiedi, segnaletica e viabilità', office: 'lavori-pubblici', targetWorkingDays: 10, urgentNotice: 'Una buca o un ostacolo pericoloso per chi passa? Chiama anche la Polizia locale: +39 0575 123440.' },
  {
    slug: 'illuminazione-pubblica',
    name: 'Illuminazione pubblica',
    office: 'lavori-pubblici',
    targetWorkingDays: 7,
    extraQuestions: [{ code: 'numero-palo', label: 'Numero scritto sul palo (se lo vedi)', required: false }],
  },
]

export const demoTopics = [
  { slug: 'protezione-civile', nameIt: 'Protezione civile', nameEn: 'Civil protection', descriptionIt: 'Allerte meteo, emergenze e avvisi di sicurezza.', descriptionEn: 'Weather warnings, emergencies and safety notices.', recommended: true },
  { slug: 'notizie', nameIt: 'Notizie', nameEn: 'News', descriptionIt: 'Le notizie del Comune.', descriptionEn: 'News from the Comune.', recommended: false },
  { slug: 'scadenze-bandi', nameIt: 'Scadenze e bandi', nameEn: 'Deadlines and calls', descriptionIt: 'Tributi, contributi, bandi e graduatorie.', descriptionEn: 'Taxes, grants, calls and rankings.', recommended: false },
  { slug: 'eventi', nameIt: 'Eventi', nameEn: 'Events', descriptionIt: 'Cultura, sport e feste in città.', descriptionEn: 'Culture, sport and festivals in town.', recommended: false },
  { slug: 'viabilita', nameIt: 'Viabilità', nameEn: 'Traffic', descriptionIt: 'Strade chiuse, lavori, deviazioni e trasporti.', descriptionEn: 'Road closures, works, diversions and transport.', recommended: false },
  { slug: 'chiusure-straordinarie', nameIt: 'Chiusure straordinarie', nameEn: 'Unscheduled closures', descriptionIt: 'Uffici, scuole e servizi chiusi in via straordinaria.', descriptionEn: 'Offices, schools and services closed unexpectedly.', recommended: false },
]

/** One account per role; the office account works for Lavori pubblici. */
export const demoStaff = [
  { email: 'admin@comune.esempio.it', name: 'Giulia Bianchi', role: 'admin', office: null },
  { email: 'urp@comune.esempio.it', name: 'Marco Rossi', role: 'operator', office: null },
  { email: 'lavoripubblici@comune.esempio.it', name: 'Paolo Verdi', role: 'office', office: 'lavori-pubblici' },
  { email: 'protezionecivile@comune.esempio.it', name: 'Anna Neri', role: 'civil_protection', office: null },
] as const

export const DEMO_PASSWORD = 'Esempio-2026!'

/** Standing zones of the demo Comune's emergency plan ([lon, lat] rings inside the boundary). */
export const demoZones = [
  {
    name: 'Centro storico',
    description: 'Le vie dentro le mura e piazza della Libertà.',
    ring: [[11.872, 43.462], [11.888, 43.462], [11.888, 43.474], [11.872, 43.474], [11.872, 43.462]] as Array<[number, number]>,
  },
  {
    name: 'Piana del fiume',
    description: 'Le case e le aziende lungo il fiume, a rischio di allagamento.',
    ring: [[11.845, 43.45], [11.905, 43.445], [11.91, 43.455], [11.85, 43.46], [11.845, 43.45]] as Array<[number, number]>,
  },
]

export const demoWaitingAreas = [
  { name: 'Area di attesa 1 – Piazza della Libertà', address: 'Piazza della Libertà', latitude: 43.4682, longitude: 11.8801, zone: 'Centro storico' },
  { name: 'Area di attesa 2 – Parcheggio dello stadio', address: 'Viale dello Sport 2', latitude: 43.4791, longitude: 11.8693, zone: null },
  { name: 'Area di attesa 3 – Giardini di via Verdi', address: 'Via Verdi 40', latitude: 43.4538, longitude: 11.8902, zone: 'Piana del fiume' },
]

export const demoRiskTemplates: Array<{ risk: string; instructionsIt: string }> = [
  { risk: 'idrogeologico', instructionsIt: 'Non sostare vicino a pendii e scarpate. Non percorrere strade di montagna se non è necessario.' },
  { risk: 'idraulico', instructionsIt: 'Non scendere in cantine, garage e sottopassi. Sali ai piani alti. Non attraversare strade allagate.' },
  { risk: 'temporali', instructionsIt: 'Evita i sottopassi e le zone basse. Non ripararti sotto gli alberi. Fissa gli oggetti sui balconi.' },
  { risk: 'vento', instructionsIt: 'Fissa o ritira gli oggetti sui balconi. Stai lontano da alberi, impalcature e cartelloni.' },
  { risk: 'neve', instructionsIt: 'Esci solo se necessario, con gomme da neve o catene. Libera il marciapiede davanti a casa.' },
  { risk: 'ghiaccio', instructionsIt: 'Cammina con prudenza e scarpe adatte. Guida piano e tieni la distanza.' },
  { risk: 'temperature-estreme', instructionsIt: 'Bevi spesso, esci nelle ore fresche, controlla come stanno le persone anziane vicine.' },
  { risk: 'incendi-boschivi', instructionsIt: 'Non accendere fuochi. Se vedi fumo o fiamme chiama subito il 115.' },
  { risk: 'mareggiate', instructionsIt: 'Stai lontano da spiagge, moli e scogliere.' },
  { risk: 'altro', instructionsIt: 'Segui le indicazioni del Comune e delle forze dell’ordine.' },
]

/** The demo Comune's street directory (one point per street, some civic numbers): address search needs no external geocoder. */
export const demoStreets: Array<{ name: string; houseNumber?: string; latitude: number; longitude: number }> = [
  { name: 'Piazza della Libertà', latitude: 43.4682, longitude: 11.8801 },
  { name: 'Piazza della Libertà', houseNumber: '1', latitude: 43.4684, longitude: 11.8799 },
  { name: 'Piazza Garibaldi', latitude: 43.4671, longitude: 11.8772 },
  { name: 'Via Roma', latitude: 43.4665, longitude: 11.8815 },
  { name: 'Via Roma', houseNumber: '12', latitude: 43.4661, longitude: 11.8822 },
  { name: 'Via Roma', houseNumber: '45', latitude: 43.4652, longitude: 11.8841 },
  { name: 'Via Mazzini', latitude: 43.4648, longitude: 11.8860 },
  { name: 'Via Giuseppe Verdi', latitude: 43.4538, longitude: 11.8902 },
  { name: 'Via Giuseppe Verdi', houseNumber: '40', latitude: 43.4538, longitude: 11.8902 },
  { name: 'Viale Europa', latitude: 43.4712, longitude: 11.8750 },
  { name: 'Viale dello Sport', latitude: 43.4791, longitude: 11.8693 },
  { name: 'Viale dello Sport', houseNumber: '2', latitude: 43.4791, longitude: 11.8693 },
  { name: 'Via Dante Alighieri', latitude: 43.4702, longitude: 11.8838 },
  { name: 'Via Cavour', latitude: 43.4690, longitude: 11.8870 },
  { name: 'Corso Italia', latitude: 43.4675, longitude: 11.8790 },
  { name: 'Via del Fiume', latitude: 43.4522, longitude: 11.8705 },
  { name: 'Via dei Mulini', latitude: 43.4510, longitude: 11.8850 },
  { name: 'Via della Stazione', latitude: 43.4601, longitude: 11.8720 },
  { name: 'Via San Francesco', latitude: 43.4695, longitude: 11.8812 },
  { name: 'Via delle Scuole', latitude: 43.4740, longitude: 11.8905 },
  { name: 'Via Leonardo da Vinci', latitude: 43.4810, longitude: 11.8950 },
  { name: 'Località Poggio Alto', latitude: 43.4900, longitude: 11.8850 },
  { name: 'Via del Cimitero', latitude: 43.4580, longitude: 11.9020 },
  { name: 'Via Aretina', latitude: 43.4620, longitude: 11.9150 },
]

/** Ready answers staff pick when they change a report's status (category slug, or null for all). */
export const demoReplyTemplates: Array<{ category: string | null; title: string; body: string }> = [
  { category: null, title: 'Presa in carico', body: 'Grazie per la segnalazione: l’ufficio competente l’ha presa in carico e ti aggiornerà qui.' },
  { category: null, title: 'Risolta', body: 'Il problema è stato risolto. Grazie per averci aiutato a migliorare il Comune.' },
  { category: 'strade-viabilita', title: 'Buca programmata', body: 'La riparazione è in programma con la prossima squadra di manutenzione delle strade.' },
  { category: 'illuminazione-pubblica', title: 'Lampione: ditta avvisata', body: 'Abbiamo chiesto l’intervento alla ditta che gestisce l’illuminazione pubblica.' },
  { category: 'igiene-urbana-rifiuti', title: 'Rifiuti: gestore avvisato', body: 'Abbiamo inoltrato la segnalazione al gestore della raccolta rifiuti, che interverrà nei prossimi giorni.' },
]
