import { fileURLToPath } from 'node:url';
import type { Code, Root, RootContent } from 'mdast';

const PLAYGROUND = fileURLToPath(new URL('../components/Playground.astro', import.meta.url));
const LOCAL_NAME = 'AwaitablePlayground__';

/**
 * Turns fenced blocks marked `playground` into runnable examples:
 *
 * ```python playground title="Three sleeps at once"
 * ...
 * ```
 *
 * Lessons keep writing ordinary fenced code; the plugin swaps each marked
 * block for the Playground component and imports it into the page.
 */
export function remarkPlayground() {
	return (tree: Root) => {
		let found = false;
		tree.children = tree.children.map((node) => {
			if (node.type !== 'code' || !isPlayground(node)) return node;
			found = true;
			return playgroundElement(node);
		});
		if (found) tree.children.unshift(importPlayground());
	};
}

function isPlayground(node: Code): boolean {
	return node.lang === 'python' && /(^|\s)playground(\s|$)/.test(node.meta ?? '');
}

function playgroundElement(node: Code): RootContent {
	const title = /title="([^"]*)"/.exec(node.meta ?? '')?.[1];
	const attributes = [{ type: 'mdxJsxAttribute', name: 'code', value: node.value }];
	if (title) attributes.push({ type: 'mdxJsxAttribute', name: 'title', value: title });
	return { type: 'mdxJsxFlowElement', name: LOCAL_NAME, attributes, children: [] } as unknown as RootContent;
}

/** `import AwaitablePlayground__ from ".../Playground.astro"`, as MDX's ESM node with its estree. */
function importPlayground(): RootContent {
	return {
		type: 'mdxjsEsm',
		value: '',
		data: {
			estree: {
				type: 'Program',
				sourceType: 'module',
				body: [
					{
						type: 'ImportDeclaration',
						specifiers: [{ type: 'ImportDefaultSpecifier', local: { type: 'Identifier', name: LOCAL_NAME } }],
						source: { type: 'Literal', value: PLAYGROUND, raw: JSON.stringify(PLAYGROUND) },
					},
				],
			},
		},
	} as unknown as RootContent;
}
