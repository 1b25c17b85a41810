// crosscheck's own reports are not articles: `analyze dir -o dir/brief.md` run twice would otherwise read
// its brief back in, merge stories under a "Crosscheck brief" headline and count the brief as an
// independent source. Reports carry a marker when written (markReport); ingest skips what carries one.

export type ReportFormat = 'md' | 'json' | 'html';

/** The marker written into Markdown (an HTML comment, invisible when rendered) and HTML (a generator meta). */
export const REPORT_MARKER = 'crosscheck-report';
const MD_MARKER = `<!-- ${REPORT_MARKER}: written by crosscheck; not an article -->`;
const HTML_MARKER = `<meta name="generator" content="${REPORT_MARKER}">`;

/** The rendered report with its marker. JSON needs none: its shape is the marker (see isOwnReport). */
export function markReport(format: ReportFormat, content: string): string {
  if (format === 'md') return `${MD_MARKER}\n${content}`;
  if (format === 'html') return content.replace(/<head>/i, (head) => `${head}\n${HTML_MARKER}`);
  return content;
}

/** Briefs written before the marker existed: the title line and the report line under it. */
const LEGACY_MD = /^# Crosscheck brief\s*\n\s*\n_[^\n]*\breport \d+\.\d+\.\d+, generated /;
const LEGACY_HTML = /<title>Crosscheck brief<\/title>/;

/** True when a decoded file is a crosscheck report (Markdown, HTML or JSON), marked or of the known shape. */
export function isOwnReport(text: string): boolean {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith(`<!-- ${REPORT_MARKER}`) || LEGACY_MD.test(head)) return true;
  if (head[0] === '<') return head.includes(HTML_MARKER) || (LEGACY_HTML.test(head) && /Content-Security-Policy/i.test(head));
  if (head[0] === '{') {
    // A JSON report: version, generatedAt, articles and stories at the top, as the schema requires.
    if (!/"generatedAt"\s*:/.test(head) || !/^\{\s*"version"\s*:\s*"\d+\.\d+\.\d+"/.test(head)) return false;
    try {
      const value = JSON.parse(text) as Record<string, unknown>;
      return typeof value.generatedAt === 'string' && Array.isArray(value.articles) && Array.isArray(value.stories) && Array.isArray(value.rejected);
    } catch {
      return false;
    }
  }
  return false;
}
