/// <reference types="vite/client" />
/**
 * Registers the service worker (/sw.js) in a production build only: under Vite's dev server there
 * is no /sw.js, and a worker caching the dev server's modules would serve stale code.
 */
export function registerServiceWorker() {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  // after the page has loaded: installing (which fetches the shell's files) never slows the first view
  const register = () => navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((err) => console.warn('service worker not registered', err));
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
