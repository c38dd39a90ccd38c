/**
 * A realistic report model for renderer tests and development before the report builder runs on
 * real data: the Tampere main library Metso in the demo customer survey (`demo-customer`), in
 * Finnish, against its municipality and the PiKe network, round 2026 compared with 2025. Figures
 * are made up but consistent (shares of one distribution sum to 100 ± rounding, intervals contain
 * their values, n matches the respondents). It has every chart kind, a matrix row, suppressed
 * groups (both reasons) and open-text themes. Tests build a fresh copy each time.
 */
import type {
	Callout,
	Figure,
	QuestionSection,
	ReportGroup,
	ReportModel,
	ReportTable,
	ReportUnit,
	ShownFigure,
	SuppressionReason,
	TestResult,
	TopEntry
} from './model.ts';

const metso: ReportUnit = { type: 'library', id: 12, key: 'tampere-metso', name: 'Tampereen pääkirjasto Metso' };
const tampere: ReportUnit = { type: 'municipality', id: 3, key: 'tampere', name: 'Tampere' };
const pike: ReportUnit = { type: 'network', id: 1, key: 'pike', name: 'PiKe-kehittämisalue' };

const unitColumn = (unit: ReportUnit): ReportGroup => ({ key: `unit:${unit.type}:${unit.key}`, kind: 'unit', label: unit.name, unit });
const units = [unitColumn(metso), unitColumn(tampere), unitColumn(pike)];
const rounds: ReportGroup[] = [
	{ key: 'round:2025', kind: 'round', label: 'Kierros 2025' },
	{ key: 'round:2026', kind: 'round', label: 'Kierros 2026' }
];
const ageGroups: ReportGroup[] = [
	{ key: 'segment:age_band:15-29', kind: 'segment', label: '15–29 vuotta' },
	{ key: 'segment:age_band:30-44', kind: 'segment', label: '30–44 vuotta' },
	{ key: 'derived:age_band:45-plus', kind: 'derived', label: '45 vuotta tai yli' },
	{ key: 'segment:age_band:65-plus', kind: 'segment', label: '65 vuotta tai yli' }
];

function shown(value: number, n: number, low?: number, high?: number): ShownFigure {
	return low === undefined || high === undefined ? { value, n } : { value, n, interval: { low, high } };
}
function hidden(reason: SuppressionReason): Figure {
	return { suppressed: reason };
}
function test(kind: TestResult['test'], p: number, pAdjusted: number, n: [number, number]): TestResult {
	return { test: kind, p, pAdjusted, n, significant: pAdjusted < 0.05 };
}

const agreement = [
	{ code: '1', label: 'Täysin eri mieltä' },
	{ code: '2', label: 'Jokseenkin eri mieltä' },
	{ code: '3', label: 'Ei samaa eikä eri mieltä' },
	{ code: '4', label: 'Jokseenkin samaa mieltä' },
	{ code: '5', label: 'Täysin samaa mieltä' }
];

/** Respondents answering a statement in Metso, Tampere and PiKe (round 2026). */
const answered = [212, 655, 1874] as const;

/** A 1–5 statement: its distribution per unit (N/A apart), top-2-box and mean with intervals. */
function statement(
	itemId: string,
	number: string,
	text: string,
	shares: [number[], number[], number[]],
	top2: [number, number, number][],
	mean: [number, number, number][]
): QuestionSection {
	const distribution: ReportTable = {
		id: `${itemId}.distribution`,
		title: 'Vastausten jakauma',
		measure: 'share',
		columns: units,
		rows: [
			...agreement.map((point, p) => ({
				key: point.code,
				label: point.label,
				cells: shares.map((column, c) => shown(column[p]!, answered[c]!))
			})),
			{ key: 'na', label: 'En osaa sanoa', cells: [shown(4.2, 221), shown(3.6, 679), shown(3.1, 1934)] }
		],
		notes: [{ kind: 'test', test: 'chi-square' }]
	};
	const topBox: ReportTable = {
		id: `${itemId}.top2`,
		title: 'Samaa mieltä (4–5)',
		measure: 'top2',
		columns: units,
		rows: [{ key: itemId, label: text, cells: top2.map(([value, low, high], c) => shown(value, answered[c]!, low, high)) }]
	};
	const means: ReportTable = {
		id: `${itemId}.mean`,
		title: 'Keskiarvo (1–5)',
		measure: 'mean',
		columns: units,
		rows: [{ key: itemId, label: text, cells: mean.map(([value, low, high], c) => shown(value, answered[c]!, low, high)) }]
	};
	return {
		itemId,
		facet: '',
		number,
		text,
		itemKind: 'rating',
		tags: [itemId],
		headline: { measure: 'top2', cells: topBox.rows[0]!.cells },
		tables: [distribution, topBox, means],
		charts: [
			{ kind: 'diverging', tableId: distribution.id, points: agreement },
			{ kind: 'dots', tableId: means.id, points: agreement }
		]
	};
}

