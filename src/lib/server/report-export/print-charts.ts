/**
 * Charts for the PDF. Chromium's PDF backend (Skia) cannot keep an SVG `<pattern>` fill as vector
 * art: it rasterises every patterned shape, which made a one-library report 30 MB. For the PDF, a
 * patterned fill becomes its base colour (the first `<rect>` of the pattern, as
 * `core/report/charts/palette.ts` draws it) and the hatching is left out; the values stay in the
 * labels and in the data table printed beside every chart. Screens keep the hatching.
 */
export function solidChartFills(markup: string): string {
	const colours = new Map<string, string>();
	const withoutPatterns = markup.replace(/<pattern id="([^"]+)"[^>]*><rect [^>]*?fill="([^"]+)"\/>[\s\S]*?<\/pattern>/g, (_pattern, id: string, colour: string) => {
		colours.set(id, colour);
		return '';
	});
	return withoutPatterns.replace(/url\(#([^)"]+)\)/g, (reference, id: string) => colours.get(id) ?? reference);
}
