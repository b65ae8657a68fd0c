import { setFlagsFromString } from 'node:v8';

/**
 * undici parses HTTP with llhttp compiled to WebAssembly, as soon as it loads. Once the parser has run a while, V8
 * compiles its one huge state-machine function again with its optimising compiler, in the background: 20 to 30 MB
 * for a moment on every run (a fifth of the action's peak), to speed up parsing a few hundred small answers, which
 * the baseline code already parses faster than the network delivers them. A budget no run spends keeps WebAssembly
 * on its baseline code (the local provider's codecs measured no slower: 3 s of CPU either way). Imported before
 * anything else by the action's entry point: the budget must hold when undici instantiates the parser.
 */
setFlagsFromString('--wasm-tiering-budget=2000000000');