function proactivity(): QuestionSection {
	const section = statement(
		'proactivity',
		'7',
		'Henkilökunta tulee luokseni aloitteellisesti ja aktiivisesti.',
		[
			[6.1, 14.2, 30.7, 33.5, 15.6],
			[5.8, 15.1, 31.2, 32.4, 15.5],
			[6.4, 16.0, 30.9, 31.8, 14.9]
		],
		[
			[49.1, 42.4, 55.8],
			[47.9, 44.1, 51.7],
			[46.7, 44.5, 49.0]
		],
		[
			[3.38, 3.23, 3.53],
			[3.36, 3.28, 3.44],
			[3.33, 3.28, 3.38]
		]
	);
	const byRound: ReportTable = {
		id: 'proactivity.rounds',
		title: 'Samaa mieltä (4–5) kierroksittain',
		measure: 'top2',
		columns: rounds,
		rows: [
			{
				key: 'proactivity',
				label: 'Tampereen pääkirjasto Metso',
				cells: [shown(38.2, 191, 31.6, 45.3), shown(49.1, 212, 42.4, 55.8)],
				test: { ...test('two-proportion-z', 0.027, 0.027, [191, 212]), columns: [0, 1] }
			}
		],
		notes: [{ kind: 'test', test: 'two-proportion-z' }]
	};
	const byAge: ReportTable = {
		id: 'proactivity.age_band',
		title: 'Samaa mieltä (4–5) ikäryhmittäin',
		measure: 'top2',
		columns: ageGroups,
		rows: [
			{
				key: 'proactivity',
				label: 'Tampereen pääkirjasto Metso',
				cells: [shown(36.4, 44, 23.8, 51.1), hidden('small'), shown(58.7, 109, 49.3, 67.5), hidden('complementary')],
				test: { ...test('two-proportion-z', 0.011, 0.022, [44, 109]), columns: [0, 2] }
			}
		],
		notes: [
			{ kind: 'test', test: 'two-proportion-z' },
			{ kind: 'min_group', size: 5 }
		]
	};
	return {
		...section,
		tables: [...section.tables, byRound, byAge],
		charts: [...section.charts, { kind: 'dots', tableId: byRound.id }, { kind: 'dots', tableId: byAge.id }]
	};
}

function channels(): QuestionSection {
	const options = [
		['library_visit', 'Kävin kirjastossa', 92.5, 90.1, 88.7],
		['web_library', 'Verkkokirjasto', 61.3, 58.2, 55.9],
		['e_materials', 'E-aineistot (e-kirjat, e-lehdet, tietokannat)', 28.8, 31.0, 27.4],
		['mobile_library', 'Kirjastoauto', 3.3, 6.9, 9.8],
		['chat', 'Chat', 4.2, 3.7, 2.9]
	] as const;
	const table: ReportTable = {
		id: 'channels.share',
		title: 'Osuus vastaajista (voi valita useita)',
		measure: 'share',
		columns: units,
		rows: options.map(([key, label, ...values]) => ({ key, label, cells: values.map((value, c) => shown(value, answered[c]! + 9)) }))
	};
	return {
		itemId: 'channels',
		facet: '',
		number: '1',
		text: 'Mitä kirjaston palveluja ja asiointikanavia olet käyttänyt viimeisen vuoden aikana?',
		itemKind: 'multiple_choice',
		tags: [],
		headline: null,
		tables: [table],
		charts: [{ kind: 'bars', tableId: table.id }]
	};
}

function ageBand(): QuestionSection {
	const options = [
		['15-29', '15–29 vuotta', 20.8, 24.3, 19.6],
		['30-44', '30–44 vuotta', 20.1, 22.8, 23.4],
		['45-64', '45–64 vuotta', 33.5, 31.0, 33.2],
		['65-plus', '65 vuotta tai yli', 25.6, 21.9, 23.8]
	] as const;
	const table: ReportTable = {
		id: 'age_band.share',
		title: 'Vastaajien ikä',
		measure: 'share',
		columns: units,
		rows: options.map(([key, label, ...values]) => ({ key, label, cells: values.map((value, c) => shown(value, answered[c]! + 9)) }))
	};
	return {
		itemId: 'age_band',
		facet: '',
		number: '11',
		text: 'Ikäsi',
		itemKind: 'single_choice',
		tags: [],
		headline: null,
		tables: [table],
		charts: [{ kind: 'stacked', tableId: table.id }]
	};
}

