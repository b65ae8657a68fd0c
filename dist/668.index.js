export const id = 668;
export const ids = [668];
export const modules = {

/***/ 9261:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ StoredNames)
/* harmony export */ });
/**
 * Names under one folder, each given to one path only. An encoding that makes names acceptable (the artifact
 * service's) can give two paths the same name (`a:b.png` and a real `a%3Ab.png`): the second would replace the
 * first's file, or be shown with the first's bytes.
 */
class StoredNames {
    encode;
    /** Each path placed and the name it has, in the order they were placed. */
    placedAs = new Map();
    taken = new Set();
    constructor(encode) {
        this.encode = encode;
    }
    get placed() {
        return this.placedAs;
    }
    /**
     * Puts `path` under its name with `put`, unless another path has that name: then `put` is not called. A `put`
     * that throws leaves the name free, and the error goes to the caller.
     */
    async place(path, put) {
        const storedAs = this.encode(path);
        if (this.taken.has(storedAs))
            return { taken: true, storedAs };
        const value = await put(storedAs);
        this.taken.add(storedAs);
        this.placedAs.set(path, storedAs);
        return { taken: false, storedAs, value };
    }
}


/***/ }),

/***/ 83668:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ writeGallery)
/* harmony export */ });
/* unused harmony export ORIGINALS */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _fs_atomic_file_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5105);
/* harmony import */ var _fs_paths_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(31283);
/* harmony import */ var _fs_read_buffers_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(73541);
/* harmony import */ var _fs_regular_file_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(65650);
/* harmony import */ var _imaging_image_file_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(64002);
/* harmony import */ var _presentation_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5760);
/* harmony import */ var _fs_stored_names_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(9261);










