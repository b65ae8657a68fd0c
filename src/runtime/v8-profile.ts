import { setFlagsFromString } from 'node:v8';

/** Maglev is on by default from V8 12 (Node.js 22); turning it on where it is not would be an experiment. */
const maglevByDefault = Number(process.versions.v8.split('.')[0]) >= 12;

/**
 * V8's defaults suit a long-lived program that gets faster the longer it runs. The action mostly waits on the
 * network and the disk, and its hot paths (HTTP, hashing, file I/O) are native code; left at the defaults, its memory
 * grew with the number of sources (measured with `npm run bench`, scenario 12: 1.5× the peak for 400 sources of that
 * for 40), for speed-ups nobody waits for:
 * - the optimising compilers (TurboFan, Maglev) compile hot functions again on background threads, whose memory
 *   allocator keeps what each compile took: 5 to 10 MB more by the end of a long run;
 * - undici's WebAssembly HTTP parser is compiled again the same way, 20 to 30 MB for a moment;
 * - the young generation doubles up to 32 MB under a steady allocation rate, and the old one is let grow to four
 *   times what is live before it is collected; what a request promoted is garbage a moment later.
 * Switched at start-up, before undici compiles its parser. The switches are read as V8 decides, so they hold for
 * what comes after. Each switch: its setting for a process that waits, and V8's own default.
 */
const SWITCHES: readonly (readonly [ioBound: string, v8Default: string])[] = [
  ['--no-turbofan', '--turbofan'],
  ['--no-maglev', maglevByDefault ? '--maglev' : '--no-maglev'],
  ['--no-wasm-tier-up', '--wasm-tier-up'],
  ['--no-wasm-dynamic-tiering', '--wasm-dynamic-tiering'],
  ['--semi-space-growth-factor=1', '--semi-space-growth-factor=2'],
  ['--heap-growing-percent=10', '--heap-growing-percent=0'],
  ['--optimize-for-size', '--no-optimize-for-size']
];

/** For a process that waits more than it computes: small and steady rather than fast once warm. */
export function useIoBoundProfile(): void {
  setFlagsFromString(SWITCHES.map(([ioBound]) => ioBound).join(' '));
}

/**
 * For pixel work (decoding, resampling, encoding), whose loops run many times slower unoptimised and whose memory
 * is the images' anyway: V8's defaults again, from the moment the codecs load.
 */
export function useComputeProfile(): void {
  setFlagsFromString(SWITCHES.map(([, v8Default]) => v8Default).join(' '));
}
