/** The id of the page's main region, the target of the skip link. */
export const MAIN_ID = 'main';

/**
 * 跳到主要内容: the first thing a keyboard reaches, hidden until it has the focus, so a keyboard or
 * screen-reader user need not pass the whole menu on every page (WCAG 2.4.1).
 */
export function SkipLink() {
  return (
    <a className="sl-skip-link" href={`#${MAIN_ID}`} onClick={(e) => {
      e.preventDefault();
      document.getElementById(MAIN_ID)?.focus();
    }}>
      跳到主要内容
    </a>
  );
}
