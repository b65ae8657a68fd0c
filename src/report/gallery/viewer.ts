/**
 * The gallery page's script: the split, zoom and pan of each viewer. The page holds this function's source text
 * (`wireViewers.toString()`), allowed by its hash, so the function must stand alone: browser globals only, nothing
 * from this module, its imports or a helper the compiler might add (none at ES2022). The browser test runs it.
 */
export function wireViewers(): void {
  const ZOOMS = ['fit', '1', '2'];
  const ARROWS: Record<string, readonly [number, number]> = {
    ArrowLeft: [-1, 0],
    ArrowRight: [1, 0],
    ArrowUp: [0, -1],
    ArrowDown: [0, 1]
  };
  for (const viewer of document.querySelectorAll<HTMLElement>('[data-viewer]')) {
    const view = viewer.querySelector<HTMLElement>('.view');
    const stage = viewer.querySelector<HTMLElement>('.stage');
    if (!view || !stage) continue;
    const layers = [...viewer.querySelectorAll<HTMLImageElement>('.layer')];
    const sliding = view.getAttribute('role') === 'slider';
    let split = 50;
    // The viewer and each pick of a result carry the size of the result they show.
    const size = (of: HTMLElement): void => {
      viewer.style.setProperty('--w', of.dataset.w ?? '');
      viewer.style.setProperty('--h', of.dataset.h ?? '');
    };
    // Pixels of an image shown larger than it is are drawn as squares: the detail is judged, not the browser's blur.
    const crisp = (): void => {
      for (const img of layers) img.classList.toggle('enlarged', stage.clientWidth > img.naturalWidth + 0.5);
    };
    // The split stays where it is in the view while the images pan under it.
    const place = (): void => {
      if (!sliding) return;
      const x = Math.min(stage.clientWidth, view.scrollLeft + (view.clientWidth * split) / 100);
      viewer.style.setProperty('--split-x', `${x}px`);
      view.setAttribute('aria-valuenow', String(split));
      view.setAttribute('aria-valuetext', `${split}% original, ${100 - split}% result`);
    };
    const setSplit = (value: number): void => {
      split = Math.min(100, Math.max(0, Math.round(value)));
      place();
    };
    const splitAt = (clientX: number): void => {
      const box = view.getBoundingClientRect();
      setSplit(((clientX - box.left - view.clientLeft) / view.clientWidth) * 100);
    };
    const zoom = (level: string): void => {
      // The point at the middle of the view stays there.
      const cx = (view.scrollLeft + view.clientWidth / 2) / stage.clientWidth;
      const cy = (view.scrollTop + view.clientHeight / 2) / stage.clientHeight;
      viewer.dataset.zoom = level;
      for (const button of viewer.querySelectorAll<HTMLElement>('button[data-zoom]')) {
        button.setAttribute('aria-pressed', String(button.dataset.zoom === level));
      }
      view.scrollLeft = cx * stage.clientWidth - view.clientWidth / 2;
      view.scrollTop = cy * stage.clientHeight - view.clientHeight / 2;
      crisp();
      place();
    };
    size(viewer);
    for (const button of viewer.querySelectorAll<HTMLElement>('button[data-zoom]')) {
      button.addEventListener('click', () => zoom(button.dataset.zoom ?? 'fit'));
    }
    view.addEventListener('pointerdown', down => {
      if (down.button !== 0) return;
      down.preventDefault();
      view.focus();
      // Zoomed, a drag pans both images; the line's handle, or any drag when the whole image fits, moves the split.
      const pan =
        !sliding ||
        (viewer.dataset.zoom !== 'fit' && !(down.target instanceof Element && down.target.closest('.divider')));
      let last = down;
      if (!pan) splitAt(down.clientX);
      view.setPointerCapture(down.pointerId);
      const move = (event: PointerEvent): void => {
        if (pan) {
          view.scrollLeft -= event.clientX - last.clientX;
          view.scrollTop -= event.clientY - last.clientY;
          last = event;
        } else splitAt(event.clientX);
      };
      const up = (): void => {
        view.removeEventListener('pointermove', move);
        view.removeEventListener('pointerup', up);
        view.removeEventListener('pointercancel', up);
      };
      view.addEventListener('pointermove', move);
      view.addEventListener('pointerup', up);
      view.addEventListener('pointercancel', up);
    });
    view.addEventListener('keydown', event => {
      const arrow = ARROWS[event.key];
      if (arrow && (event.shiftKey || !sliding)) {
        view.scrollLeft += (arrow[0] * view.clientWidth) / 4;
        view.scrollTop += (arrow[1] * view.clientHeight) / 4;
      } else if (arrow) setSplit(split + (arrow[0] || -arrow[1]) * 5);
      else if (event.key === 'Home' && sliding) setSplit(0);
      else if (event.key === 'End' && sliding) setSplit(100);
      else if (event.key === 'f' || event.key === '0') zoom('fit');
      else if (event.key === '1' || event.key === '2') zoom(event.key);
      else if (event.key === '+' || event.key === '-') {
        const at = ZOOMS.indexOf(viewer.dataset.zoom ?? 'fit') + (event.key === '+' ? 1 : -1);
        zoom(ZOOMS[Math.min(ZOOMS.length - 1, Math.max(0, at))] ?? 'fit');
      } else return;
      event.preventDefault();
    });
    view.addEventListener('scroll', place);
    addEventListener('resize', () => {
      crisp();
      place();
    });
    // An image the browser cannot show leaves a sentence, never a broken-image icon.
    const broken = (): void => {
      const note = document.createElement('p');
      note.className = 'placeholder';
      note.textContent = 'No preview: the browser could not show this image.';
      viewer.replaceWith(note);
    };
    for (const img of layers) {
      if (img.complete && img.naturalWidth === 0) broken();
      img.addEventListener('error', broken);
      img.addEventListener('load', crisp);
    }
    for (const pick of viewer.closest('.card')?.querySelectorAll<HTMLInputElement>('input[data-target]') ?? []) {
      pick.addEventListener('change', () => {
        if (!pick.checked) return;
        const after = document.getElementById(pick.dataset.target ?? '');
        if (after instanceof HTMLImageElement) after.src = pick.value;
        size(pick);
        crisp();
        place();
      });
    }
    crisp();
    place();
  }
}
