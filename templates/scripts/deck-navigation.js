// @ts-check
// The HTML deck's own navigation, put in the page by slides.hbs ({{{navigation}}}); nothing from the essay runs here.
// Arrows, space, Page Up/Down, Home/End, S for the speaker view; the slide number is kept in the address (#3) so a
// reload stays put. A file of its own, read as it is written: the deck's bytes do not depend on how the tool was
// loaded (type-checked with the pipeline through // @ts-check, linted by Biome).
(() => {
  const slides = [...document.querySelectorAll('.slide')];
  const byId = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
  const speaker = byId('speaker');
  let current = 0;
  const started = Date.now();
  const fitToWindow = () => {
    const scale = Math.min(innerWidth / 1920, innerHeight / 1080);
    document.documentElement.style.setProperty('--scale', String(scale));
  };
  const clone = (/** @type {number} */ index, /** @type {HTMLElement} */ into) => {
    into.replaceChildren();
    const slide = slides[index];
    if (slide) /** @type {HTMLElement} */ (into.appendChild(slide.cloneNode(true))).classList.add('shown');
  };
  const show = (/** @type {number} */ index) => {
    current = Math.max(0, Math.min(slides.length - 1, index));
    for (const [i, slide] of slides.entries()) slide.classList.toggle('shown', i === current);
    if (location.hash !== `#${current + 1}`) history.replaceState(null, '', `#${current + 1}`);
    if (!speaker.hidden) {
      clone(current, byId('now'));
      clone(current + 1, byId('next'));
      byId('notes').innerHTML = slides[current]?.querySelector('.notes')?.innerHTML ?? '';
    }
  };
  /** @type {Record<string, number>} */
  const moves = {
    ArrowRight: 1,
    ArrowDown: 1,
    PageDown: 1,
    ' ': 1,
    Enter: 1,
    ArrowLeft: -1,
    ArrowUp: -1,
    PageUp: -1,
    Backspace: -1,
  };
  document.addEventListener('keydown', (event) => {
    const move = moves[event.key];
    if (move !== undefined) show(current + move);
    else if (event.key === 'Home') show(0);
    else if (event.key === 'End') show(slides.length - 1);
    else if (event.key === 's' || event.key === 'S') {
      speaker.hidden = !speaker.hidden;
      document.body.classList.toggle('speaking', !speaker.hidden);
      show(current);
    } else return;
    event.preventDefault();
  });
  setInterval(() => {
    const s = Math.floor((Date.now() - started) / 1000);
    byId('clock').textContent = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  }, 1000);
  addEventListener('resize', fitToWindow);
  document.documentElement.classList.add('presenting');
  fitToWindow();
  show((Number(location.hash.slice(1)) || 1) - 1);
})();
