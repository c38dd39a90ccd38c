/**
 * The standalone report's style sheet, inline in the file: readable on a 320 px phone and on A4
 * (the PDF is printed from it), text and borders at WCAG AA contrast, numbers in tabular figures,
 * wide tables scrolling sideways on screen and wrapping in print.
 */
export const reportCss = `
:root { color: #1a1a1a; background: #fff; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; line-height: 1.45; }
body { margin: 0 auto; padding: 1rem; max-width: 62rem; overflow-wrap: break-word; hyphens: auto; }
h1 { font-size: 1.6rem; margin: 0 0 0.75rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 0.75rem; border-bottom: 2px solid #1a1a1a; padding-bottom: 0.2rem; }
h3 { font-size: 1.1rem; margin: 1.75rem 0 0.5rem; }
h3 .number { color: #4f4f4f; }
a { color: #0645ad; }
a:focus-visible { outline: 3px solid #0645ad; outline-offset: 2px; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0 0 0.75rem; }
.facts div { display: contents; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; }
.rule { margin: 0.25rem 0; font-size: 0.95rem; }
nav ol { padding-left: 1.4rem; }
.table-wrap { overflow-x: auto; margin: 0.5rem 0 1.25rem; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; min-width: 60%; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; caption-side: top; }
th, td { border: 1px solid #8a8a8a; padding: 0.3rem 0.5rem; vertical-align: top; }
thead th { background: #ececec; text-align: left; }
tbody th { text-align: left; font-weight: 400; min-width: 10rem; }
td { text-align: right; }
td.test { text-align: left; font-size: 0.9rem; }
td .value { font-weight: 600; }
td .interval, td .n { display: block; font-size: 0.85rem; color: #4f4f4f; white-space: nowrap; }
td.not-shown { color: #4f4f4f; }
.notes { font-size: 0.9rem; color: #333; padding-left: 1.2rem; margin: 0.25rem 0 0; }
.zones { font-size: 0.95rem; }
.quotes { text-align: left; margin: 0; padding-left: 1.1rem; }
figure.chart { margin: 0.5rem 0; max-width: 34rem; }
figure.chart svg { width: 100%; height: auto; display: block; }
footer { margin-top: 2.5rem; font-size: 0.85rem; color: #4f4f4f; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
@media (max-width: 30rem) { .facts { grid-template-columns: 1fr; } .facts dd { margin-bottom: 0.3rem; } }
@page { size: A4; margin: 16mm 14mm 18mm; }
@media print {
	body { max-width: none; padding: 0; font-size: 10.5pt; }
	main h2 { break-before: page; }
	h2, h3, caption { break-after: avoid; }
	figure.chart, tr { break-inside: avoid; }
	figure.chart { max-width: 120mm; }
	.table-wrap { overflow: visible; }
	table { width: 100%; font-size: 9pt; }
	th, td { padding: 0.15rem 0.3rem; }
	td .interval, td .n { white-space: normal; font-size: 8pt; }
	a { color: inherit; text-decoration: none; }
	thead { display: table-header-group; }
}
`;
