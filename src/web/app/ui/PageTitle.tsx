import { createContext, useContext, useEffect, useState, type CSSProperties, type ReactNode } from 'react';
import { useLocation } from 'react-router';

/** The product's name, last in every document title. */
export const SITE_NAME = '商量';

/** 提案详情 · 第0025号 · 商量: the parts that are set, most specific last before the site. */
export const documentTitle = (...parts: (string | null | undefined)[]) => [...parts.filter((p): p is string => !!p), SITE_NAME].join(' · ');

/** Sets the document title while the calling page is shown (pages outside the shell: login, portal). */
export function useDocumentTitle(...parts: (string | null | undefined)[]) {
  const title = documentTitle(...parts);
  useEffect(() => {
    document.title = title;
  }, [title]);
}

interface PageTitleState {
  /** The page's name from the navigation table (菜单名). */
  label?: string;
  /** What the page added (第0025号), with the address it was added on. */
  detail?: { path: string; text: string };
  setDetail(detail: { path: string; text: string } | undefined): void;
}
const PageTitleContext = createContext<PageTitleState | null>(null);

/**
 * The shell's part: names every page after its row in the navigation table, so each page has its
 * own document title without doing anything; a detail page adds what it shows with usePageTitle.
 */
export function PageTitleProvider({ label, children }: { label?: string; children: ReactNode }) {
  const { pathname } = useLocation();
  const [detail, setDetail] = useState<PageTitleState['detail']>();
  const text = detail?.path === pathname ? detail.text : undefined;
  useEffect(() => {
    document.title = documentTitle(label, text);
  }, [label, text]);
  return <PageTitleContext.Provider value={{ label, detail, setDetail }}>{children}</PageTitleContext.Provider>;
}

/**
 * A page inside the shell names what it shows: `usePageTitle(p?.numberText ?? p?.title)` on 提案详情
 * gives “提案详情 · 第0025号 · 商量”.
 */
export function usePageTitle(detail: string | null | undefined) {
  const ctx = useContext(PageTitleContext);
  const { pathname } = useLocation();
  const setDetail = ctx?.setDetail;
  useEffect(() => {
    if (!setDetail) return;
    setDetail(detail ? { path: pathname, text: detail } : undefined);
  }, [setDetail, detail, pathname]);
}

/** The page's name from the navigation table, for a heading when the page has no better one. */
export const usePageLabel = () => useContext(PageTitleContext)?.label;

const headingStyle: CSSProperties = { font: 'inherit', fontSize: 16, fontWeight: 600, lineHeight: 1.5, margin: 0, color: 'inherit', wordBreak: 'break-word' };

/**
 * The page's one <h1>, drawn like a card title so pages keep their look. PageCard uses it; a detail
 * page puts it in its main card's title. `level={2}` for the further cards of a page.
 */
export function PageHeading({ level = 1, children, style, ...rest }: { level?: 1 | 2; children: ReactNode; style?: CSSProperties; 'data-testid'?: string }) {
  const Tag = level === 1 ? 'h1' : 'h2';
  return (
    <Tag style={{ ...headingStyle, ...(level === 2 ? { fontSize: 15 } : null), ...style }} {...rest}>
      {children}
    </Tag>
  );
}
