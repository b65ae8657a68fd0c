export const id = 685;
export const ids = [685];
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

/***/ 21685:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Q: () => (/* binding */ writeGallery)
});

// UNUSED EXPORTS: ORIGINALS

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/fs/atomic-file.ts
var atomic_file = __webpack_require__(5105);
// EXTERNAL MODULE: ./src/fs/paths.ts
var paths = __webpack_require__(31283);
// EXTERNAL MODULE: ./src/fs/read-buffers.ts
var read_buffers = __webpack_require__(73541);
// EXTERNAL MODULE: ./src/fs/regular-file.ts
var regular_file = __webpack_require__(65650);
// EXTERNAL MODULE: ./src/fs/stored-names.ts
var stored_names = __webpack_require__(9261);
// EXTERNAL MODULE: ./src/imaging/image-file.ts
var image_file = __webpack_require__(64002);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/report/presentation.ts
var presentation = __webpack_require__(5760);
;// CONCATENATED MODULE: ./src/report/gallery/viewer.ts
/**
 * The gallery page's script: the split, zoom and pan of each viewer. The page holds this function's source text
 * (`wireViewers.toString()`), allowed by its hash, so the function must stand alone: browser globals only, nothing
 * from this module, its imports or a helper the compiler might add (none at ES2022). The browser test runs it.
 */