/** A matrix row (facet), an importance × performance pair and a LibQUAL triple, for the other charts. */
function signage(): QuestionSection {
	const table: ReportTable = {
		id: 'premises.signage.mean',
		title: 'Keskiarvo (1–5)',
		measure: 'mean',
		columns: units,
		rows: [{ key: 'signage', label: 'Opasteet', cells: [shown(3.71, 205, 3.57, 3.85), shown(3.64, 640, 3.56, 3.72), shown(3.69, 1852, 3.64, 3.74)] }]
	};
	return {
		itemId: 'premises',
		facet: 'signage',
		number: '9a',
		text: 'Tilat: opasteet',
		itemKind: 'matrix',
		tags: ['signage'],
		headline: { measure: 'mean', cells: table.rows[0]!.cells },
		tables: [table],
		charts: [{ kind: 'dots', tableId: table.id, points: agreement }]
	};
}

function openingHours(): QuestionSection {
	const table: ReportTable = {
		id: 'opening_hours.levels',
		title: 'Tärkeys ja toteutuminen (keskiarvo 1–5)',
		measure: 'mean',
		columns: units,
		rows: [
			{ key: 'importance', label: 'Tärkeys', cells: [shown(4.52, 208, 4.43, 4.61), shown(4.47, 648, 4.42, 4.52), shown(4.44, 1860, 4.41, 4.47)] },
			{ key: 'performance', label: 'Toteutuminen', cells: [shown(3.74, 208, 3.61, 3.87), shown(3.81, 648, 3.74, 3.88), shown(3.86, 1860, 3.82, 3.9)] }
		]
	};
	const gaps: ReportTable = {
		id: 'opening_hours.gap',
		title: 'Ero: tärkeys − toteutuminen',
		measure: 'gap',
		columns: units,
		rows: [{ key: 'gap', label: 'Aukioloajat', cells: [shown(0.78, 208, 0.64, 0.92), shown(0.66, 648, 0.58, 0.74), shown(0.58, 1860, 0.54, 0.62)] }]
	};
	return {
		itemId: 'opening_hours',
		facet: '',
		number: '10',
		text: 'Aukioloajat sopivat minulle.',
		itemKind: 'importance_performance',
		tags: ['accessibility'],
		headline: { measure: 'gap', cells: gaps.rows[0]!.cells },
		tables: [table, gaps],
		charts: [{ kind: 'gap', tableId: table.id, points: agreement }]
	};
}

function serviceLevels(): QuestionSection {
	const levels = ['minimum', 'desired', 'perceived'] as const;
	const labels = { minimum: 'Vähimmäistaso', desired: 'Toivottu taso', perceived: 'Koettu taso' };
	const zone: ReportTable = {
		id: 'service_levels.zone',
		title: 'Sietoalue ja koettu taso (keskiarvo 1–9)',
		measure: 'mean',
		columns: [units[0]!, units[2]!],
		rows: levels.map((level, l) => ({
			key: level,
			label: labels[level],
			cells: [shown([6.1, 7.9, 6.8][l]!, 96, ...([[5.8, 6.4], [7.7, 8.1], [6.5, 7.1]][l]! as [number, number])), hidden('small')]
		})),
		notes: [{ kind: 'libqual_dropped', count: 4 }]
	};
	const dimensions: ReportTable = {
		id: 'service_levels.dimensions',
		title: 'Ulottuvuudet (keskiarvo 1–9)',
		measure: 'mean',
		columns: levels.map((level) => ({ key: `level:${level}`, kind: 'all', label: labels[level] })),
		rows: [
			['affect', 'Palvelun vaikutelma', [6.3, 8.0, 7.1]],
			['information', 'Tiedonhallinta', [6.0, 7.8, 6.6]],
			['place', 'Kirjasto paikkana', [5.9, 7.6, 6.9]],
			['digital', 'Digitaaliset palvelut', [5.7, 7.7, 6.2]]
		].map(([key, label, values]) => ({ key: key as string, label: label as string, cells: (values as number[]).map((value) => shown(value, 96)) })),
		notes: [{ kind: 'libqual_dropped', count: 4 }]
	};
	return {
		itemId: 'service_levels',
		facet: '',
		number: '12',
		text: 'Palvelun taso: vähimmäistaso, toivottu taso ja koettu taso',
		itemKind: 'libqual',
		tags: [],
		headline: { measure: 'adequacy', cells: [shown(0.7, 96, 0.4, 1.0), hidden('small')] },
		tables: [zone, dimensions],
		charts: [
			{ kind: 'gap', tableId: zone.id },
			{ kind: 'radar', tableId: dimensions.id }
		]
	};
}

