const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Shapes that tell marks apart without colour: a hollow circle is born, a
 * tick is done, a cross is an error, a slashed circle is cancelled, a
 * diamond is an output line and a triangle a line on standard error.
 */
const SHAPES = {
	created: [['circle', { cx: '6', cy: '6', r: '3.6', class: 'tl-glyph-hollow' }]],
	done: [['path', { d: 'M2.4 6.4 5 9 9.6 3.4' }]],
	error: [['path', { d: 'M3 3 9 9M9 3 3 9' }]],
	cancelled: [
		['circle', { cx: '6', cy: '6', r: '4.2' }],
		['path', { d: 'M3.1 8.9 8.9 3.1' }],
	],
	output: [['path', { d: 'M6 1.2 10.8 6 6 10.8 1.2 6Z', class: 'tl-glyph-solid' }]],
	stderr: [['path', { d: 'M6 1.2 11 10.4H1Z', class: 'tl-glyph-solid' }]],
	warning: [
		['path', { d: 'M6 1.2 11 10.4H1Z', class: 'tl-glyph-solid' }],
		['path', { d: 'M6 4.6v2.6M6 8.6v.2', class: 'tl-glyph-cut' }],
	],
	play: [['path', { d: 'M3 1.5 10.5 6 3 10.5Z', class: 'tl-glyph-solid' }]],
	pause: [['path', { d: 'M2.5 1.5h2.6v9H2.5zM6.9 1.5h2.6v9H6.9z', class: 'tl-glyph-solid' }]],
	skip: [['path', { d: 'M1.5 1.5 7.5 6 1.5 10.5ZM8 1.5h2.5v9H8z', class: 'tl-glyph-solid' }]],
} satisfies Record<string, [string, Record<string, string>][]>;

export type GlyphName = keyof typeof SHAPES;

/** A 12×12 icon; decorative, since whatever carries it names it in words. */
export function glyph(name: GlyphName): SVGSVGElement {
	const svg = document.createElementNS(SVG_NS, 'svg');
	svg.setAttribute('viewBox', '0 0 12 12');
	svg.setAttribute('class', `tl-glyph tl-glyph-${name}`);
	svg.setAttribute('aria-hidden', 'true');
	svg.setAttribute('focusable', 'false');
	for (const [tag, attributes] of SHAPES[name]) {
		const shape = document.createElementNS(SVG_NS, tag);
		for (const [key, value] of Object.entries(attributes)) shape.setAttribute(key, value);
		svg.append(shape);
	}
	return svg;
}
