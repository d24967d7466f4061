// Run in every HTML page the preview serves (never in the files on disk): reload after each rebuild, where the reader
// was, and show a failed build's errors over the last good page. The event stream is told which page this is, so
// the page a reader looks at is rebuilt first.
export function liveReload(): void {
  const key = `briefing-scroll:${location.pathname}`;
  const restore = () => {
    const y = Number(sessionStorage.getItem(key));
    if (y) scrollTo(0, y);
  };
  if ((window as { PagedConfig?: unknown }).PagedConfig) window.addEventListener('briefing:paged', restore);
  else addEventListener('load', restore);
  const events = new EventSource(`/events?page=${encodeURIComponent(location.pathname)}`);
  events.addEventListener('reload', () => {
    sessionStorage.setItem(key, String(scrollY));
    location.reload();
  });
  events.addEventListener('failed', (e) => {
    let box = document.getElementById('briefing-error');
    if (!box) {
      box = document.createElement('pre');
      box.id = 'briefing-error';
      document.body.prepend(box);
    }
    box.style.cssText =
      'position:fixed;z-index:99;left:0;right:0;top:0;margin:0;padding:16px;background:#8a1c2b;color:#fff;font:14px/1.4 monospace;white-space:pre-wrap';
    box.textContent = `Build failed (the page shows the last good build):\n${(JSON.parse((e as MessageEvent).data) as { errors: string[] }).errors.join('\n')}`;
  });
}