function entry(section: QuestionSection, reason: string, comparison?: number): TopEntry {
	const figure = section.headline!.cells[0] as ShownFigure;
	const network = section.headline!.cells[2] as ShownFigure | undefined;
	return {
		itemId: section.itemId,
		facet: section.facet,
		text: section.text,
		measure: section.headline!.measure,
		figure,
		...(comparison !== undefined && network ? { comparison: { ...network, value: comparison, group: units[2]!.key } } : {}),
		reason
	};
}

function callout(section: QuestionSection, tableId: string): Callout {
	const table = section.tables.find((candidate) => candidate.id === tableId)!;
	const row = table.rows[0]!;
	const [a, b] = row.test!.columns;
	const from = row.cells[a] as ShownFigure;
	const to = row.cells[b] as ShownFigure;
	const { columns: _columns, ...result } = row.test!;
	return {
		itemId: section.itemId,
		facet: section.facet,
		text: section.text,
		measure: table.measure,
		from: { ...from, group: table.columns[a]! },
		to: { ...to, group: table.columns[b]! },
		difference: to.value - from.value,
		test: result
	};
}

export function reportFixture(): ReportModel {
	const friendliness = statement(
		'friendliness',
		'2',
		'Henkilökunta on ystävällistä.',
		[
			[0.9, 1.4, 5.2, 27.4, 65.1],
			[1.1, 2.0, 6.3, 29.8, 60.8],
			[1.2, 2.1, 6.9, 30.4, 59.4]
		],
		[
			[92.5, 88.2, 95.3],
			[90.6, 88.1, 92.6],
			[89.8, 88.4, 91.1]
		],
		[
			[4.55, 4.46, 4.64],
			[4.47, 4.41, 4.53],
			[4.45, 4.41, 4.49]
		]
	);
	const courtesy = statement(
		'courtesy',
		'3',
		'Henkilökunta on kohteliasta.',
		[
			[0.5, 1.9, 6.1, 30.2, 61.3],
			[0.9, 2.2, 6.8, 31.1, 59.0],
			[1.0, 2.4, 7.2, 31.5, 57.9]
		],
		[
			[91.5, 87.0, 94.5],
			[90.1, 87.6, 92.2],
			[89.4, 87.9, 90.7]
		],
		[
			[4.51, 4.42, 4.6],
			[4.45, 4.39, 4.51],
			[4.43, 4.39, 4.47]
		]
	);
	const expertise = statement(
		'expertise',
		'6',
		'Henkilökunta tarjoaa osaamistaan asiakkaiden käyttöön.',
		[
			[2.8, 8.5, 21.7, 38.2, 28.8],
			[3.1, 9.0, 22.4, 37.0, 28.5],
			[3.3, 9.6, 22.9, 36.6, 27.6]
		],
		[
			[67.0, 60.4, 73.0],
			[65.5, 61.8, 69.1],
			[64.2, 62.0, 66.4]
		],
		[
			[3.82, 3.68, 3.96],
			[3.79, 3.71, 3.87],
			[3.76, 3.71, 3.81]
		]
	);
	const proactive = proactivity();
	const questions = [channels(), friendliness, courtesy, expertise, proactive, signage(), openingHours(), ageBand(), serviceLevels()];
	const respondentsByRound: ReportTable = {
		id: 'respondents.round',
		title: 'Vastaajat kierroksittain',
		measure: 'respondents',
		columns: units,
		rows: [
			{ key: 'round:2025', label: 'Kierros 2025', cells: [shown(198, 198), shown(602, 602), shown(1733, 1733)] },
			{ key: 'round:2026', label: 'Kierros 2026', cells: [shown(221, 221), shown(679, 679), shown(1934, 1934)] }
		]
	};
	const respondentsByChannel: ReportTable = {
		id: 'respondents.channel',
		title: 'Vastaajat kanavittain (kierros 2026)',
		measure: 'respondents',
		columns: units,
		rows: [
			['channel:web', 'Verkkolinkki', [88, 260, 802]],
			['channel:kiosk', 'Kioski', [71, 198, 455]],
			['channel:qr', 'QR-juliste', [39, 151, 486]],
			['channel:paper', 'Paperilomake', [23, 70, 191]]
		].map(([key, label, values]) => ({ key: key as string, label: label as string, cells: (values as number[]).map((value) => shown(value, value)) }))
	};
	const respondentsByLanguage: ReportTable = {
		id: 'respondents.language',
		title: 'Vastaajat kielittäin (kierros 2026)',
		measure: 'respondents',
		columns: units,
		rows: [
			{ key: 'language:fi', label: 'suomi', cells: [shown(214, 214), shown(661, 661), shown(1879, 1879)] },
			{ key: 'language:sv', label: 'ruotsi', cells: [hidden('small'), shown(9, 9), shown(31, 31)] },
			{ key: 'language:en', label: 'englanti', cells: [hidden('complementary'), shown(9, 9), shown(24, 24)] }
		],
		notes: [{ kind: 'min_group', size: 5 }]
	};
	const headlines: ReportTable = {
		id: 'headline.top2',
		title: 'Samaa mieltä asiakaspalvelun väittämien kanssa (4–5, keskimäärin)',
		measure: 'top2',
		columns: units,
		rows: [{ key: 'statements', label: 'Asiakaspalvelun väittämät', cells: [shown(78.4, 221, 72.5, 83.3), shown(76.9, 679, 73.6, 79.9), shown(76.1, 1934, 74.2, 77.9)] }]
	};
	return {
		modelVersion: 1,
		locale: 'fi',
		generatedAt: '2026-05-04T09:30:00.000Z',
		study: { id: 1, key: 'demo-customer', name: 'Asiakaspalvelukysely (demo)', confidential: false, usesTokens: false },
		scope: metso,
		comparisons: [tampere, pike],
		rounds: [
			{ id: 1, key: '2025', name: 'Kierros 2025', opensAt: '2025-09-01T00:00:00.000Z', closesAt: '2025-11-01T00:00:00.000Z' },
			{ id: 2, key: '2026', name: 'Kierros 2026', opensAt: '2026-01-01T00:00:00.000Z', closesAt: '2027-12-31T22:00:00.000Z' }
		],
		filter: { roundId: 2, compareRoundId: 1, channel: null, language: null, segment: null, breakdown: null },
		minGroupSize: 5,
		columns: units,
		segments: [
			{
				key: 'age_band',
				label: 'Ikäsi',
				groups: [
					{ key: '15-29', label: '15–29 vuotta', derived: false },
					{ key: '30-44', label: '30–44 vuotta', derived: false },
					{ key: '45-64', label: '45–64 vuotta', derived: false },
					{ key: '65-plus', label: '65 vuotta tai yli', derived: false },
					{ key: '45-plus', label: '45 vuotta tai yli', derived: true }
				]
			},
			{
				key: 'education',
				label: 'Korkein suorittamasi koulutus',
				groups: [
					{ key: 'upper_secondary', label: 'Toinen aste', derived: false },
					{ key: 'higher', label: 'Korkea-aste', derived: false }
				]
			}
		],
		overview: {
			tables: [respondentsByRound, respondentsByChannel, respondentsByLanguage],
			headlines: [headlines],
			strengths: [entry(friendliness, 'high_top2', 89.8), entry(courtesy, 'high_top2', 89.4), entry(expertise, 'above_comparison', 64.2)],
			improvements: [entry(proactive, 'low_top2', 46.7), entry(expertise, 'low_top2')],
			roundChanges: [callout(proactive, 'proactivity.rounds')],
			segmentGaps: [callout(proactive, 'proactivity.age_band')]
		},
		questions,
		openText: [
			{
				itemId: 'develop',
				text: 'Mitä meidän pitäisi kehittää kirjaston asiakaspalvelussa?',
				answers: 87,
				themes: [
					{
						key: 'aukiolo',
						label: 'aukioloajat',
						count: 19,
						quotes: ['Enemmän aukioloaikoja iltaisin.', 'Kirjasto voisi olla auki myös sunnuntaisin. Kysy lisää: [sähköposti]']
					},
					{ key: 'uutuus', label: 'uutuuksista kertominen', count: 12, quotes: ['Henkilökunta voisi kertoa uutuuksista.', 'Vinkatkaa rohkeammin uusia kirjoja!'] },
					{ key: 'aloite', label: 'aloitteellinen palvelu', count: 9, quotes: ['Olisi kiva, jos joku tulisi kysymään, tarvitsenko apua.'] }
				]
			}
		]
	};
}