/** Folder inside the gallery that holds copies of the sources, by their workspace-relative paths. */
const ORIGINALS = 'originals';
const TITLE = 'Upscaled images: before and after';
/** Marks the pages we write, so a folder of the user's is never written over. */
const GENERATOR = 'ideogram-upscale gallery';
/** Refuses a non-empty folder that does not hold a gallery of ours. */
async function checkOurs(root) {
    const entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(root).catch(() => []);
    if (entries.length === 0)
        return;
    // Only a file: a FIFO there would block the read; anything else is not a gallery of ours.
    const page = await (0,_fs_regular_file_js__WEBPACK_IMPORTED_MODULE_5__/* .readRegularFile */ .XF)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(root, 'index.html')).then(bytes => bytes.toString('utf8'), () => '');
    if (!page.includes(`<meta name="generator" content="${GENERATOR}">`)) {
        throw new Error(`${root} already holds files that are not a gallery of ours; choose another folder`);
    }
}
const NOTHING = { href: undefined, bytes: undefined, dimensions: undefined, missing: false };
/** A result not under `resultsRoot` (left out of an artifact): named, not linked, and said missing. */
const LEFT_OUT = { ...NOTHING, missing: true };
/** A relative link from the gallery's folder to a file, each segment percent-encoded. */
function link(dir, file) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.relative)(dir, file).split(node_path__WEBPACK_IMPORTED_MODULE_2__.sep).map(encodeURIComponent).join('/');
}
/** Copies a source to `to` among the originals, so the page still shows it where the workspace is not beside it. */
async function copyInto(dir, from, to) {
    if (!(0,_fs_paths_js__WEBPACK_IMPORTED_MODULE_4__/* .isInside */ .FK)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, ORIGINALS), to))
        throw new Error(`${to} is outside the gallery's originals`);
    // A source that failed may be a FIFO: only a regular file is ever opened. Copied a chunk at a time: read whole,
    // each original floated until a garbage collection.
    const opened = await (0,_fs_regular_file_js__WEBPACK_IMPORTED_MODULE_5__/* .openRegularFile */ .ZU)(from);
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(to), { recursive: true });
        const copy = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(to, 'w');
        try {
            for await (const chunk of (0,_fs_read_buffers_js__WEBPACK_IMPORTED_MODULE_8__/* .fileChunks */ .T)(opened.handle))
                await copy.write(chunk);
        }
        finally {
            await copy.close();
        }
        // Its dimensions from the source while it is open, not from the copy opened again.
        const { dimensions } = await (0,_imaging_image_file_js__WEBPACK_IMPORTED_MODULE_6__/* .probeOpened */ .e)(opened);
        return { href: link(dir, to), bytes: opened.stats.size, dimensions, missing: false };
    }
    finally {
        await opened.handle.close();
    }
}
/** A source's copy in the gallery, under the name `originals` gives it; nothing when it cannot be copied there. */
async function copyOriginal(dir, workspace, source, originals) {
    const from = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(workspace, source);
    if (!(0,_fs_paths_js__WEBPACK_IMPORTED_MODULE_4__/* .isInside */ .FK)(workspace, from))
        return NOTHING;
    try {
        const placing = await originals.place(source, storedAs => copyInto(dir, from, (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(dir, ORIGINALS, storedAs)));
        return placing.taken ? NOTHING : placing.value;
    }
    catch {
        return NOTHING;
    }
}
async function readResult(dir, file) {
    const facts = await (0,_imaging_image_file_js__WEBPACK_IMPORTED_MODULE_6__/* .probeImageFile */ .k)(file);
    return { href: link(dir, file), bytes: facts?.bytes, dimensions: facts?.dimensions, missing: facts === undefined };
}
async function collect(dir, workspace, places, result) {
    const original = await copyOriginal(dir, workspace, result.source, places.originals);
    const outputs = [];
    for (const record of result.outputs) {
        const storedAs = places.storedAs(record.path);
        const shown = storedAs === undefined ? LEFT_OUT : await readResult(dir, (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(places.resultsRoot, storedAs));
        outputs.push({ record, ...shown });
    }
    return { result, original, outputs };
}
function resolution(dimensions) {
    return dimensions ? `${dimensions.width}×${dimensions.height}` : '—';
}
const STATUS_TEXT = {
    upscaled: 'upscaled',
    failed: 'failed',
    unsafe: 'withheld as unsafe',
    skipped: 'skipped',
    deferred: 'deferred to a later run'
};
/** How a card's message reads: only a failure is an error; a skip is a plain note. */
const MESSAGE_CLASS = {
    upscaled: 'warning',
    failed: 'error',
    unsafe: 'warning',
    skipped: 'note',
    deferred: 'note'
};
const ZOOM_BUTTONS = `<button type="button" data-zoom="fit" aria-pressed="true">Fit</button>
        <button type="button" data-zoom="1" aria-pressed="false">100%</button>
        <button type="button" data-zoom="2" aria-pressed="false">200%</button>`;
function layer(role, shown, alt, id = '') {
    const { width, height } = shown.dimensions;
    return `<img${id ? ` id="${id}"` : ''} class="layer ${role}" src="${(0,_presentation_js__WEBPACK_IMPORTED_MODULE_7__/* .escapeHtml */ .ZD)(shown.href)}" width="${width}" height="${height}" alt="${(0,_presentation_js__WEBPACK_IMPORTED_MODULE_7__/* .escapeHtml */ .ZD)(alt)}" draggable="false">`;
}
function viewable(shown) {
    return shown.href !== undefined && shown.dimensions !== undefined;
}
/**
 * The comparison: the original and the result stacked in one box the size of the result (both stretched to it, so
 * they line up pixel for pixel whatever their aspect ratio), the result cut at a movable split. One scrolling view
 * holds both layers, so when zoomed they pan together.
 */
function renderViewer(card, index) {
    const { result, original, outputs } = card;
    const first = outputs.find(viewable);
    const name = result.source;
    if (viewable(original) && first) {
        const { width, height } = first.dimensions;
        return `<figure class="viewer" data-viewer data-zoom="fit" data-w="${width}" data-h="${height}">
      <div class="tools" role="group" aria-label="Zoom">
        ${ZOOM_BUTTONS}
        <span class="legend">Original left of the line, result right of it.</span>
      </div>
      <div class="view" tabindex="0" role="slider" aria-label="Split between the original and the result of ${(0,_presentation_js__WEBPACK_IMPORTED_MODULE_7__/* .escapeHtml */ .ZD)(name)}" aria-valuemin="0" aria-valuemax="100" aria-valuenow="50" aria-valuetext="50%">
        <div class="stage">
          ${layer('before', original, `Original of ${name}`)}
          ${layer('after', first, `Result of ${name}`, `after-${index}`)}
          <span class="divider" aria-hidden="true"><span class="handle"></span></span>
        </div>
      </div>
    </figure>`;
    }
    const only = first ?? (viewable(original) ? original : undefined);
    if (only) {
        const what = only === original ? `Original of ${name}` : `Result of ${name}`;
        const { width, height } = only.dimensions;
        return `<figure class="viewer" data-viewer data-zoom="fit" data-w="${width}" data-h="${height}">
      <div class="tools" role="group" aria-label="Zoom">
        ${ZOOM_BUTTONS}
        <span class="legend">${only === original ? 'The original; there is no result to compare with.' : 'The result; the original could not be copied.'}</span>
      </div>
      <div class="view" tabindex="0" aria-label="${(0,_presentation_js__WEBPACK_IMPORTED_MODULE_7__/* .escapeHtml */ .ZD)(what)}">
        <div class="stage">${layer('before', only, what)}</div>
      </div>
    </figure>`;
    }
    const why = original.href ? 'the source could not be read as an image' : 'the original could not be copied';
    return `<p class="placeholder">No preview: ${why}.</p>`;
}
function renderRows(card, index) {
    const { original, outputs } = card;
    const cells = (file, shown, seed, prompt) => `<td data-label="File">${file}</td><td data-label="Size"${shown.bytes === undefined ? '' : ` title="${shown.bytes} bytes"`}>${shown.missing ? 'missing' : (0,_presentation_js__WEBPACK_IMPORTED_MODULE_7__/* .formatBytes */ .z3)(shown.bytes)}</td><td data-label="Resolution">${resolution(shown.dimensions)}</td><td data-label="Seed">${seed}</td><td data-label="Prompt" class="prompt">${prompt}</td>`;
    const source = (0,_presentation_js__WEBPACK_IMPORTED_MODULE_7__/* .escapeHtml */ .ZD)(card.result.source);
    const rows = [
        `<tr><th scope="row">Original</th>${cells(original.href ? `<a href="${(0,_presentation_js__WEBPACK_IMPORTED_MODULE_7__/* .escapeHtml */ .ZD)(original.href)}">${source}</a>` : source, original, '—', '—')}</tr>`
    ];
    const pickable = outputs.filter(viewable).length > 1 && viewable(original);
    outputs.forEach((output, i) => {
        const { record } = output;
        const label = `Result${outputs.length > 1 ? ` ${i + 1}` : ''}`;
        const chosen = pickable && viewable(output)
            ? `<label><input type="radio" name="pick-${index}" data-target="after-${index}" data-w="${output.dimensions.width}" data-h="${output.dimensions.height}" value="${(0,_presentation_js__WEBPACK_IMPORTED_MODULE_7__/* .escapeHtml */ .ZD)(output.href)}"${output === outputs.find(viewable) ? ' checked' : ''}> ${label}</label>`
            : label;
        const file = output.href
            ? `<a href="${(0,_presentation_js__WEBPACK_IMPORTED_MODULE_7__/* .escapeHtml */ .ZD)(output.href)}">${(0,_presentation_js__WEBPACK_IMPORTED_MODULE_7__/* .escapeHtml */ .ZD)(record.path)}</a>`
            : (0,_presentation_js__WEBPACK_IMPORTED_MODULE_7__/* .escapeHtml */ .ZD)(record.path);
        rows.push(`<tr><th scope="row">${chosen}</th>${cells(file, output, record.seed === null ? '—' : String(record.seed), (0,_presentation_js__WEBPACK_IMPORTED_MODULE_7__/* .escapeHtml */ .ZD)(record.prompt ?? '—'))}</tr>`);
    });
    return `<table>
      <thead><tr><th scope="col"></th><th scope="col">File</th><th scope="col">Size</th><th scope="col">Resolution</th><th scope="col">Seed</th><th scope="col">Prompt</th></tr></thead>
      <tbody>${rows.join('\n        ')}</tbody>
    </table>`;
}
function renderCard(card, index) {
    const { result } = card;
    const took = result.seconds === undefined ? '' : ` <span class="took">${result.seconds.toFixed(1)} s</span>`;
    const message = result.error
        ? `\n    <p class="${MESSAGE_CLASS[result.status]}">${(0,_presentation_js__WEBPACK_IMPORTED_MODULE_7__/* .escapeHtml */ .ZD)(result.error)}</p>`
        : '';
    return `<article class="card" data-status="${result.status}">
    <h2><code>${(0,_presentation_js__WEBPACK_IMPORTED_MODULE_7__/* .escapeHtml */ .ZD)(result.source)}</code> <span class="status">${STATUS_TEXT[result.status]}</span>${took}</h2>${message}
    ${renderViewer(card, index)}
    ${renderRows(card, index)}
  </article>`;
}
const STYLE = `
:root { color-scheme: light dark; --line: #8884; --accent: #6d5dfc; font-family: system-ui, sans-serif; }
body { margin: 0 auto; max-width: 72rem; padding: 1rem; }
header p { margin: .25rem 0; }
kbd { border: 1px solid var(--line); border-radius: .25rem; padding: 0 .25rem; font-size: .85em; }
.card { border: 1px solid var(--line); border-radius: .5rem; padding: 1rem; margin: 1rem 0; min-width: 0; }
.card h2 { font-size: 1rem; margin: 0 0 .75rem; overflow-wrap: anywhere; }
.status { font-weight: normal; padding: .1rem .5rem; border-radius: 1rem; background: #2a83; white-space: nowrap; }
[data-status="failed"] .status { background: #e334; }
[data-status="unsafe"] .status { background: #ea33; }
[data-status="skipped"] .status { background: #8883; }
.took { font-weight: normal; opacity: .7; }
.error, .warning, .note { overflow-wrap: anywhere; }
.error { color: #d33; }
.warning { color: #b80; }
.note { opacity: .75; }
.placeholder { border: 1px dashed var(--line); border-radius: .5rem; padding: 2rem 1rem; text-align: center; opacity: .75; }
.viewer { container-type: inline-size; margin: 0; }
.tools { display: flex; gap: .5rem; align-items: center; flex-wrap: wrap; margin-bottom: .5rem; }
.tools button[aria-pressed="true"] { outline: 2px solid var(--accent); }
.legend { opacity: .7; font-size: .9rem; }
.view { position: relative; overflow: auto; width: fit-content; max-width: 100%; max-height: 75vh; touch-action: pan-y; cursor: ew-resize; user-select: none; }
.view:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.viewer:not([data-zoom="fit"]) .view { touch-action: none; cursor: grab; }
.stage { position: relative; width: 100%; aspect-ratio: 3 / 2; }
.viewer[data-zoom="fit"] .stage { width: min(100cqw, 70vh * var(--w) / var(--h)); aspect-ratio: var(--w) / var(--h); }
.viewer[data-zoom="1"] .stage { width: calc(var(--w) * 1px); aspect-ratio: var(--w) / var(--h); }
.viewer[data-zoom="2"] .stage { width: calc(var(--w) * 2px); aspect-ratio: var(--w) / var(--h); }
.layer { position: absolute; inset: 0; display: block; width: 100%; height: 100%; max-width: none; }
.layer.enlarged { image-rendering: pixelated; }
.after { clip-path: inset(0 0 0 var(--split-x, 50%)); }
.divider { position: absolute; top: 0; bottom: 0; left: var(--split-x, 50%); width: 2px; margin-left: -1px; background: var(--accent); cursor: ew-resize; }
.handle { position: absolute; top: 50%; left: 50%; width: 1.75rem; height: 1.75rem; translate: -50% -50%; border-radius: 50%; background: var(--accent); border: 2px solid #fff; }
table { border-collapse: collapse; margin-top: .5rem; width: 100%; font-size: .9rem; }
th, td { text-align: left; padding: .25rem .5rem; border-top: 1px solid var(--line); vertical-align: top; }
td { overflow-wrap: anywhere; }
.prompt { max-width: 30rem; }
@media (max-width: 40rem) {
  body { padding: .5rem; }
  .card { padding: .5rem; }
  thead { display: none; }
  table, tbody, tr, th, td { display: block; }
  tr { border-top: 1px solid var(--line); padding: .25rem 0; }
  th, td { border: 0; padding: .1rem .25rem; }
  td::before { content: attr(data-label) ": "; opacity: .7; }
  .prompt { max-width: none; }
}
`;
const SCRIPT = `
const ZOOMS = ['fit', '1', '2'];
for (const viewer of document.querySelectorAll('[data-viewer]')) {
  const view = viewer.querySelector('.view');
  const stage = viewer.querySelector('.stage');
  const layers = [...viewer.querySelectorAll('.layer')];
  const sliding = view.getAttribute('role') === 'slider';
  let split = 50;
  const size = (width, height) => {
    viewer.style.setProperty('--w', width);
    viewer.style.setProperty('--h', height);
  };
  // Pixels of an image shown larger than it is are drawn as squares: the detail is judged, not the browser's blur.
  const crisp = () => {
    for (const img of layers) img.classList.toggle('enlarged', stage.clientWidth > img.naturalWidth + 0.5);
  };
  // The split stays where it is in the view while the images pan under it.
  const place = () => {
    if (!sliding) return;
    const x = Math.min(stage.clientWidth, view.scrollLeft + (view.clientWidth * split) / 100);
    viewer.style.setProperty('--split-x', x + 'px');
    view.setAttribute('aria-valuenow', String(split));
    view.setAttribute('aria-valuetext', split + '% original, ' + (100 - split) + '% result');
  };
  const setSplit = value => {
    split = Math.min(100, Math.max(0, Math.round(value)));
    place();
  };
  const splitAt = clientX => {
    const box = view.getBoundingClientRect();
    setSplit(((clientX - box.left - view.clientLeft) / view.clientWidth) * 100);
  };
  const zoom = level => {
    // The point at the middle of the view stays there.
    const cx = (view.scrollLeft + view.clientWidth / 2) / stage.clientWidth;
    const cy = (view.scrollTop + view.clientHeight / 2) / stage.clientHeight;
    viewer.dataset.zoom = level;
    for (const button of viewer.querySelectorAll('button[data-zoom]')) {
      button.setAttribute('aria-pressed', String(button.dataset.zoom === level));
    }
    view.scrollLeft = cx * stage.clientWidth - view.clientWidth / 2;
    view.scrollTop = cy * stage.clientHeight - view.clientHeight / 2;
    crisp();
    place();
  };
  size(viewer.dataset.w, viewer.dataset.h);
  for (const button of viewer.querySelectorAll('button[data-zoom]')) {
    button.addEventListener('click', () => zoom(button.dataset.zoom));
  }
  view.addEventListener('pointerdown', down => {
    if (down.button !== 0) return;
    down.preventDefault();
    view.focus();
    // Zoomed, a drag pans both images; the line's handle, or any drag when the whole image fits, moves the split.
    const pan = !sliding || (viewer.dataset.zoom !== 'fit' && !down.target.closest('.divider'));
    let last = down;
    if (!pan) splitAt(down.clientX);
    view.setPointerCapture(down.pointerId);
    const move = event => {
      if (pan) {
        view.scrollLeft -= event.clientX - last.clientX;
        view.scrollTop -= event.clientY - last.clientY;
        last = event;
      } else splitAt(event.clientX);
    };
    const up = () => {
      view.removeEventListener('pointermove', move);
      view.removeEventListener('pointerup', up);
      view.removeEventListener('pointercancel', up);
    };
    view.addEventListener('pointermove', move);
    view.addEventListener('pointerup', up);
    view.addEventListener('pointercancel', up);
  });
  view.addEventListener('keydown', event => {
    const arrows = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    const arrow = arrows[event.key];
    if (arrow && (event.shiftKey || !sliding)) {
      view.scrollLeft += (arrow[0] * view.clientWidth) / 4;
      view.scrollTop += (arrow[1] * view.clientHeight) / 4;
    } else if (arrow) setSplit(split + (arrow[0] || -arrow[1]) * 5);
    else if (event.key === 'Home' && sliding) setSplit(0);
    else if (event.key === 'End' && sliding) setSplit(100);
    else if (event.key === 'f' || event.key === '0') zoom('fit');
    else if (event.key === '1' || event.key === '2') zoom(event.key);
    else if (event.key === '+' || event.key === '-') {
      const at = ZOOMS.indexOf(viewer.dataset.zoom) + (event.key === '+' ? 1 : -1);
      zoom(ZOOMS[Math.min(ZOOMS.length - 1, Math.max(0, at))]);
    } else return;
    event.preventDefault();
  });
  view.addEventListener('scroll', place);
  addEventListener('resize', () => {
    crisp();
    place();
  });
  // An image the browser cannot show leaves a sentence, never a broken-image icon.
  const broken = () => {
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
  const card = viewer.closest('.card');
  for (const pick of card.querySelectorAll('input[data-target]')) {
    pick.addEventListener('change', () => {
      if (!pick.checked) return;
      document.getElementById(pick.dataset.target).src = pick.value;
      size(pick.dataset.w, pick.dataset.h);
      crisp();
      place();
    });
  }
  crisp();
  place();
}
`;
function hash(text) {
    return `'sha256-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(text).digest('base64')}'`;
}
/** The whole page; everything inline, links relative, and a policy that lets nothing else load. */
function renderGallery(cards, options = {}) {
    const when = (options.generatedAt ?? new Date())
        .toISOString()
        .replace('T', ' ')
        .replace(/\.\d+Z$/, ' UTC');
    const policy = `default-src 'none'; img-src 'self' file: data:; style-src ${hash(STYLE)}; script-src ${hash(SCRIPT)}; base-uri 'none'; form-action 'none'`;
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="generator" content="${GENERATOR}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="referrer" content="no-referrer">
<title>${TITLE}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
  <h1>${TITLE}</h1>
  <p>${(0,_presentation_js__WEBPACK_IMPORTED_MODULE_7__/* .countsLine */ .J7)(cards.map(card => card.result))} Made ${when}.</p>
  <p>Drag across an image, or focus it and press <kbd>←</kbd> <kbd>→</kbd>, to move the split between the original and its result. Zoom with the buttons or <kbd>f</kbd> <kbd>1</kbd> <kbd>2</kbd>; when zoomed, drag or press <kbd>Shift</kbd>+arrows to pan both images together.</p>
</header>
<main>
  ${cards.map(renderCard).join('\n  ')}
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
/**
 * Writes `dir/index.html`, a before-and-after page with one card per source, and copies the sources into
 * `dir/originals/<source path>`. Results are not copied: the page links to them relative to `dir`, so `dir` and the
 * results must keep their places relative to each other (e.g. `dir` = `<workspace>/gallery` and an artifact rooted at
 * the workspace, holding `gallery/` beside `upscaled/`). Returns the page's path.
 */
async function writeGallery(dir, workspace, results, options = {}) {
    const root = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(dir);
    await checkOurs(root);
    const cards = [];
    // One at a time: sources can be large, and the order of the page is the order of the results.
    const places = {
        resultsRoot: (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(options.resultsRoot ?? workspace),
        storedAs: options.storedAs ?? (path => path),
        originals: new _fs_stored_names_js__WEBPACK_IMPORTED_MODULE_9__/* .StoredNames */ .y(options.originalAs ?? (path => path))
    };
    for (const result of results)
        cards.push(await collect(root, (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(workspace), places, result));
    const index = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(root, 'index.html');
    await (0,_fs_atomic_file_js__WEBPACK_IMPORTED_MODULE_3__/* .writeFileAtomically */ .lo)(index, renderGallery(cards, options), { replace: true });
    return index;
}


/***/ })

};
