import ReactMarkdown, { type Components } from 'react-markdown'

// The page already has its h1 (the title): headings in a body start one level lower.
const components: Components = {
  h1: 'h2',
  h2: 'h3',
  h3: 'h4',
  h4: 'h5',
  a: ({ node: _node, ...props }) => (
    <a {...props} className="text-primary underline hover:text-primary-dark" />
  ),
}

/**
 * Markdown written by staff. Raw HTML is dropped (skipHtml) and react-markdown's default URL
 * filter removes javascript: links, so a body can never inject markup or script.
 */
export function Markdown({
  children,
  className = '',
  lang,
}: {
  children: string
  className?: string
  lang?: string
}) {
  return (
    <div
      lang={lang}
      className={`max-w-prose space-y-4 text-lg [&_h2]:mt-6 [&_h2]:text-2xl [&_h2]:font-bold [&_h3]:mt-5 [&_h3]:text-xl [&_h3]:font-bold [&_li]:ml-6 [&_ol]:list-decimal [&_ul]:list-disc [&_blockquote]:border-l-4 [&_blockquote]:border-line [&_blockquote]:pl-4 ${className}`}
    >
      <ReactMarkdown skipHtml components={components}>
        {children}
      </ReactMarkdown>
    </div>
  )
}
