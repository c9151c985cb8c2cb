// Words a person reads live in this folder's table, nowhere else in the app: every page and
// component under app/ is read with TypeScript's parser, and any text it would show fails here
// (JSX text, a string in a JSX attribute that is not a non-word such as a class name or a test
// id, a string put straight into JSX, and the `label`/`title` of an object a view shows).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** JSX attributes whose strings are never read by a person. */
const NON_WORD_ATTRIBUTES = new Set([
  'className', 'id', 'key', 'href', 'src', 'type', 'role', 'rel', 'target', 'method', 'name', 'htmlFor',
  'autoComplete', 'autoCapitalize', 'autoCorrect', 'spellCheck', 'inputMode', 'enterKeyHint', 'pattern',
  'lang', 'dir', 'crossOrigin', 'referrerPolicy', 'loading', 'decoding', 'sizes', 'media', 'as', 'form',
  'aria-live', 'aria-hidden', 'aria-current', 'aria-haspopup', 'aria-controls', 'aria-labelledby',
  'aria-describedby', 'aria-orientation', 'aria-sort', 'aria-atomic', 'aria-relevant', 'aria-expanded',
  'aria-pressed', 'aria-busy', 'aria-modal', 'aria-invalid', 'aria-disabled', 'aria-selected',
  'value', 'step', 'viewer', 'initialMode', 'patternUnits', 'patternTransform', 'scope', 'align', 'color', 'mode', 'size', 'variant', 'side', 'level', 'tone', 'look', 'layout', 'kind',
  // SVG and charts
  'viewBox', 'd', 'fill', 'stroke', 'strokeWidth', 'strokeLinecap', 'strokeLinejoin', 'strokeDasharray',
  'fillRule', 'clipRule', 'transform', 'preserveAspectRatio', 'xmlns', 'focusable', 'points', 'textAnchor',
  'dominantBaseline', 'fontSize', 'fontWeight', 'dataKey', 'stackId', 'orientation', 'interval', 'unit',
  'format', 'position', 'layout', 'shape', 'legendType', 'scale', 'domain', 'tick', 'axisLine',
]);
const nonWordAttribute = (name: string) => NON_WORD_ATTRIBUTES.has(name) || name.startsWith('data-') || /^on[A-Z]/.test(name) || /(?:ClassName|Class|Id|Key|Href|Testid|TestId|Color)$/.test(name);

/** Properties of objects a view shows: their strings are words. */
const WORD_PROPERTIES = new Set(['label', 'title', 'text', 'hint', 'caption', 'placeholder', 'ariaLabel', 'description', 'heading', 'legend']);

const hasWord = (text: string) => /\p{L}{2,}/u.test(text);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return file === path.join('app', 'words') ? [] : sources(file);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

/** The text of a literal, or null when the node is none. */
function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
  return null;
}

/** Whether a literal's value ends up as the value of `outer`: through `a ? b : c`, `a ?? b`, `a || b`, `a && b`, `a + b`, parentheses. */
function flowsInto(node: ts.Node): ts.Node {
  let at = node;
  for (;;) {
    const parent = at.parent;
    if (ts.isParenthesizedExpression(parent)) at = parent;
    else if (ts.isConditionalExpression(parent) && parent.condition !== at) at = parent;
    else if (ts.isBinaryExpression(parent) && [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.PlusToken].includes(parent.operatorToken.kind) && (parent.right === at || parent.operatorToken.kind === ts.SyntaxKind.PlusToken)) at = parent;
    else return at;
  }
}

function wordsOutsideTable(file: string, source: string): string[] {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const { line } = tree.getLineAndCharacterOfPosition(node.getStart());
    found.push(`${file}:${line + 1}: ${JSON.stringify(text.trim().slice(0, 60))}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasWord(node.text)) report(node, node.text);
    const text = literalText(node);
    if (text !== null && hasWord(text)) {
      const outer = flowsInto(node);
      const parent = outer.parent;
      if (ts.isJsxAttribute(parent)) {
        if (!nonWordAttribute(parent.name.getText())) report(node, text);
      } else if (ts.isJsxExpression(parent)) {
        const holder = parent.parent;
        if (ts.isJsxAttribute(holder)) {
          if (!nonWordAttribute(holder.name.getText())) report(node, text);
        } else report(node, text);
      } else if (ts.isPropertyAssignment(parent) && parent.initializer === outer && WORD_PROPERTIES.has(parent.name.getText().replace(/['"]/g, ''))) {
        report(node, text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

describe('words live in the table', () => {
  it('finds words in JSX text, attributes, expressions and shown objects', () => {
    const sample = `
      const LOOK = { label: 'Free seat', frame: 'border-dashed' };
      export const A = ({ on }: { on: boolean }) => (
        <p className="text-sm" data-testid="seat-1" aria-label="Seats">
          Hello {on ? 'Open joining' : 'Close joining'} {name ?? 'free'} {list.filter((b) => b.status === 'finished').length}
          <input placeholder={\`type \${x}\`} type="text" />
        </p>
      );`;
    const found = wordsOutsideTable('sample.tsx', sample).map((line) => line.replace(/^sample\.tsx:\d+: /, ''));
    expect(found).toEqual(['"Free seat"', '"Seats"', '"Hello"', '"Open joining"', '"Close joining"', '"free"', '"type"']);
  });

  it('has no word outside app/words/ in any page or component', () => {
    const found = sources('app').flatMap((file) => wordsOutsideTable(file, readFileSync(file, 'utf8')));
    expect(found).toEqual([]);
  });
});
