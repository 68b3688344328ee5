import { parseProse } from '../src/core/prose/parse';
const ex = require('commonmark-spec').tests;
(async () => {
  const { fromMarkdown } = await import('mdast-util-from-markdown') as any;
  const bad: string[] = [];
  for (const e of ex) { const md = e.markdown.replace(/→/g, '\t'); const r: any[] = [];
    const v = (x: any) => { if (['html', 'code', 'inlineCode', 'definition'].includes(x.type)) r.push([x.position.start.offset, x.position.end.offset]); (x.children || []).forEach(v); }; v(fromMarkdown(md));
    const m = parseProse(md).masked;
    for (const [a, b] of r) { let leak = false; for (let i = a; i < b; i++) if (!/\s/.test(md[i]) && m[i] !== ' ') leak = true; if (leak) { bad.push(e.number + ':' + e.section); break; } } }
  console.log(bad.length, bad.join(' '));
})();