function wireViewers() {
    const ZOOMS = ['fit', '1', '2'];
    const ARROWS = {
        ArrowLeft: [-1, 0],
        ArrowRight: [1, 0],
        ArrowUp: [0, -1],
        ArrowDown: [0, 1]
    };
    for (const viewer of document.querySelectorAll('[data-viewer]')) {
        const view = viewer.querySelector('.view');
        const stage = viewer.querySelector('.stage');
        if (!view || !stage)
            continue;
        const layers = [...viewer.querySelectorAll('.layer')];
        const sliding = view.getAttribute('role') === 'slider';
        let split = 50;
        // The viewer and each pick of a result carry the size of the result they show.
        const size = (of) => {
            viewer.style.setProperty('--w', of.dataset.w ?? '');
            viewer.style.setProperty('--h', of.dataset.h ?? '');
        };
        // Pixels of an image shown larger than it is are drawn as squares: the detail is judged, not the browser's blur.
        const crisp = () => {
            for (const img of layers)
                img.classList.toggle('enlarged', stage.clientWidth > img.naturalWidth + 0.5);
        };
        // The split stays where it is in the view while the images pan under it.
        const place = () => {
            if (!sliding)
                return;
            const x = Math.min(stage.clientWidth, view.scrollLeft + (view.clientWidth * split) / 100);
            viewer.style.setProperty('--split-x', `${x}px`);
            view.setAttribute('aria-valuenow', String(split));
            view.setAttribute('aria-valuetext', `${split}% original, ${100 - split}% result`);
        };
        const setSplit = (value) => {
            split = Math.min(100, Math.max(0, Math.round(value)));
            place();
        };
        const splitAt = (clientX) => {
            const box = view.getBoundingClientRect();
            setSplit(((clientX - box.left - view.clientLeft) / view.clientWidth) * 100);
        };
        const zoom = (level) => {
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
        size(viewer);
        for (const button of viewer.querySelectorAll('button[data-zoom]')) {
            button.addEventListener('click', () => zoom(button.dataset.zoom ?? 'fit'));
        }
        view.addEventListener('pointerdown', down => {
            if (down.button !== 0)
                return;
            down.preventDefault();
            view.focus();
            // Zoomed, a drag pans both images; the line's handle, or any drag when the whole image fits, moves the split.
            const pan = !sliding ||
                (viewer.dataset.zoom !== 'fit' && !(down.target instanceof Element && down.target.closest('.divider')));
            let last = down;
            if (!pan)
                splitAt(down.clientX);
            view.setPointerCapture(down.pointerId);
            const move = (event) => {
                if (pan) {
                    view.scrollLeft -= event.clientX - last.clientX;
                    view.scrollTop -= event.clientY - last.clientY;
                    last = event;
                }
                else
                    splitAt(event.clientX);
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
            const arrow = ARROWS[event.key];
            if (arrow && (event.shiftKey || !sliding)) {
                view.scrollLeft += (arrow[0] * view.clientWidth) / 4;
                view.scrollTop += (arrow[1] * view.clientHeight) / 4;
            }
            else if (arrow)
                setSplit(split + (arrow[0] || -arrow[1]) * 5);
            else if (event.key === 'Home' && sliding)
                setSplit(0);
            else if (event.key === 'End' && sliding)
                setSplit(100);
            else if (event.key === 'f' || event.key === '0')
                zoom('fit');
            else if (event.key === '1' || event.key === '2')
                zoom(event.key);
            else if (event.key === '+' || event.key === '-') {
                const at = ZOOMS.indexOf(viewer.dataset.zoom ?? 'fit') + (event.key === '+' ? 1 : -1);
                zoom(ZOOMS[Math.min(ZOOMS.length - 1, Math.max(0, at))] ?? 'fit');
            }
            else
                return;
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
            if (img.complete && img.naturalWidth === 0)
                broken();
            img.addEventListener('error', broken);
            img.addEventListener('load', crisp);
        }
        for (const pick of viewer.closest('.card')?.querySelectorAll('input[data-target]') ?? []) {
            pick.addEventListener('change', () => {
                if (!pick.checked)
                    return;
                const after = document.getElementById(pick.dataset.target ?? '');
                if (after instanceof HTMLImageElement)
                    after.src = pick.value;
                size(pick);
                crisp();
                place();
            });
        }
        crisp();
        place();
    }
}

;// CONCATENATED MODULE: ./src/report/gallery/page.ts
/*
 * The gallery's HTML, from the cards that index.ts collects: markup only, no files written or copied here. Every
 * text from a file or a result goes through escapeHtml.
 */




const TITLE = 'Upscaled images: before and after';
/** Marks the pages we write, so a folder of the user's is never written over. */
const GENERATOR_TAG = '<meta name="generator" content="ideogram-upscale gallery">';
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
function page_layer(role, shown, alt, id = '') {
    const { width, height } = shown.dimensions;
    return `<img${id ? ` id="${id}"` : ''} class="layer ${role}" src="${(0,presentation/* escapeHtml */.ZD)(shown.href)}" width="${width}" height="${height}" alt="${(0,presentation/* escapeHtml */.ZD)(alt)}" draggable="false">`;
}
function viewable(shown) {
    return shown.href !== undefined && shown.dimensions !== undefined;
}
/** The zoom buttons and a legend over the view, which scrolls the stage that holds the layers. */
function renderFigure({ size, legend, label, comparison, layers }) {
    const slider = comparison
        ? ' role="slider" aria-valuemin="0" aria-valuemax="100" aria-valuenow="50" aria-valuetext="50%"'
        : '';
    return `<figure class="viewer" data-viewer data-zoom="fit" data-w="${size.width}" data-h="${size.height}">
      <div class="tools" role="group" aria-label="Zoom">
        <button type="button" data-zoom="fit" aria-pressed="true">Fit</button>
        <button type="button" data-zoom="1" aria-pressed="false">100%</button>
        <button type="button" data-zoom="2" aria-pressed="false">200%</button>
        <span class="legend">${legend}</span>
      </div>
      <div class="view" tabindex="0"${slider} aria-label="${(0,presentation/* escapeHtml */.ZD)(label)}">
        <div class="stage">
          ${layers.join('\n          ')}
        </div>
      </div>
    </figure>`;
}
/**
 * The comparison: the original and the result stacked in one box the size of the result (both stretched to it, so
 * they line up pixel for pixel whatever their aspect ratio), the result cut at a movable split. One scrolling view
 * holds both layers, so when zoomed they pan together. Without both, the one there is, alone.
 */
function renderViewer(card, index) {
    const { result, original, outputs } = card;
    const first = outputs.find(viewable);
    const name = result.source;
    if (viewable(original) && first) {
        return renderFigure({
            size: first.dimensions,
            legend: 'Original left of the line, result right of it.',
            label: `Split between the original and the result of ${name}`,
            comparison: true,
            layers: [
                page_layer('before', original, `Original of ${name}`),
                page_layer('after', first, `Result of ${name}`, `after-${index}`),
                '<span class="divider" aria-hidden="true"><span class="handle"></span></span>'
            ]
        });
    }
    const only = first ?? (viewable(original) ? original : undefined);
    if (only) {
        const what = only === original ? `Original of ${name}` : `Result of ${name}`;
        return renderFigure({
            size: only.dimensions,
            legend: only === original
                ? 'The original; there is no result to compare with.'
                : 'The result; the original could not be copied.',
            label: what,
            comparison: false,
            layers: [page_layer('before', only, what)]
        });
    }
    const why = original.href ? 'the source could not be read as an image' : 'the original could not be copied';
    return `<p class="placeholder">No preview: ${why}.</p>`;
}
function renderRows(card, index) {
    const { original, outputs } = card;
    const cells = (file, shown, seed, prompt) => `<td data-label="File">${file}</td><td data-label="Size"${shown.bytes === undefined ? '' : ` title="${shown.bytes} bytes"`}>${shown.missing ? 'missing' : (0,presentation/* formatBytes */.z3)(shown.bytes)}</td><td data-label="Resolution">${resolution(shown.dimensions)}</td><td data-label="Seed">${seed}</td><td data-label="Prompt" class="prompt">${prompt}</td>`;
    const source = (0,presentation/* escapeHtml */.ZD)(card.result.source);
    const rows = [
        `<tr><th scope="row">Original</th>${cells(original.href ? `<a href="${(0,presentation/* escapeHtml */.ZD)(original.href)}">${source}</a>` : source, original, '—', '—')}</tr>`
    ];
    const pickable = outputs.filter(viewable).length > 1 && viewable(original);
    outputs.forEach((output, i) => {
        const { record } = output;
        const label = `Result${outputs.length > 1 ? ` ${i + 1}` : ''}`;
        const chosen = pickable && viewable(output)
            ? `<label><input type="radio" name="pick-${index}" data-target="after-${index}" data-w="${output.dimensions.width}" data-h="${output.dimensions.height}" value="${(0,presentation/* escapeHtml */.ZD)(output.href)}"${output === outputs.find(viewable) ? ' checked' : ''}> ${label}</label>`
            : label;
        const file = output.href
            ? `<a href="${(0,presentation/* escapeHtml */.ZD)(output.href)}">${(0,presentation/* escapeHtml */.ZD)(record.path)}</a>`
            : (0,presentation/* escapeHtml */.ZD)(record.path);
        rows.push(`<tr><th scope="row">${chosen}</th>${cells(file, output, record.seed === null ? '—' : String(record.seed), (0,presentation/* escapeHtml */.ZD)(record.prompt ?? '—'))}</tr>`);
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
        ? `\n    <p class="${MESSAGE_CLASS[result.status]}">${(0,presentation/* escapeHtml */.ZD)(result.error)}</p>`
        : '';
    return `<article class="card" data-status="${result.status}">
    <h2><code>${(0,presentation/* escapeHtml */.ZD)(result.source)}</code> <span class="status">${STATUS_TEXT[result.status]}</span>${took}</h2>${message}
    ${renderViewer(card, index)}
    ${renderRows(card, index)}
  </article>`;
}
/**
 * The page's stylesheet, inlined into each page. A top-level `new URL(literal, import.meta.url)`, which ncc's asset
 * relocator copies into dist/ beside the bundle (the form and its caveats: imaging/wasm-files.ts).
 */
const STYLESHEET = __webpack_require__.ab + "gallery.css";
/** The viewers' function, called where it stands. */
const SCRIPT = `(${wireViewers.toString()})();`;
function hash(text) {
    return `'sha256-${(0,external_node_crypto_.createHash)('sha256').update(text).digest('base64')}'`;
}
/** The whole page; everything inline, links relative, and a policy that lets nothing else load. */
async function renderGallery(cards, generatedAt) {
    const style = await (0,promises_.readFile)(STYLESHEET, 'utf8');
    const when = generatedAt
        .toISOString()
        .replace('T', ' ')
        .replace(/\.\d+Z$/, ' UTC');
    const policy = `default-src 'none'; img-src 'self' file: data:; style-src ${hash(style)}; script-src ${hash(SCRIPT)}; base-uri 'none'; form-action 'none'`;
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
${GENERATOR_TAG}
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="referrer" content="no-referrer">
<title>${TITLE}</title>
<style>${style}</style>
</head>
<body>
<header>
  <h1>${TITLE}</h1>
  <p>${(0,presentation/* countsLine */.J7)(cards.map(card => card.result))} Made ${when}.</p>
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

;// CONCATENATED MODULE: ./src/report/gallery/index.ts









/** Folder inside the gallery that holds copies of the sources, by their workspace-relative paths. */
const ORIGINALS = 'originals';
/** Refuses a non-empty folder that does not hold a gallery of ours. */
async function checkOurs(root) {
    const entries = await (0,promises_.readdir)(root).catch(() => []);
    if (entries.length === 0)
        return;
    // Only a file: a FIFO there would block the read; anything else is not a gallery of ours.
    const page = await (0,regular_file/* readRegularFile */.XF)((0,external_node_path_.join)(root, 'index.html')).then(bytes => bytes.toString('utf8'), () => '');
    if (!page.includes(GENERATOR_TAG)) {
        throw new Error(`${root} already holds files that are not a gallery of ours; choose another folder`);
    }
}
const NOTHING = { href: undefined, bytes: undefined, dimensions: undefined, missing: false };
/** A result not under `resultsRoot` (left out of an artifact): named, not linked, and said missing. */
const LEFT_OUT = { ...NOTHING, missing: true };
/** A relative link from the gallery's folder to a file, each segment percent-encoded. */
function gallery_link(dir, file) {
    return (0,external_node_path_.relative)(dir, file).split(external_node_path_.sep).map(encodeURIComponent).join('/');
}
/** Copies a source to `to` among the originals, so the page still shows it where the workspace is not beside it. */
async function copyInto(dir, from, to) {
    if (!(0,paths/* isInside */.FK)((0,external_node_path_.join)(dir, ORIGINALS), to))
        throw new Error(`${to} is outside the gallery's originals`);
    // A source that failed may be a FIFO: only a regular file is ever opened. Copied a chunk at a time: read whole,
    // each original floated until a garbage collection.
    const opened = await (0,regular_file/* openRegularFile */.ZU)(from);
    try {
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(to), { recursive: true });
        const copy = await (0,promises_.open)(to, 'w');
        try {
            for await (const chunk of (0,read_buffers/* fileChunks */.T)(opened.handle))
                await copy.write(chunk);
        }
        finally {
            await copy.close();
        }
        // Its dimensions from the source while it is open, not from the copy opened again.
        const { dimensions } = await (0,image_file/* probeOpened */.e)(opened);
        return { href: gallery_link(dir, to), bytes: opened.stats.size, dimensions, missing: false };
    }
    finally {
        await opened.handle.close();
    }
}
/** A source's copy in the gallery, under the name `originals` gives it; nothing when it cannot be copied there. */
async function copyOriginal(dir, workspace, source, originals) {
    const from = (0,external_node_path_.resolve)(workspace, source);
    if (!(0,paths/* isInside */.FK)(workspace, from))
        return NOTHING;
    try {
        const placing = await originals.place(source, storedAs => copyInto(dir, from, (0,external_node_path_.resolve)(dir, ORIGINALS, storedAs)));
        return placing.taken ? NOTHING : placing.value;
    }
    catch {
        return NOTHING;
    }
}
async function readResult(dir, file) {
    const facts = await (0,image_file/* probeImageFile */.k)(file);
    return { href: gallery_link(dir, file), bytes: facts?.bytes, dimensions: facts?.dimensions, missing: facts === undefined };
}
async function collect(dir, workspace, places, result) {
    const original = await copyOriginal(dir, workspace, result.source, places.originals);
    const outputs = [];
    for (const record of result.outputs) {
        const storedAs = places.storedAs(record.path);
        const shown = storedAs === undefined ? LEFT_OUT : await readResult(dir, (0,external_node_path_.resolve)(places.resultsRoot, storedAs));
        outputs.push({ record, ...shown });
    }
    return { result, original, outputs };
}
/**
 * Writes `dir/index.html`, a before-and-after page with one card per source, and copies the sources into
 * `dir/originals/<source path>`. Results are not copied: the page links to them relative to `dir`, so `dir` and the
 * results must keep their places relative to each other (e.g. `dir` = `<workspace>/gallery` and an artifact rooted at
 * the workspace, holding `gallery/` beside `upscaled/`). Returns the page's path.
 */
async function writeGallery(dir, workspace, results, options = {}) {
    const root = (0,external_node_path_.resolve)(dir);
    await checkOurs(root);
    const cards = [];
    // One at a time: sources can be large, and the order of the page is the order of the results.
    const places = {
        resultsRoot: (0,external_node_path_.resolve)(options.resultsRoot ?? workspace),
        storedAs: options.storedAs ?? (path => path),
        originals: new stored_names/* StoredNames */.y(options.originalAs ?? (path => path))
    };
    for (const result of results)
        cards.push(await collect(root, (0,external_node_path_.resolve)(workspace), places, result));
    const index = (0,external_node_path_.join)(root, 'index.html');
    await (0,atomic_file/* writeFileAtomically */.lo)(index, await renderGallery(cards, options.generatedAt ?? new Date()), { replace: true });
    return index;
}


/***/ })

};
