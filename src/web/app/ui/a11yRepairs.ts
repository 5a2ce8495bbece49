import { useEffect } from 'react';

/*
 * Repairs to the markup antd draws, where it falls short of WCAG 2.0 AA and no prop can fix it.
 * They run after React has drawn (once per frame at most) and touch only attributes React does not
 * manage, so they survive re-renders.
 */

/** Boxes that scroll when their content is wider (tables on a phone) or taller than they are. */
const SCROLLERS = '.ant-table-content, .ant-table-body, [data-scroll-region]';
const MARK = 'data-sl-scroll';
/** Controls inside a part of the page hidden from screen readers: antd's table measure row copies the header's select-all box. */
const HIDDEN_CONTROLS = '[aria-hidden="true"] :is(input, button, select, textarea, a[href], [tabindex]:not([tabindex="-1"]))';

/**
 * A keyboard user can only scroll a box that can take the focus (WCAG 2.1.1): every scroller that
 * really scrolls gets tabindex 0 and a name; one that stops scrolling (a wider window) gives them back.
 */
export function markScrollRegions(root: ParentNode = document) {
  for (const el of root.querySelectorAll<HTMLElement>(SCROLLERS)) {
    const scrolls = el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
    if (scrolls && !el.hasAttribute('tabindex')) {
      el.tabIndex = 0;
      el.setAttribute('role', 'region');
      const named = el.hasAttribute('aria-label');
      if (!named) el.setAttribute('aria-label', el.dataset.scrollRegion || '可滚动的表格');
      el.setAttribute(MARK, named ? 'kept-name' : 'named');
    } else if (!scrolls && el.hasAttribute(MARK)) {
      el.removeAttribute('tabindex');
      el.removeAttribute('role');
      if (el.getAttribute(MARK) === 'named') el.removeAttribute('aria-label');
      el.removeAttribute(MARK);
    }
  }
}

/**
 * Nothing hidden from screen readers may take the focus (WCAG 4.1.2): a keyboard would land on a
 * control that a screen reader cannot announce. Such controls are taken out of the tab order.
 */
export function untabHiddenControls(root: ParentNode = document) {
  for (const el of root.querySelectorAll<HTMLElement>(HIDDEN_CONTROLS)) el.tabIndex = -1;
}

/**
 * A tab list may hold only tabs (WCAG 4.1.2), but when the tabs overflow a phone's width antd puts
 * its “more” button inside the list: the list role moves to the row of tabs itself.
 */
export function repairTabLists(root: ParentNode = document) {
  for (const nav of root.querySelectorAll<HTMLElement>('.ant-tabs-nav[role="tablist"]')) {
    const list = nav.querySelector<HTMLElement>('.ant-tabs-nav-list');
    if (!list) continue;
    list.setAttribute('role', 'tablist');
    const orientation = nav.getAttribute('aria-orientation');
    if (orientation) list.setAttribute('aria-orientation', orientation);
    nav.removeAttribute('role');
    nav.removeAttribute('aria-orientation');
  }
}

/** Runs every repair on the page as it changes and as the window is resized. */
export function useA11yRepairs() {
  useEffect(() => {
    let frame = 0;
    // a box can start to scroll with no change to the page's elements or styles — a table's content
    // widening as its cells take their minimum widths — so each scroller's size and its content's are watched
    // marked at once (after layout, before paint), not a frame later: nothing sees the box unmarked
    const sizes = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => markScrollRegions());
    // observing an element again would report it again, and so schedule forever: each is observed
    // once, and let go when it leaves the page
    const watched = new Set<Element>();
    const watch = (el: Element | null) => {
      if (!el || !sizes || watched.has(el)) return;
      watched.add(el);
      sizes.observe(el);
    };
    const schedule = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        markScrollRegions();
        untabHiddenControls();
        repairTabLists();
        for (const el of watched) {
          if (el.isConnected) continue;
          sizes?.unobserve(el);
          watched.delete(el);
        }
        for (const el of document.querySelectorAll<HTMLElement>(SCROLLERS)) {
          watch(el);
          watch(el.firstElementChild);
        }
      });
    };
    const observer = new MutationObserver(schedule);
    // styles too: antd sizes a table's columns after its rows are drawn, which is when a table on a
    // phone starts to scroll (a change of size alone adds no element)
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['style'] });
    window.addEventListener('resize', schedule);
    void document.fonts?.ready.then(schedule);
    schedule();
    return () => {
      observer.disconnect();
      sizes?.disconnect();
      window.removeEventListener('resize', schedule);
      cancelAnimationFrame(frame);
    };
  }, []);
}
