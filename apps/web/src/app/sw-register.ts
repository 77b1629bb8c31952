/** Registers the app-shell service worker in production builds; the dev server serves modules it must not cache. */
export function registerServiceWorker() {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch((e: unknown) => {
      console.warn('service worker registration failed', e);
    });
  });
}
